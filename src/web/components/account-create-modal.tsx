import { Alert, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Account, CreateAccountBody } from '../../contract/accounts.js';
import { MIN_PASSWORD_LENGTH } from '../../domain/password-policy.js';
import { ROLE_LABELS, ROLES, type Role } from '../../domain/roles.js';
import { api } from '../api.js';
import { fieldError, isFieldError } from './account-field-errors.js';
import { storeAccount } from './account-queries.js';
import { FormActions } from './layout.js';
import { OrganizationPicker, type PickedOrganization } from './organization-picker.js';
import { errorMessage } from './states.js';

export const PASSWORD_HINT = `Ít nhất ${MIN_PASSWORD_LENGTH} ký tự, có cả chữ và số, không chứa tên đăng nhập. Người dùng phải đổi mật khẩu này khi đăng nhập lần đầu.`;

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

const FIELDS = ['username', 'displayName', 'password', 'homeOrganizationId', 'roles'] as const;

interface AccountCreateModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (account: Account) => void;
}

export function AccountCreateModal({ opened, onClose, onCreated }: AccountCreateModalProps) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [home, setHome] = useState<PickedOrganization | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [missingHome, setMissingHome] = useState(false);
  const queryClient = useQueryClient();

  const create = useMutation({
    mutationFn: (body: CreateAccountBody) => api.post<Account>('/accounts', body),
    onSuccess: (account) => {
      storeAccount(queryClient, account);
      notifications.show({ color: 'green', message: `Đã tạo tài khoản ${account.username}.` });
      setUsername('');
      setDisplayName('');
      setPassword('');
      setHome(null);
      setRole(null);
      onCreated(account);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!home) {
      setMissingHome(true);
      return;
    }
    create.mutate({
      username: username.trim(),
      displayName,
      password,
      homeOrganizationId: home.id,
      roles: role ? [{ role, organizationId: home.id }] : [],
    });
  };

  const close = () => {
    create.reset();
    setMissingHome(false);
    onClose();
  };

  const error = create.error;
  return (
    <Modal opened={opened} onClose={close} title="Tạo tài khoản" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && !isFieldError(error, FIELDS) && (
            <Alert color="red" role="alert">
              {errorMessage(error)}
            </Alert>
          )}
          <TextInput
            label="Tên đăng nhập"
            description="Chữ thường không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang."
            autoComplete="off"
            required
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={fieldError(error, 'username')}
          />
          <TextInput
            label="Tên hiển thị"
            required
            value={displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            error={fieldError(error, 'displayName')}
          />
          <OrganizationPicker
            label="Tổ chức của tài khoản"
            required
            value={home?.id ?? null}
            onChange={(picked) => {
              setHome(picked);
              setMissingHome(false);
            }}
            error={missingHome ? 'Chọn tổ chức của tài khoản.' : fieldError(error, 'homeOrganizationId')}
          />
          <Select
            label="Vai trò ban đầu"
            description="Giao tại tổ chức của tài khoản; có thể giao thêm vai trò sau."
            placeholder="Không giao vai trò"
            data={ROLE_OPTIONS}
            value={role}
            onChange={(value) => setRole(value as Role | null)}
            clearable
            error={fieldError(error, 'roles')}
          />
          <PasswordInput
            label="Mật khẩu tạm"
            description={PASSWORD_HINT}
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldError(error, 'password')}
          />
          <FormActions onCancel={close} busy={create.isPending} submitLabel="Tạo tài khoản" />
        </Stack>
      </form>
    </Modal>
  );
}
