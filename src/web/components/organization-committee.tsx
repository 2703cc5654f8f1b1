import { Table } from '@mantine/core';
import type { OrganizationDetail } from '../../contract/organizations.js';
import { ResponsiveTable } from './responsive-table.js';
import { EmptyState } from './states.js';

export function OrganizationCommittee({ committee }: { committee: OrganizationDetail['committee'] }) {
  if (committee.length === 0) return <EmptyState>Chưa ghi nhận cấp ủy viên nào.</EmptyState>;
  return (
    <ResponsiveTable minWidth={480} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Họ và tên</Table.Th>
          <Table.Th>Chức vụ Đảng</Table.Th>
          <Table.Th>Cơ quan, đơn vị</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {committee.map((member) => (
          <Table.Tr key={member.personId}>
            <Table.Td>{member.fullName}</Table.Td>
            <Table.Td>{member.partyOffice || 'Cấp ủy viên'}</Table.Td>
            <Table.Td>{member.workplaceName}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ResponsiveTable>
  );
}
