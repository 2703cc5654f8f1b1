import { Anchor, Badge, Table } from '@mantine/core';
import type { Account } from '../../contract/accounts.js';
import { AccountRoleBadges } from './account-role-badges.js';
import { ResponsiveTable } from './responsive-table.js';

interface AccountTableProps {
  accounts: Account[];
  onOpen: (account: Account) => void;
}

export function AccountTable({ accounts, onOpen }: AccountTableProps) {
  return (
    <ResponsiveTable minWidth={720} striped highlightOnHover verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th style={{ whiteSpace: 'nowrap' }}>Tên đăng nhập</Table.Th>
          <Table.Th>Tên hiển thị</Table.Th>
          <Table.Th>Tổ chức</Table.Th>
          <Table.Th>Vai trò</Table.Th>
          <Table.Th>Trạng thái</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {accounts.map((account) => (
          <Table.Tr key={account.id}>
            <Table.Td>
              <Anchor component="button" type="button" size="sm" fw={500} onClick={() => onOpen(account)}>
                {account.username}
              </Anchor>
            </Table.Td>
            <Table.Td>{account.displayName}</Table.Td>
            <Table.Td>{account.homeOrganizationName}</Table.Td>
            <Table.Td>
              <AccountRoleBadges roles={account.roles} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {account.disabled ? (
                <Badge color="gray" miw="max-content">
                  Đã khóa
                </Badge>
              ) : account.mustChangePassword ? (
                <Badge color="yellow" variant="light" miw="max-content">
                  Chờ đổi mật khẩu
                </Badge>
              ) : (
                <Badge color="green" variant="light" miw="max-content">
                  Đang dùng
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ResponsiveTable>
  );
}
