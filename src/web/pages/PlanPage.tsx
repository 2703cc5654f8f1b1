import { Anchor, Breadcrumbs, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { PlanDetail } from '../../contract/plans.js';
import { queryString } from '../api.js';
import { Section } from '../components/layout.js';
import { PlanBadges } from '../components/plan-badges.js';
import { PlanConcerns } from '../components/plan-concerns.js';
import { PlanDeadlineHistory } from '../components/plan-deadline-history.js';
import { PlanDeadlineModal } from '../components/plan-deadline-modal.js';
import { PlanDeriveModal } from '../components/plan-derive-modal.js';
import { PlanDerivedList } from '../components/plan-derived-list.js';
import { PlanDocumentView } from '../components/plan-document-view.js';
import { PlanEditForm } from '../components/plan-edit-form.js';
import { PlanPublishModal } from '../components/plan-publish.js';
import { planNumberText, usePlanQuery } from '../components/plan-queries.js';
import { PlanWorkplaces } from '../components/plan-workplaces.js';
import { ErrorNotice, Loading } from '../components/states.js';
import { PATHS } from '../paths.js';

type OpenModal = 'deadline' | 'derive' | 'publish' | null;

/** A derived plan's progress is its root plan's, read from the derived plan's organization down. */
function progressPath(plan: PlanDetail): string {
  if (plan.determiningPlanId === plan.id) return PATHS.planProgress(plan.id);
  return `${PATHS.planProgress(plan.determiningPlanId)}${queryString({ organizationId: plan.organizationId })}`;
}

function PlanActions({
  plan,
  onEdit,
  onOpen,
}: {
  plan: PlanDetail;
  onEdit: () => void;
  onOpen: (modal: OpenModal) => void;
}) {
  const draft = plan.status === 'draft';
  return (
    <Group gap="xs" wrap="wrap">
      {draft && plan.permissions.edit && (
        <Button variant="light" onClick={onEdit}>
          Sửa kế hoạch
        </Button>
      )}
      {draft && plan.permissions.publish && <Button onClick={() => onOpen('publish')}>Ban hành</Button>}
      {!draft && plan.permissions.changeDeadlines && (
        <Button variant="light" onClick={() => onOpen('deadline')}>
          Đổi thời hạn
        </Button>
      )}
      {!draft && plan.permissions.derive && plan.derivableOrganizations.length > 0 && (
        <Button variant="light" onClick={() => onOpen('derive')}>
          Cụ thể hóa kế hoạch
        </Button>
      )}
      {!draft && (
        <Button variant="default" component={Link} to={progressPath(plan)}>
          Tiến độ
        </Button>
      )}
      <Button variant="default" component="a" href={`/api/v1/plans/${plan.id}/document.docx`} download>
        Tải DOCX
      </Button>
      <Button variant="default" component="a" href={`/api/v1/plans/${plan.id}/document.pdf`} download>
        Tải PDF
      </Button>
    </Group>
  );
}

function PlanContent({
  plan,
  editing,
  setEditing,
}: {
  plan: PlanDetail;
  editing: boolean;
  setEditing: (on: boolean) => void;
}) {
  const [openModal, setOpenModal] = useState<OpenModal>(null);
  const [, setSearch] = useSearchParams();
  if (editing && plan.status === 'draft' && plan.permissions.edit)
    return <PlanEditForm plan={plan} onDone={() => setEditing(false)} />;
  return (
    <Stack>
      <PlanActions plan={plan} onEdit={() => setEditing(true)} onOpen={setOpenModal} />
      <PlanDocumentView plan={plan} />
      {plan.derivedPlans.length > 0 && (
        <Section title="Kế hoạch cụ thể hóa">
          <PlanDerivedList plans={plan.derivedPlans} />
        </Section>
      )}
      {plan.deadlineChanges.length > 0 && (
        <Section title="Lịch sử đổi thời hạn">
          <PlanDeadlineHistory changes={plan.deadlineChanges} />
        </Section>
      )}
      {openModal === 'deadline' && <PlanDeadlineModal plan={plan} onClose={() => setOpenModal(null)} />}
      {openModal === 'derive' && <PlanDeriveModal plan={plan} onClose={() => setOpenModal(null)} />}
      {openModal === 'publish' && (
        <PlanPublishModal
          plan={plan}
          onClose={() => setOpenModal(null)}
          onPublished={() => setSearch({ tab: 'co-quan' })}
        />
      )}
    </Stack>
  );
}

export default function PlanPage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const query = usePlanQuery(id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const plan = query.data;
  const published = plan.status === 'published';
  const tab = search.get('tab') ?? 'noi-dung';
  const editing = search.get('sua') === '1';
  const setEditing = (on: boolean) => setSearch(on ? { sua: '1' } : {});

  return (
    <Stack>
      <Breadcrumbs separatorMargin={6}>
        <Anchor component={Link} to={PATHS.plans}>
          Kế hoạch
        </Anchor>
        <Text size="sm">{planNumberText(plan)}</Text>
      </Breadcrumbs>
      <Stack gap={4}>
        <Title order={2}>
          Kế hoạch {planNumberText(plan)} ({plan.year})
        </Title>
        <Text size="sm">{plan.organizationName}</Text>
        <PlanBadges plan={plan} />
      </Stack>
      <Tabs
        value={tab}
        onChange={(value) => setSearch(value && value !== 'noi-dung' ? { tab: value } : {})}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="noi-dung">Nội dung</Tabs.Tab>
          {published && <Tabs.Tab value="co-quan">Cơ quan phải họp</Tabs.Tab>}
          {published && <Tabs.Tab value="vuong-mac">Khó khăn, vướng mắc</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="noi-dung" pt="md">
          <PlanContent plan={plan} editing={editing} setEditing={setEditing} />
        </Tabs.Panel>
        {published && (
          <Tabs.Panel value="co-quan" pt="md">
            <PlanWorkplaces planId={plan.id} />
          </Tabs.Panel>
        )}
        {published && (
          <Tabs.Panel value="vuong-mac" pt="md">
            <PlanConcerns plan={plan} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
