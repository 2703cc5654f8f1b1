import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link } from 'react-router';
import type { PlanSummary } from '../../contract/plans.js';
import { formatDate } from '../api.js';
import { PlanBadges } from '../components/plan-badges.js';
import { PlanCreateModal } from '../components/plan-create-modal.js';
import { PLAN_DEADLINE_LABELS, PLAN_DEADLINES } from '../components/plan-dates.js';
import { planNumberText, usePlansQuery } from '../components/plan-queries.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import { EmptyState, ErrorNotice, Loading } from '../components/states.js';
import { PATHS } from '../paths.js';
import { useHasRole } from '../session.js';

function PlanRows({ plans }: { plans: PlanSummary[] }) {
  return (
    <ResponsiveTable minWidth={760} striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Số</Table.Th>
          <Table.Th>Kế hoạch</Table.Th>
          <Table.Th>Năm</Table.Th>
          {PLAN_DEADLINES.map((deadline) => (
            <Table.Th key={deadline}>{PLAN_DEADLINE_LABELS[deadline]}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {plans.map((plan) => (
          <Table.Tr key={plan.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{planNumberText(plan)}</Table.Td>
            <Table.Td>
              <Stack gap={2}>
                <Anchor component={Link} to={PATHS.plan(plan.id)}>
                  Kế hoạch {plan.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {plan.organizationName}
                </Text>
                <PlanBadges plan={plan} />
              </Stack>
            </Table.Td>
            <Table.Td>{plan.year}</Table.Td>
            {PLAN_DEADLINES.map((deadline) => (
              <Table.Td key={deadline}>{formatDate(plan[deadline])}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ResponsiveTable>
  );
}

export default function PlansPage() {
  const mayIssue = useHasRole('organization-board', 'committee');
  const [creating, createModal] = useDisclosure(false);
  const plans = usePlansQuery();
  const applying = plans.data?.filter((plan) => plan.applies && !plan.issuedHere) ?? [];
  const issuedHere = plans.data?.filter((plan) => plan.issuedHere) ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Kế hoạch</Title>
        {mayIssue && <Button onClick={createModal.open}>Soạn kế hoạch mới</Button>}
      </Group>
      {plans.isPending ? (
        <Loading />
      ) : plans.isError ? (
        <ErrorNotice error={plans.error} />
      ) : plans.data.length === 0 ? (
        <EmptyState>
          Chưa có kế hoạch nào.{mayIssue ? ' Bấm "Soạn kế hoạch mới" để lập kế hoạch từ mẫu.' : ''}
        </EmptyState>
      ) : (
        <>
          {issuedHere.length > 0 && (
            <Stack gap="xs">
              <Title order={4}>Do tổ chức trong phạm vi ban hành ({issuedHere.length})</Title>
              <PlanRows plans={issuedHere} />
            </Stack>
          )}
          {applying.length > 0 && (
            <Stack gap="xs">
              <Title order={4}>Kế hoạch cấp trên áp dụng cho đơn vị ({applying.length})</Title>
              <PlanRows plans={applying} />
            </Stack>
          )}
        </>
      )}
      {creating && <PlanCreateModal onClose={createModal.close} />}
    </Stack>
  );
}
