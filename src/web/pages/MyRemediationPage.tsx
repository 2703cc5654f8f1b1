import { Stack, Text, Title } from '@mantine/core';
import { Section } from '../components/layout.js';
import { RemediationItemCard } from '../components/remediation-item-card.js';
import { useMyRemediationQuery, useWorkplaceRemediationQuery } from '../components/remediation-queries.js';
import { EmptyState, ErrorNotice, Loading } from '../components/states.js';

function MyItems() {
  const mine = useMyRemediationQuery();
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <ErrorNotice error={mine.error} />;
  if (mine.data.items.length === 0) return null;
  return (
    <Section title="Việc khắc phục của tôi">
      {mine.data.items.map((item, index) => (
        <RemediationItemCard
          key={item.id}
          item={item}
          index={index}
          permissions={{ canAnswer: false, canProgress: true, canComment: false }}
        />
      ))}
    </Section>
  );
}

function WorkplacePlans() {
  const plans = useWorkplaceRemediationQuery();
  if (plans.isPending) return <Loading />;
  if (plans.isError) return <ErrorNotice error={plans.error} />;
  return plans.data.plans.map((plan) => (
    <Section key={plan.meetingId} title={`${plan.workplaceName} — năm ${plan.year}`}>
      <Text size="sm">
        {plan.tally.total} việc · đã hoàn thành {plan.tally.done} · quá hạn {plan.tally.overdue}
      </Text>
      {plan.items.map((item, index) => (
        <RemediationItemCard
          key={item.id}
          item={item}
          index={index}
          permissions={{ canAnswer: false, canProgress: false, canComment: plan.canComment }}
        />
      ))}
    </Section>
  ));
}

/** A member's own items to update; for one of the masses, the workplace's plans to supervise. */
export default function MyRemediationPage() {
  const mine = useMyRemediationQuery();
  const plans = useWorkplaceRemediationQuery();
  const nothing = mine.data?.items.length === 0 && plans.data?.plans.length === 0;
  return (
    <Stack>
      <Title order={2}>Kế hoạch khắc phục</Title>
      <MyItems />
      <WorkplacePlans />
      {nothing && (
        <EmptyState>Bạn chưa có việc khắc phục nào và cơ quan của bạn chưa có kế hoạch khắc phục.</EmptyState>
      )}
    </Stack>
  );
}
