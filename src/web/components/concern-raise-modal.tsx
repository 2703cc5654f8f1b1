import { Select, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ConcernDetail } from '../../contract/concerns.js';
import type { PlanDetail } from '../../contract/plans.js';
import { api } from '../api.js';
import { PATHS } from '../paths.js';
import { fieldErrors, formMessage } from './form-field-errors.js';
import { FormModal } from './layout.js';

/** A committee raises a concern about a plan to the organization that issued it. */
export function ConcernRaiseModal({
  plan,
  organizations,
  onClose,
}: {
  plan: PlanDetail;
  organizations: { value: string; label: string }[];
  onClose: () => void;
}) {
  const [organizationId, setOrganizationId] = useState<string | null>(organizations[0]?.value ?? null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation({
    mutationFn: () =>
      api.post<ConcernDetail>(`/plans/${plan.id}/concerns`, { organizationId, subject, body }),
    onSuccess: async (concern) => {
      await queryClient.invalidateQueries({ queryKey: ['concerns'] });
      onClose();
      navigate(PATHS.concern(concern.id));
    },
  });
  const errors = fieldErrors(mutation.error);
  const message = formMessage(mutation.error, ['organizationId', 'subject', 'body']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <FormModal
      title="Nêu khó khăn, vướng mắc"
      onClose={onClose}
      onSubmit={submit}
      message={message}
      busy={mutation.isPending}
      submitLabel={`Gửi ${plan.organizationName}`}
      disabled={!organizationId}
    >
      <Select
        label="Tổ chức nêu"
        required
        allowDeselect={false}
        data={organizations}
        value={organizationId}
        onChange={setOrganizationId}
        error={errors.organizationId}
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput
        label="Tiêu đề"
        required
        value={subject}
        onChange={(event) => setSubject(event.currentTarget.value)}
        error={errors.subject}
        data-autofocus
      />
      <Textarea
        label="Nội dung"
        required
        autosize
        minRows={5}
        value={body}
        onChange={(event) => setBody(event.currentTarget.value)}
        error={errors.body}
      />
    </FormModal>
  );
}
