import { Alert, Badge, Button, Divider, Drawer, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Account, UpdateAccountBody } from '../../contract/accounts.js';
import { api } from '../api.js';
import { fieldError, isStaleVersion } from './account-field-errors.js';
import { AccountPasswordResetModal } from './account-password-reset-modal.js';
import { accountKey, storeAccount } from './account-queries.js';
import { AccountRoleGrant } from './account-role-grant.js';
import { AccountRoles } from './account-roles.js';
import { ErrorNotice, errorMessage, Loading } from './states.js';

const STALE_MESSAGE = 'Dữ liệu đã bị người khác thay đổi, đã tải lại.';

/** PATCH with the version we saw; when someone else saved first, reload and say so. */
function useAccountUpdate(account: Account) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: Omit<UpdateAccountBody, 'version'>) =>
      api.patch<Account>(`/accounts/${account.id}`, { version: account.version, ...fields }),
    onSuccess: (updated) => storeAccount(queryClient, updated),
    onError: async (error) => {
      if (!isStaleVersion(error)) return;
      await queryClient.invalidateQueries({ queryKey: accountKey(account.id) });
      notifications.show({ color: 'yellow', message: STALE_MESSAGE });
    },
  });
}

function AccountNameForm({ account }: { account: Account }) {
  const [displayName, setDisplayName] = useState(account.displayName);
  const update = useAccountUpdate(account);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { displayName },
      { onSuccess: () => notifications.show({ color: 'green', message: 'Đã lưu tên hiển thị.' }) },
    );
  };
  const stale = isStaleVersion(update.error);
  const inline = fieldError(update.error, 'displayName');
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {update.isError && !stale && !inline && (
          <Alert color="red" role="alert">
            {errorMessage(update.error)}
          </Alert>
        )}
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            label="Tên hiển thị"
            value={displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            disabled={!account.canManage}
            error={inline}
            style={{ flex: 1 }}
          />
          <Button
            type="submit"
            variant="light"
            loading={update.isPending}
            disabled={!account.canManage || displayName.trim() === account.displayName}
          >
            Lưu
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AccountActions({ account }: { account: Account }) {
  const [resetOpened, resetModal] = useDisclosure(false);
  const update = useAccountUpdate(account);
  const toggleDisabled = () =>
    modals.openConfirmModal({
      title: account.disabled ? 'Mở khóa tài khoản' : 'Khóa tài khoản',
      children: (
        <Text size="sm">
          {account.disabled
            ? `Mở khóa tài khoản ${account.username}? Người dùng sẽ đăng nhập lại được.`
            : `Khóa tài khoản ${account.username}? Mọi phiên đăng nhập của tài khoản sẽ kết thúc và người dùng không đăng nhập được nữa.`}
        </Text>
      ),
      labels: { confirm: account.disabled ? 'Mở khóa' : 'Khóa tài khoản', cancel: 'Hủy' },
      confirmProps: { color: account.disabled ? 'green' : 'red' },
      onConfirm: () =>
        update.mutate(
          { disabled: !account.disabled },
          {
            onSuccess: (updated) =>
              notifications.show({
                color: 'green',
                message: updated.disabled ? 'Đã khóa tài khoản.' : 'Đã mở khóa tài khoản.',
              }),
            onError: (error) => {
              if (!isStaleVersion(error)) notifications.show({ color: 'red', message: errorMessage(error) });
            },
          },
        ),
    });

  const resetSecondFactor = () =>
    modals.openConfirmModal({
      title: 'Tắt xác thực hai lớp',
      children: (
        <Text size="sm">
          Dùng khi {account.displayName} mất điện thoại và các mã dự phòng. Xác thực hai lớp của tài khoản{' '}
          {account.username} sẽ tắt và mọi phiên đăng nhập kết thúc; nếu vai trò của họ bắt buộc, họ sẽ phải
          bật lại ở lần đăng nhập sau.
        </Text>
      ),
      labels: { confirm: 'Tắt xác thực hai lớp', cancel: 'Hủy' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await api.post(`/accounts/${account.id}/second-factor-reset`);
          notifications.show({ color: 'green', message: 'Đã tắt xác thực hai lớp của tài khoản.' });
        } catch (error) {
          notifications.show({ color: 'red', message: errorMessage(error) });
        }
      },
    });

  return (
    <Group>
      <Button variant="default" onClick={resetModal.open}>
        Đặt lại mật khẩu
      </Button>
      <Button variant="default" onClick={resetSecondFactor}>
        Tắt xác thực hai lớp
      </Button>
      <Button variant="light" color={account.disabled ? 'green' : 'red'} onClick={toggleDisabled}>
        {account.disabled ? 'Mở khóa tài khoản' : 'Khóa tài khoản'}
      </Button>
      <AccountPasswordResetModal account={account} opened={resetOpened} onClose={resetModal.close} />
    </Group>
  );
}

function AccountDetail({ account }: { account: Account }) {
  return (
    <Stack>
      <Group gap="xs">
        <Title order={4}>{account.username}</Title>
        {account.disabled && <Badge color="gray">Đã khóa</Badge>}
        {account.mustChangePassword && (
          <Badge color="yellow" variant="light">
            Chờ đổi mật khẩu
          </Badge>
        )}
      </Group>
      <Text size="sm">
        Tổ chức của tài khoản: <b>{account.homeOrganizationName}</b>
      </Text>
      {!account.canManage && (
        <Alert color="yellow">
          Tài khoản này có vai trò ngoài phạm vi quản trị của bạn: chỉ quản trị viên cấp trên được sửa.
        </Alert>
      )}
      <AccountNameForm key={`${account.id}:${account.version}`} account={account} />
      {account.canManage && <AccountActions account={account} />}
      <Divider label="Vai trò" labelPosition="left" />
      <AccountRoles account={account} />
      {account.canManage && (
        <>
          <Divider label="Giao thêm vai trò" labelPosition="left" />
          <AccountRoleGrant account={account} />
        </>
      )}
    </Stack>
  );
}

/** One account in a side panel: name, lock, password and roles. */
export function AccountDetailDrawer({
  accountId,
  onClose,
}: {
  accountId: string | null;
  onClose: () => void;
}) {
  const account = useQuery({
    queryKey: accountKey(accountId ?? ''),
    queryFn: () => api.get<Account>(`/accounts/${accountId}`),
    enabled: accountId !== null,
  });
  return (
    <Drawer opened={accountId !== null} onClose={onClose} title="Tài khoản" position="right" size="lg">
      {account.isPending ? (
        <Loading />
      ) : account.isError ? (
        <ErrorNotice error={account.error} />
      ) : (
        <AccountDetail account={account.data} />
      )}
    </Drawer>
  );
}
