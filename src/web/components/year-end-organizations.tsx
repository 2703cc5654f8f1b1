import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { YearEndOrganization, YearEndOrganizations } from '../../contract/year-end.js';
import { DEADLINE_STANDING_LABELS, type DeadlineStanding } from '../../domain/year-end.js';
import { api, formatDate, queryString } from '../api.js';
import { ResponsiveTable } from './responsive-table.js';
import { EmptyState, ErrorNotice, Loading } from './states.js';

const STANDING_COLORS: Record<DeadlineStanding, string> = {
  on_time: 'green',
  late: 'orange',
  missing: 'red',
  pending: 'blue',
  none: 'gray',
};

function StandingBadge({ standing, dueOn }: { standing: DeadlineStanding; dueOn: string | null }) {
  return (
    <Stack gap={2}>
      <Badge color={STANDING_COLORS[standing]} variant="light">
        {DEADLINE_STANDING_LABELS[standing]}
      </Badge>
      {dueOn && (
        <Text size="xs" c="dimmed">
          Hạn {formatDate(dueOn)}
        </Text>
      )}
    </Stack>
  );
}

interface YearEndOrganizationsProps {
  planId: string;
  organizationId: string | undefined;
}

/** The "Tổ chức" tab: the ranked table, the input to emulation and rewards, with its XLSX. */
export function YearEndOrganizationTable({ planId, organizationId }: YearEndOrganizationsProps) {
  const query = useQuery({
    queryKey: ['year-end', 'organizations', planId, organizationId],
    queryFn: () =>
      api.get<YearEndOrganizations>(
        `/plans/${planId}/year-end/organizations${queryString({ organizationId })}`,
      ),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const { items, organization } = query.data;
  const exportHref = `/api/v1/plans/${planId}/year-end/organizations.xlsx${queryString({ organizationId: organization.id })}`;
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">
          Xếp hạng theo tỷ lệ đã họp, số hạn hoàn thành đúng hạn, rồi tỷ lệ hoàn thành khắc phục. Dùng làm căn
          cứ thi đua, khen thưởng.
        </Text>
        <Button component="a" href={exportHref} download variant="light">
          Tải bảng xếp hạng (Excel)
        </Button>
      </Group>
      {items.length === 0 ? (
        <EmptyState>
          Không có tổ chức nào trong {organization.name} có cơ quan, đơn vị thuộc kế hoạch này.
        </EmptyState>
      ) : (
        <ResponsiveTable minWidth={900} striped withTableBorder aria-label="Bảng xếp hạng các tổ chức">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Hạng</Table.Th>
              <Table.Th>Tổ chức</Table.Th>
              <Table.Th>Đã họp / phải họp</Table.Th>
              <Table.Th>Tổ chức họp</Table.Th>
              <Table.Th>Báo cáo</Table.Th>
              <Table.Th>Hoàn thành khắc phục</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((row) => (
              <OrganizationRow key={row.organization.id} row={row} />
            ))}
          </Table.Tbody>
        </ResponsiveTable>
      )}
    </Stack>
  );
}

function OrganizationRow({ row }: { row: YearEndOrganization }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={700}>{row.rank}</Text>
      </Table.Td>
      <Table.Td>{row.organization.name}</Table.Td>
      <Table.Td>
        {row.held} / {row.required}
        {row.coveragePercent !== null && ` (${row.coveragePercent}%)`}
      </Table.Td>
      <Table.Td>
        <StandingBadge standing={row.meetings.standing} dueOn={row.meetings.dueOn} />
      </Table.Td>
      <Table.Td>
        <StandingBadge standing={row.report.standing} dueOn={row.report.dueOn} />
        {row.report.submittedOn && <Text size="xs">Nộp ngày {formatDate(row.report.submittedOn)}</Text>}
      </Table.Td>
      <Table.Td>
        {row.remediation.completionPercent}% ({row.remediation.done}/{row.remediation.total}
        {row.remediation.overdue > 0 && `, ${row.remediation.overdue} quá hạn`})
      </Table.Td>
    </Table.Tr>
  );
}
