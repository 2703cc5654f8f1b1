import { Alert, Modal, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { PlanWorkplaceView } from '../../contract/plans.js';
import { api } from '../api.js';
import { fieldErrors, formMessage, isStaleVersion } from './form-field-errors.js';
import { FormActions } from './layout.js';

/** The committee corrects whether a workplace must meet (e.g. the roster was wrong), with a reason. */
export function PlanCorrectionModal({
  planId,
  workplace,
  onClose,
}: {
  planId: string;
  workplace: PlanWorkplaceView;
  onClose: () => void;
}) {
  const [required, setRequired] = useState(!workplace.required);
  const [reason, setReason] = useState('');
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () =>
      api.post<PlanWorkplaceView>(`/plans/${planId}/workplaces/${workplace.workplaceId}/correction`, {
        version: workplace.version,
        required,
        reason,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['plan-workplaces', planId] });
      await queryClient.invalidateQueries({ queryKey: ['plan-progress', planId] });
      onClose();
    },
    onError: async (error) => {
      if (isStaleVersion(error))
        await queryClient.invalidateQueries({ queryKey: ['plan-workplaces', planId] });
    },
  });
  const errors = fieldErrors(mutation.error);
  const message = formMessage(mutation.error, ['required', 'reason']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={`Điều chỉnh: ${workplace.workplaceName}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {message && (
            <Alert color={isStaleVersion(mutation.error) ? 'yellow' : 'red'} role="alert">
              {message}
            </Alert>
          )}
          <Text size="sm">
            Số quần chúng được tính lúc ban hành: {workplace.countedMasses} (ngưỡng {workplace.threshold}). Số
            liệu lúc ban hành được giữ nguyên; chỉ thay đổi việc phải hay không phải tổ chức.
          </Text>
          <Switch
            label="Phải tổ chức tự phê bình trước quần chúng"
            checked={required}
            onChange={(event) => setRequired(event.currentTarget.checked)}
          />
          <Textarea
            label="Lý do điều chỉnh"
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.reason}
            data-autofocus
          />
          <FormActions onCancel={onClose} busy={mutation.isPending} submitLabel="Điều chỉnh" />
        </Stack>
      </form>
    </Modal>
  );
}
