import { Alert, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import type { Workplace } from '../../contract/workplaces.js';
import { api } from '../api.js';
import { fieldErrors, formMessage, isStaleVersion } from './form-field-errors.js';
import { useRebasedForm } from './form-rebase.js';
import { FormActions } from './layout.js';

export type WorkplaceFormTarget =
  | { mode: 'create'; organizationId: string; organizationName: string }
  | { mode: 'edit'; workplace: Workplace };

/** Adds a workplace to an organization or edits its name and address. */
export function WorkplaceFormModal({
  target,
  onClose,
}: {
  target: WorkplaceFormTarget;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [values, set] = useRebasedForm(
    target.mode === 'edit'
      ? { name: target.workplace.name, address: target.workplace.address }
      : { name: '', address: '' },
    target.mode === 'edit' ? target.workplace.version : 0,
  );
  const { name, address } = values;
  const mutation = useMutation({
    mutationFn: () =>
      target.mode === 'create'
        ? api.post<Workplace>('/workplaces', { organizationId: target.organizationId, name, address })
        : api.patch<Workplace>(`/workplaces/${target.workplace.id}`, {
            version: target.workplace.version,
            name,
            address,
          }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['workplaces'] });
      await queryClient.invalidateQueries({ queryKey: ['workplace'] });
      await queryClient.invalidateQueries({ queryKey: ['organizations'] });
      await queryClient.invalidateQueries({ queryKey: ['organization'] });
      onClose();
    },
    onError: async (error) => {
      if (isStaleVersion(error)) await queryClient.invalidateQueries({ queryKey: ['workplace'] });
    },
  });
  const errors = fieldErrors(mutation.error);
  const message = formMessage(mutation.error, ['name', 'address']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const title =
    target.mode === 'create' ? `Thêm cơ quan, đơn vị vào ${target.organizationName}` : 'Sửa cơ quan, đơn vị';
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {message && (
            <Alert color={isStaleVersion(mutation.error) ? 'yellow' : 'red'} role="alert">
              {message}
            </Alert>
          )}
          <TextInput
            label="Tên cơ quan, đơn vị"
            required
            value={name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <TextInput
            label="Địa chỉ"
            value={address}
            onChange={(event) => set('address', event.currentTarget.value)}
            error={errors.address}
          />
          <FormActions onCancel={onClose} busy={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
