import { Anchor, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Workplace } from '../../contract/workplaces.js';
import { api, queryString } from '../api.js';
import { PATHS } from '../paths.js';
import { ResponsiveTable } from './responsive-table.js';
import { EmptyState, ErrorNotice, Loading } from './states.js';
import { EligibilityBadge } from './workplace-eligibility.js';

/** The workplaces attached directly to an organization, each with its meeting verdict. */
export function OrganizationWorkplaces({ organizationId }: { organizationId: string }) {
  const query = useQuery({
    queryKey: ['workplaces', organizationId],
    queryFn: () => api.get<{ items: Workplace[] }>(`/workplaces${queryString({ organizationId })}`),
    select: (data) => data.items,
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  if (query.data.length === 0)
    return <EmptyState>Chưa có cơ quan, đơn vị nào trực thuộc tổ chức này.</EmptyState>;
  return (
    <ResponsiveTable minWidth={560} striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Cơ quan, đơn vị</Table.Th>
          <Table.Th ta="right">Đảng viên</Table.Th>
          <Table.Th ta="right">Quần chúng được tính</Table.Th>
          <Table.Th>Họp trước quần chúng</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {query.data.map((workplace) => (
          <Table.Tr key={workplace.id}>
            <Table.Td>
              <Anchor component={Link} to={PATHS.workplace(workplace.id)}>
                {workplace.name}
              </Anchor>
              {workplace.address && (
                <Text size="xs" c="dimmed">
                  {workplace.address}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{workplace.memberCount}</Table.Td>
            <Table.Td ta="right">
              {workplace.eligibility.countedMasses}
              <Text span size="xs" c="dimmed">
                {' '}
                / {workplace.eligibility.allMasses}
              </Text>
            </Table.Td>
            <Table.Td>
              <EligibilityBadge eligibility={workplace.eligibility} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ResponsiveTable>
  );
}
