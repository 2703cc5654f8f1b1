import { Alert, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { PlanDetail } from '../../contract/plans.js';
import { api } from '../api.js';
import { FormActions } from './layout.js';
import { planKey } from './plan-queries.js';
import { errorMessage } from './states.js';

/**
 * Replaces the manifestation list with a pasted one. The server reads the numbering and bullets
 * off each line, so a list copied from a document of any length keeps one item a line.
 */
export function PlanPasteModal({
  plan,
  onPasted,
  onClose,
}: {
  plan: PlanDetail;
  onPasted: (manifestations: string[]) => void;
  onClose: () => void;
}) {
  const [pasted, setPasted] = useState('');
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () =>
      api.patch<PlanDetail>(`/plans/${plan.id}`, { version: plan.version, manifestationsText: pasted }),
    onSuccess: (updated) => {
      queryClient.setQueryData(planKey(plan.id), updated);
      onPasted(updated.manifestations);
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <Modal opened onClose={onClose} title="Dán danh sách biểu hiện" size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          {mutation.error && (
            <Alert color="red" role="alert">
              {errorMessage(mutation.error)}
            </Alert>
          )}
          <Text size="sm">
            Dán danh sách từ văn bản, mỗi biểu hiện một dòng; số thứ tự (1., 2), …) và gạch đầu dòng được bỏ
            đi. Danh sách dán sẽ thay thế toàn bộ danh mục hiện có và được lưu ngay.
          </Text>
          <Textarea
            label="Danh sách"
            value={pasted}
            onChange={(event) => setPasted(event.currentTarget.value)}
            autosize
            minRows={8}
            maxRows={20}
            data-autofocus
          />
          <FormActions
            onCancel={onClose}
            busy={mutation.isPending}
            submitLabel="Thay danh mục"
            disabled={!pasted.trim()}
          />
        </Stack>
      </form>
    </Modal>
  );
}
