import {
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Pagination,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { SELF_CRITICISM_STATUS_LABELS, SELF_CRITICISM_STATUSES } from '../../domain/self-criticism.js';
import { api, formatDate, queryString } from '../api.js';
import { planNumberText, usePlanQuery } from '../components/plan-queries.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import { SelfCriticismStatusBadge, TEMPLATE_LABELS } from '../components/self-criticism-badge.js';
import {
  SELF_CRITICISMS_KEY,
  type SelfCriticismPage,
  useWorkplaceSelfCriticismsQuery,
} from '../components/self-criticism-queries.js';
import { EmptyState, ErrorNotice, Loading } from '../components/states.js';
import { PATHS } from '../paths.js';

const PAGE_SIZE = 50;

/** How many reports of the workplace stand at each status (one count query per status). */
function StatusCounts({ planId, workplaceId }: { planId: string; workplaceId: string }) {
  const counts = useQueries({
    queries: SELF_CRITICISM_STATUSES.map((status) => ({
      queryKey: [...SELF_CRITICISMS_KEY, 'count', planId, workplaceId, status],
      queryFn: () =>
        api.get<SelfCriticismPage>(
          `/self-criticisms${queryString({ planId, workplaceId, status, pageSize: 1 })}`,
        ),
    })),
  });
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }}>
      {SELF_CRITICISM_STATUSES.map((status, index) => (
        <Paper withBorder p="sm" key={status} data-testid={`count-${status}`}>
          <Text size="sm" c="dimmed">
            {SELF_CRITICISM_STATUS_LABELS[status]}
          </Text>
          <Text fw={700} size="xl">
            {counts[index]?.data?.total ?? '…'}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** For the cell committee: every report of the workplace at once, and the summaries read out at the meeting. */
function Downloads({ planId, workplaceId }: { planId: string; workplaceId: string }) {
  const base = `/api/v1/plans/${planId}/workplaces/${workplaceId}`;
  return (
    <Group gap="xs" wrap="wrap">
      <Button variant="default" component="a" href={`${base}/self-criticisms.zip`} download>
        Tải tất cả bản tự phê bình (ZIP)
      </Button>
      <Button variant="default" component="a" href={`${base}/summary-list.docx`} download>
        Danh sách tóm tắt (DOCX)
      </Button>
      <Button variant="default" component="a" href={`${base}/summary-list.pdf`} download>
        Danh sách tóm tắt (PDF)
      </Button>
    </Group>
  );
}

export default function WorkplaceSelfCriticismsPage() {
  const { planId = '', workplaceId = '' } = useParams();
  const [page, setPage] = useState(1);
  const planQuery = usePlanQuery(planId);
  const query = useWorkplaceSelfCriticismsQuery(planId, workplaceId, { page, pageSize: PAGE_SIZE });
  const workplaceName = query.data?.items[0]?.workplaceName ?? 'Cơ quan, đơn vị';
  const pages = query.data ? Math.max(1, Math.ceil(query.data.total / query.data.pageSize)) : 1;
  return (
    <Stack>
      <Breadcrumbs separatorMargin={6}>
        <Anchor component={Link} to={PATHS.plans}>
          Kế hoạch
        </Anchor>
        <Anchor component={Link} to={`${PATHS.plan(planId)}?tab=co-quan`}>
          {planQuery.data ? planNumberText(planQuery.data) : 'Kế hoạch'}
        </Anchor>
        <Text size="sm">{workplaceName}</Text>
      </Breadcrumbs>
      <Title order={2}>Bản tự phê bình: {workplaceName}</Title>
      {query.data?.items.some((report) => report.contentVisible) && (
        <Downloads planId={planId} workplaceId={workplaceId} />
      )}
      <StatusCounts planId={planId} workplaceId={workplaceId} />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorNotice error={query.error} />
      ) : query.data.items.length === 0 ? (
        <EmptyState>Cơ quan, đơn vị này chưa có bản tự phê bình nào trong kế hoạch.</EmptyState>
      ) : (
        <ResponsiveTable striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Đảng viên</Table.Th>
              <Table.Th>Mẫu</Table.Th>
              <Table.Th>Chi bộ</Table.Th>
              <Table.Th>Tình trạng</Table.Th>
              <Table.Th>Ngày nộp</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((report) => (
              <Table.Tr key={report.id} data-testid="self-criticism-row">
                <Table.Td>
                  <Anchor component={Link} to={PATHS.selfCriticism(report.id)}>
                    {report.fullName}
                  </Anchor>
                </Table.Td>
                <Table.Td data-label="Mẫu">{TEMPLATE_LABELS[report.template]}</Table.Td>
                <Table.Td data-label="Chi bộ">{report.cellName}</Table.Td>
                <Table.Td data-label="Tình trạng">
                  <SelfCriticismStatusBadge status={report.status} opened={report.opened} />
                </Table.Td>
                <Table.Td data-label="Ngày nộp">{formatDate(report.submittedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ResponsiveTable>
      )}
      {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} />}
    </Stack>
  );
}
