import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { PlanDetail } from '../../contract/plans.js';
import { api, formatDateTime } from '../api.js';
import { AbsenceNotices } from '../components/meeting-absence-notices.js';
import { planKey, planNumberText } from '../components/plan-queries.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import { SelfCriticismStatusBadge } from '../components/self-criticism-badge.js';
import { useMySelfCriticismsQuery } from '../components/self-criticism-queries.js';
import { EmptyState, ErrorNotice, Loading } from '../components/states.js';
import { PATHS } from '../paths.js';

/** The plans behind the member's reports, by id (a member has a report or two a year). */
function usePlanNames(planIds: string[]): Map<string, string> {
  const plans = useQueries({
    queries: planIds.map((id) => ({
      queryKey: planKey(id),
      queryFn: () => api.get<PlanDetail>(`/plans/${id}`),
      retry: false,
    })),
  });
  const names = new Map<string, string>();
  for (const plan of plans)
    if (plan.data) names.set(plan.data.id, `Kế hoạch ${planNumberText(plan.data)} (${plan.data.year})`);
  return names;
}

export default function MySelfCriticismsPage() {
  const query = useMySelfCriticismsQuery();
  const planIds = [...new Set((query.data ?? []).map((report) => report.planId))];
  const planNames = usePlanNames(planIds);
  return (
    <Stack>
      <Title order={2}>Bản tự phê bình của tôi</Title>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorNotice error={query.error} />
      ) : query.data.length === 0 ? (
        <EmptyState>
          Chưa có bản tự phê bình nào: khi kế hoạch được ban hành, bản tự phê bình sẽ xuất hiện ở đây.
        </EmptyState>
      ) : (
        <ResponsiveTable striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Kế hoạch</Table.Th>
              <Table.Th>Cơ quan, đơn vị</Table.Th>
              <Table.Th>Tình trạng</Table.Th>
              <Table.Th>Lưu lần cuối</Table.Th>
              <Table.Th aria-label="Thao tác" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.map((report) => (
              <Table.Tr key={report.id}>
                <Table.Td>{planNames.get(report.planId) ?? <Text c="dimmed">…</Text>}</Table.Td>
                <Table.Td data-label="Cơ quan, đơn vị">{report.workplaceName}</Table.Td>
                <Table.Td data-label="Tình trạng">
                  <SelfCriticismStatusBadge status={report.status} opened={report.opened} />
                </Table.Td>
                <Table.Td data-label="Lưu lần cuối">
                  {report.version > 1 ? formatDateTime(report.savedAt) : '—'}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="light"
                    component={Link}
                    to={PATHS.selfCriticism(report.id)}
                  >
                    Mở
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ResponsiveTable>
      )}
      <AbsenceNotices />
    </Stack>
  );
}
