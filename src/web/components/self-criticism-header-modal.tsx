import { Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { SelfCriticismDetail } from '../../contract/self-criticisms.js';
import { formatDate } from '../api.js';
import { DateTextInput } from './date-text-input.js';
import { fieldErrors, formMessage } from './form-field-errors.js';
import { FormModal } from './layout.js';
import { parseDates } from './plan-dates.js';
import { useReportWrite } from './self-criticism-queries.js';

interface HeaderValues {
  fullName: string;
  birthDate: string;
  partyOffice: string;
  governmentOffice: string;
  workplaceName: string;
  cellName: string;
  assignedDuty: string;
  carriedOver: string;
}

const TEXT_FIELDS: [Exclude<keyof HeaderValues, 'birthDate' | 'carriedOver'>, string, boolean][] = [
  ['fullName', 'Họ và tên', true],
  ['partyOffice', 'Chức vụ Đảng', false],
  ['governmentOffice', 'Chức vụ chính quyền', false],
  ['workplaceName', 'Đơn vị công tác', true],
  ['cellName', 'Sinh hoạt tại chi bộ', true],
  ['assignedDuty', 'Nhiệm vụ được phân công', false],
];

function initialValues(report: SelfCriticismDetail): HeaderValues {
  const header = report.header;
  return {
    fullName: header?.fullName ?? '',
    birthDate: formatDate(header?.birthDate),
    partyOffice: header?.partyOffice ?? '',
    governmentOffice: header?.governmentOffice ?? '',
    workplaceName: header?.workplaceName ?? '',
    cellName: header?.cellName ?? '',
    assignedDuty: header?.assignedDuty ?? '',
    carriedOver: report.carriedOver ?? '',
  };
}

/** The header comes from the member's record; only the committee corrects it, with last year's points. */
export function SelfCriticismHeaderModal({
  report,
  onClose,
}: {
  report: SelfCriticismDetail;
  onClose: () => void;
}) {
  const [values, setValues] = useState(() => initialValues(report));
  const [dateError, setDateError] = useState<string | undefined>();
  const mutation = useReportWrite<Record<string, unknown>>(report, 'patch', '/header', onClose);
  const errors = fieldErrors(mutation.error);
  const message = formMessage(mutation.error, Object.keys(values));
  const set = (name: keyof HeaderValues, value: string) =>
    setValues((current) => ({ ...current, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { values: dates, errors: problems } = parseDates({ birthDate: values.birthDate }, ['birthDate']);
    setDateError(problems.birthDate);
    if (problems.birthDate) return;
    mutation.mutate({ ...values, birthDate: dates.birthDate, version: report.version });
  };
  return (
    <FormModal
      title="Sửa thông tin đầu bản"
      onClose={onClose}
      onSubmit={submit}
      message={message}
      busy={mutation.isPending}
    >
      {TEXT_FIELDS.slice(0, 1).map(([name, label, required]) => (
        <TextInput
          key={name}
          label={label}
          required={required}
          value={values[name]}
          onChange={(event) => set(name, event.currentTarget.value)}
          error={errors[name]}
        />
      ))}
      <DateTextInput
        label="Sinh ngày"
        placeholder="dd/mm/yyyy"
        value={values.birthDate}
        onChange={(event) => set('birthDate', event.currentTarget.value)}
        error={dateError ?? errors.birthDate}
      />
      {TEXT_FIELDS.slice(1).map(([name, label, required]) => (
        <TextInput
          key={name}
          label={label}
          required={required}
          value={values[name]}
          onChange={(event) => set(name, event.currentTarget.value)}
          error={errors[name]}
        />
      ))}
      <Textarea
        label="Khuyết điểm, hạn chế được góp ý năm trước và những việc đã hứa"
        description="Hiện ở mục 5 để đảng viên viết việc khắc phục."
        autosize
        minRows={3}
        value={values.carriedOver}
        onChange={(event) => set('carriedOver', event.currentTarget.value)}
        error={errors.carriedOver}
      />
    </FormModal>
  );
}
