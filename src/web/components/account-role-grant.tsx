import { Alert, Button, Group, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Account } from '../../contract/accounts.js';
import { ROLE_LABELS, type Role } from '../../domain/roles.js';
import { api } from '../api.js';
import { ROLE_OPTIONS } from './account-create-modal.js';
import { fieldError, isFieldError } from './account-field-errors.js';
import { storeAccount } from './account-queries.js';
import { OrganizationPicker, type PickedOrganization } from './organization-picker.js';
import { errorMessage } from './states.js';

/** Gives the account one more (role, organization) pair; the role reaches that organization's subtree. */
export function AccountRoleGrant({ account }: { account: Account }) {
  const [role, setRole] = useState<Role | null>(null);
  const [organization, setOrganization] = useState<PickedOrganization | null>(null);
  const [incomplete, setIncomplete] = useState(false);
  const queryClient = useQueryClient();

  const grant = useMutation({
    mutationFn: (body: { role: Role; organizationId: string }) =>
      api.post<Account>(`/accounts/${account.id}/roles`, body),
    onSuccess: (updated, body) => {
      storeAccount(queryClient, updated);
      notifications.show({
        color: 'green',
        message: `Đã giao vai trò ${ROLE_LABELS[body.role]} – ${organization?.name ?? ''}.`,
      });
      setRole(null);
      setOrganization(null);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setIncomplete(!role || !organization);
    if (role && organization) grant.mutate({ role, organizationId: organization.id });
  };

  const error = grant.error;
  return (
    <form onSubmit={submit} noValidate aria-label="Giao vai trò">
      <Stack gap="xs">
        {error && !isFieldError(error, ['role', 'organizationId']) && (
          <Alert color="red" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        <Select
          label="Vai trò"
          placeholder="Chọn vai trò"
          data={ROLE_OPTIONS}
          value={role}
          onChange={(value) => setRole(value as Role | null)}
          error={incomplete && !role ? 'Chọn vai trò.' : fieldError(error, 'role')}
        />
        <OrganizationPicker
          label="Tại tổ chức"
          description="Vai trò có hiệu lực ở tổ chức này và mọi tổ chức trực thuộc."
          value={organization?.id ?? null}
          onChange={setOrganization}
          error={incomplete && !organization ? 'Chọn tổ chức.' : fieldError(error, 'organizationId')}
        />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={grant.isPending}>
            Giao vai trò
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
