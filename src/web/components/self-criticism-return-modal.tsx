import { Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { SelfCriticismDetail } from '../../contract/self-criticisms.js';
import { fieldErrors, formMessage } from './form-field-errors.js';
import { FormModal } from './layout.js';
import { useReportWrite } from './self-criticism-queries.js';

/** The committee sends a report back to its member, saying what to fix. */
export function SelfCriticismReturnModal({
  report,
  onClose,
}: {
  report: SelfCriticismDetail;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const mutation = useReportWrite<{ version: number; reason: string }>(report, 'post', '/return', onClose);
  const errors = fieldErrors(mutation.error);
  const message = formMessage(mutation.error, ['reason']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ version: report.version, reason });
  };
  return (
    <FormModal
      title="Trả lại bản tự phê bình"
      onClose={onClose}
      onSubmit={submit}
      message={message}
      busy={mutation.isPending}
      submitLabel="Trả lại"
    >
      <Textarea
        label="Lý do trả lại"
        description="Đảng viên sẽ thấy lý do này khi mở bản tự phê bình để sửa."
        required
        autosize
        minRows={3}
        maxLength={2000}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={errors.reason}
      />
    </FormModal>
  );
}
