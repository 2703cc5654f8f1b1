import { Alert, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { ORGANIZATION_KIND_LABELS, type Organization } from '../../contract/organizations.js';
import { api } from '../api.js';
import { fieldErrors, formMessage, isStaleVersion } from './form-field-errors.js';
import { useRebasedForm } from './form-rebase.js';
import { FormActions } from './layout.js';

interface OrganizationFormValues {
  kind: string;
  name: string;
  shortName: string;
  headerSuperior: string;
  headerIssuer: string;
}

const FIELDS = ['kind', 'name', 'shortName', 'headerSuperior', 'headerIssuer'];

const kindOptions = (current: string) => {
  const options = Object.entries(ORGANIZATION_KIND_LABELS).map(([value, label]) => ({ value, label }));
  if (current && !ORGANIZATION_KIND_LABELS[current]) options.push({ value: current, label: current });
  return options;
};

export type OrganizationFormTarget =
  | { mode: 'create'; parent: Organization }
  | { mode: 'edit'; organization: Organization };

function initialValues(target: OrganizationFormTarget): OrganizationFormValues {
  if (target.mode === 'edit') {
    const { kind, name, shortName, headerSuperior, headerIssuer } = target.organization;
    return { kind, name, shortName, headerSuperior, headerIssuer };
  }
  // Empty header lines: documents build them from the tree (the parent's đảng bộ, this body's name).
  return { kind: 'cell', name: '', shortName: '', headerSuperior: '', headerIssuer: '' };
}

/** Creates a child organization or edits one; keyed by the caller so each opening starts fresh. */
export function OrganizationFormModal({
  target,
  onClose,
}: {
  target: OrganizationFormTarget;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [values, setValue] = useRebasedForm(
    initialValues(target),
    target.mode === 'edit' ? target.organization.version : 0,
  );
  const set = (field: keyof OrganizationFormValues) => (value: string) => setValue(field, value);
  const mutation = useMutation({
    mutationFn: () =>
      target.mode === 'create'
        ? api.post<Organization>('/organizations', { parentId: target.parent.id, ...values })
        : api.patch<Organization>(`/organizations/${target.organization.id}`, {
            version: target.organization.version,
            ...values,
          }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['organizations'] });
      await queryClient.invalidateQueries({ queryKey: ['organization'] });
      onClose();
    },
    onError: async (error) => {
      if (isStaleVersion(error)) await queryClient.invalidateQueries({ queryKey: ['organization'] });
    },
  });
  const errors = fieldErrors(mutation.error);
  const message = formMessage(mutation.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const title = target.mode === 'create' ? `Thêm tổ chức trực thuộc ${target.parent.name}` : 'Sửa tổ chức';
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
            label="Tên tổ chức"
            required
            value={values.name}
            onChange={(event) => set('name')(event.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <Select
            label="Loại tổ chức"
            data={kindOptions(values.kind)}
            value={values.kind}
            onChange={(value) => set('kind')(value ?? '')}
            allowDeselect={false}
            error={errors.kind}
          />
          <TextInput
            label="Tên viết tắt"
            description="Dùng trong số hiệu văn bản, ví dụ ĐU, CB"
            value={values.shortName}
            onChange={(event) => set('shortName')(event.currentTarget.value)}
            error={errors.shortName}
          />
          <TextInput
            label="Dòng tiêu đề thứ nhất (cấp trên)"
            description="Để trống: văn bản tự in tên đảng bộ cấp trên theo cây tổ chức, ví dụ ĐẢNG BỘ SỞ Y TẾ. Chỉ ghi khi dùng cách ghi khác, hoặc tổ chức gốc có cấp trên ngoài hệ thống."
            value={values.headerSuperior}
            onChange={(event) => set('headerSuperior')(event.currentTarget.value)}
            error={errors.headerSuperior}
          />
          <TextInput
            label="Dòng tiêu đề thứ hai (tổ chức ban hành)"
            description="Để trống: văn bản tự lập từ loại và tên tổ chức, ví dụ ĐẢNG ỦY SỞ Y TẾ, CHI BỘ VĂN PHÒNG SỞ Y TẾ."
            value={values.headerIssuer}
            onChange={(event) => set('headerIssuer')(event.currentTarget.value)}
            error={errors.headerIssuer}
          />
          <FormActions onCancel={onClose} busy={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
