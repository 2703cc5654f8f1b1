import { Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { SelfCriticismDetail } from '../../contract/self-criticisms.js';
import { fieldErrors, formMessage } from './form-field-errors.js';
import { FormModal } from './layout.js';
import { useReportWrite } from './self-criticism-queries.js';

type SummaryText = NonNullable<SelfCriticismDetail['summary']>;

/** DESIGN step 5 starts from the report: the duties come from the header until the committee writes them. */
function initialSummary(report: SelfCriticismDetail): SummaryText {
  const header = report.header;
  const duties =
    report.summary?.duties ||
    header?.assignedDuty ||
    [header?.partyOffice, header?.governmentOffice].filter(Boolean).join('; ');
  return {
    duties,
    strengths: report.summary?.strengths ?? '',
    shortcomings: report.summary?.shortcomings ?? '',
  };
}

const FIELDS: [keyof SummaryText, string][] = [
  ['duties', 'Chức trách, nhiệm vụ'],
  ['strengths', 'Ưu điểm chính'],
  ['shortcomings', 'Khuyết điểm, hạn chế chính'],
];

/** The committee's short summary of a member, read out to the masses at the meeting. */
export function SelfCriticismSummaryModal({
  report,
  onClose,
}: {
  report: SelfCriticismDetail;
  onClose: () => void;
}) {
  const [values, setValues] = useState(() => initialSummary(report));
  const mutation = useReportWrite<SummaryText & { version: number }>(report, 'put', '/summary', onClose);
  const errors = fieldErrors(mutation.error);
  const message = formMessage(
    mutation.error,
    FIELDS.map(([name]) => name),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ version: report.version, ...values });
  };
  return (
    <FormModal
      title="Tóm tắt"
      onClose={onClose}
      onSubmit={submit}
      message={message}
      busy={mutation.isPending}
      submitLabel="Lưu tóm tắt"
    >
      <Text size="sm" c="dimmed">
        Bản tóm tắt được đọc trước quần chúng và hiện trên trang góp ý, phiếu góp ý và chương trình buổi họp;
        chưa ghi thì quần chúng chỉ thấy “Cấp ủy chưa ghi bản tóm tắt”.
      </Text>
      {FIELDS.map(([name, label]) => (
        <Textarea
          key={name}
          label={label}
          autosize
          minRows={2}
          maxLength={2000}
          value={values[name]}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setValues((current) => ({ ...current, [name]: value }));
          }}
          error={errors[name]}
        />
      ))}
    </FormModal>
  );
}
