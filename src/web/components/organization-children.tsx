import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Organization } from '../../contract/organizations.js';
import { PATHS } from '../paths.js';
import { organizationKindLabel } from './organization-tree.js';
import { ResponsiveTable } from './responsive-table.js';
import { EmptyState } from './states.js';

export function OrganizationChildren({ organizations }: { organizations: Organization[] }) {
  if (organizations.length === 0) return <EmptyState>Không có tổ chức trực thuộc.</EmptyState>;
  return (
    <ResponsiveTable minWidth={520} striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Tổ chức</Table.Th>
          <Table.Th>Loại</Table.Th>
          <Table.Th ta="right">Trực thuộc</Table.Th>
          <Table.Th ta="right">Cơ quan, đơn vị</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {organizations.map((child) => (
          <Table.Tr key={child.id} style={{ opacity: child.closed ? 0.55 : 1 }}>
            <Table.Td>
              <Anchor component={Link} to={PATHS.organization(child.id)}>
                {child.name}
              </Anchor>
              {child.closed && (
                <Text span c="dimmed" size="sm">
                  {' '}
                  (đã giải thể)
                </Text>
              )}
            </Table.Td>
            <Table.Td>{organizationKindLabel(child.kind)}</Table.Td>
            <Table.Td ta="right">{child.childCount}</Table.Td>
            <Table.Td ta="right">{child.workplaceCount}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ResponsiveTable>
  );
}
