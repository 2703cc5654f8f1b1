import { Anchor, Badge, Group, Select, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { REPORT_STATES } from '../../contract/reports.js';
import { REPORT_STATE_LABELS } from '../../domain/reports.js';
import { Section } from '../components/layout.js';
import { OrganizationPicker } from '../components/organization-picker.js';
import { planNumberText, usePlansQuery } from '../components/plan-queries.js';
import { ReportChildrenTable } from '../components/report-children.js';
import { useReportListQuery } from '../components/report-queries.js';
import { EmptyState, ErrorNotice, Loading } from '../components/states.js';
import { PATHS } from '../paths.js';

const COUNT_COLORS = { on_time: 'green', late: 'orange', missing: 'red', not_yet_due: 'gray' } as const;

function ReceivedReports({ planId, organizationId }: { planId: string; organizationId: string | undefined }) {
  const list = useReportListQuery(planId, organizationId);
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorNotice error={list.error} />;
  const { receiver, items, counts } = list.data;
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text>
          Tổ chức nhận báo cáo: <strong>{receiver.name}</strong>
        </Text>
        <Anchor component={Link} to={PATHS.report(planId, receiver.id)}>
          Mở báo cáo của {receiver.name}
        </Anchor>
      </Group>
      <Section title="Báo cáo của các tổ chức trực thuộc">
        <Group gap="xs" aria-label="Số báo cáo theo tình trạng">
          {REPORT_STATES.map((state) => (
            <Badge key={state} color={COUNT_COLORS[state]} variant="outline" size="lg">
              {REPORT_STATE_LABELS[state]}: {counts[state]}
            </Badge>
          ))}
        </Group>
        {items.length === 0 ? (
          <EmptyState>Không có tổ chức trực thuộc nào phải báo cáo về {receiver.name}.</EmptyState>
        ) : (
          <ReportChildrenTable planId={planId} items={items} />
        )}
      </Section>
    </Stack>
  );
}

/**
 * DESIGN step 9 for the receiving level: pick a plan (and, for an officer above, the organization),
 * see which reports are in on time, late, missing or not yet due, and open each.
 */
export default function ReportsPage() {
  const [search, setSearch] = useSearchParams();
  const plans = usePlansQuery();
  if (plans.isPending) return <Loading />;
  if (plans.isError) return <ErrorNotice error={plans.error} />;
  const published = plans.data.filter((plan) => plan.status === 'published' && !plan.parentPlanId);
  const planId = search.get('planId') ?? published[0]?.id ?? null;
  const organizationId = search.get('organizationId') ?? undefined;
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) next.delete(key);
      else next.set(key, value);
    }
    setSearch(next);
  };

  return (
    <Stack>
      <Title order={2}>Báo cáo</Title>
      <Text size="sm" c="dimmed">
        Chi bộ báo cáo về đảng ủy cơ sở, đảng ủy cơ sở báo cáo về cấp ban hành kế hoạch; Ban Tổ chức tổng hợp
        báo cáo cấp trên.
      </Text>
      {published.length === 0 ? (
        <EmptyState>Chưa có kế hoạch nào được ban hành trong phạm vi của bạn.</EmptyState>
      ) : (
        <>
          <Group align="flex-end" wrap="wrap">
            <Select
              label="Kế hoạch"
              w={360}
              allowDeselect={false}
              value={planId}
              data={published.map((plan) => ({
                value: plan.id,
                label: `${planNumberText(plan)} (năm ${plan.year}) – ${plan.organizationName}`,
              }))}
              onChange={(value) => value && update({ planId: value, organizationId: undefined })}
            />
            <OrganizationPicker
              label="Tổ chức nhận báo cáo"
              placeholder="Tổ chức cao nhất trong phạm vi của bạn"
              clearable
              value={organizationId ?? null}
              onChange={(picked) => update({ organizationId: picked?.id })}
            />
          </Group>
          {planId && <ReceivedReports planId={planId} organizationId={organizationId} />}
        </>
      )}
    </Stack>
  );
}
