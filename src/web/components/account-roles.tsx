import { Button, Group, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Account, RoleAssignment } from '../../contract/accounts.js';
import { api } from '../api.js';
import { storeAccount } from './account-queries.js';
import { roleAssignmentLabel } from './account-role-badges.js';
import { errorMessage } from './states.js';

/** The account's roles, each with a way to take it back after a confirmation. */
export function AccountRoles({ account }: { account: Account }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (assignment: RoleAssignment) =>
      api.delete<Account>(`/accounts/${account.id}/roles/${assignment.id}`),
    onSuccess: (updated, assignment) => {
      storeAccount(queryClient, updated);
      notifications.show({ color: 'green', message: `Đã bỏ vai trò ${roleAssignmentLabel(assignment)}.` });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });

  const confirmRevoke = (assignment: RoleAssignment) =>
    modals.openConfirmModal({
      title: 'Bỏ vai trò',
      children: (
        <Text size="sm">
          Bỏ vai trò <b>{roleAssignmentLabel(assignment)}</b> của tài khoản {account.username}?
        </Text>
      ),
      labels: { confirm: 'Bỏ vai trò', cancel: 'Hủy' },
      confirmProps: { color: 'red' },
      onConfirm: () => revoke.mutate(assignment),
    });

  if (account.roles.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Chưa có vai trò nào: tài khoản chỉ đổi được mật khẩu của mình.
      </Text>
    );
  }
  return (
    <Stack gap={6}>
      {account.roles.map((assignment) => (
        <Group key={assignment.id} justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm">{roleAssignmentLabel(assignment)}</Text>
          {account.canManage && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => confirmRevoke(assignment)}
              aria-label={`Bỏ vai trò ${roleAssignmentLabel(assignment)}`}
            >
              Bỏ
            </Button>
          )}
        </Group>
      ))}
    </Stack>
  );
}
