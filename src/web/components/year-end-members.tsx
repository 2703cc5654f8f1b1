import { Badge, Button, Group, List, Pagination, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { YearEndMember, YearEndMembersPage } from '../../contract/year-end.js';
import { PARTICIPATION_LABELS, TEMPLATE_LABELS } from '../../domain/year-end.js';
import { api, queryString } from '../api.js';
import { ResponsiveTable } from './responsive-table.js';
import { EmptyState, ErrorNotice, Loading } from './states.js';

const PAGE_SIZE = 50;

const PARTICIPATION_COLORS: Record<YearEndMember['participation'], string> = {
  present: 'green',
  absent_valid: 'yellow',
  absent_invalid: 'red',
  unmarked: 'gray',
};

interface YearEndMembersProps {
  planId: string;
  organizationId: string | undefined;
  page: number;
  onPage: (page: number) => void;
}

/** The "Đảng viên" tab: each member's year, the input to the member rating, with its XLSX. */
export function YearEndMembers({ planId, organizationId, page, onPage }: YearEndMembersProps) {
  const query = useQuery({
    queryKey: ['year-end', 'members', planId, organizationId, page],
    queryFn: () =>
      api.get<YearEndMembersPage>(
        `/plans/${planId}/year-end/members${queryString({ organizationId, page, pageSize: PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const { items, total, organization } = query.data;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const exportHref = `/api/v1/plans/${planId}/year-end/members.xlsx${queryString({ organizationId: organization.id })}`;
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">
          {total} đảng viên tự phê bình trong {organization.name}. Dùng làm căn cứ xếp loại chất lượng đảng
          viên.
        </Text>
        <Button component="a" href={exportHref} download variant="light">
          Tải danh sách đảng viên (Excel)
        </Button>
      </Group>
      {items.length === 0 ? (
        <EmptyState>
          Chưa có đảng viên nào tự phê bình theo kế hoạch này trong {organization.name}.
        </EmptyState>
      ) : (
        <ResponsiveTable minWidth={960} striped withTableBorder aria-label="Kết quả của từng đảng viên">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Đảng viên</Table.Th>
              <Table.Th>Tham gia buổi họp</Table.Th>
              <Table.Th>Ý kiến (ưu điểm / khuyết điểm / kiến nghị)</Table.Th>
              <Table.Th>Khuyết điểm được tổng hợp</Table.Th>
              <Table.Th>Khắc phục (xong / chưa xong / quá hạn)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((member) => (
              <MemberRow key={member.selfCriticismId} member={member} />
            ))}
          </Table.Tbody>
        </ResponsiveTable>
      )}
      {pages > 1 && <Pagination value={page} onChange={onPage} total={pages} aria-label="Trang" />}
    </Stack>
  );
}

function MemberRow({ member }: { member: YearEndMember }) {
  const { opinions, remediation } = member;
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={600}>{member.fullName}</Text>
        <Text size="xs" c="dimmed">
          {member.cellName} · {member.workplaceName} · {TEMPLATE_LABELS[member.template]}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge
          color={PARTICIPATION_COLORS[member.participation]}
          variant="light"
          style={{ minWidth: 'max-content' }}
        >
          {PARTICIPATION_LABELS[member.participation]}
        </Badge>
        {member.absenceReason && <Text size="xs">Lý do: {member.absenceReason}</Text>}
      </Table.Td>
      <Table.Td>
        {opinions.strength} / {opinions.shortcoming} / {opinions.proposal}
      </Table.Td>
      <Table.Td>
        {member.shortcomings.length === 0 ? (
          <Text size="sm" c="dimmed">
            Không có
          </Text>
        ) : (
          <List size="sm">
            {member.shortcomings.map((text, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: two points may share a text; the list is read-only, in the compilation's order
              <List.Item key={index}>{text}</List.Item>
            ))}
          </List>
        )}
      </Table.Td>
      <Table.Td>
        {remediation.done} / {remediation.open} /{' '}
        <Text
          span
          c={remediation.overdue > 0 ? 'red' : undefined}
          fw={remediation.overdue > 0 ? 700 : undefined}
        >
          {remediation.overdue}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
