import { Select, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { PlanDetail } from '../../contract/plans.js';
import { api, formatDate } from '../api.js';
import { DateTextInput } from './date-text-input.js';
import { fieldErrors, formMessage } from './form-field-errors.js';
import { FormModal } from './layout.js';
import { PLAN_DEADLINE_LABELS, PLAN_DEADLINES, type PlanDeadline, parseDates } from './plan-dates.js';
import { PLANS_KEY, planKey } from './plan-queries.js';

/** A published plan's deadline changes only with a reason, kept in the plan's history. */
export function PlanDeadlineModal({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const [deadline, setDeadline] = useState<PlanDeadline>('meetingsDueOn');
  const [toDate, setToDate] = useState('');
  const [reason, setReason] = useState('');
  const [dateError, setDateError] = useState<string | undefined>();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (iso: string) =>
      api.post<PlanDetail>(`/plans/${plan.id}/deadline-changes`, { deadline, toDate: iso, reason }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(planKey(plan.id), updated);
      await queryClient.invalidateQueries({ queryKey: PLANS_KEY });
      onClose();
    },
  });
  const errors = fieldErrors(mutation.error);
  const message = formMessage(mutation.error, ['deadline', 'toDate', 'reason']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { values, errors: problems } = parseDates({ toDate });
    setDateError(problems.toDate);
    if (values.toDate) mutation.mutate(values.toDate);
  };
  return (
    <FormModal
      title="Đổi thời hạn"
      onClose={onClose}
      onSubmit={submit}
      message={message}
      busy={mutation.isPending}
      submitLabel="Đổi thời hạn"
    >
      <Select
        label="Thời hạn"
        required
        allowDeselect={false}
        data={PLAN_DEADLINES.map((value) => ({ value, label: PLAN_DEADLINE_LABELS[value] }))}
        value={deadline}
        onChange={(value) => value && setDeadline(value as PlanDeadline)}
        error={errors.deadline}
        comboboxProps={{ withinPortal: true }}
      />
      <DateTextInput
        label="Ngày mới"
        description={`Hiện tại: ${formatDate(plan[deadline])}`}
        placeholder="dd/mm/yyyy"
        required
        value={toDate}
        onChange={(event) => setToDate(event.currentTarget.value)}
        error={dateError ?? errors.toDate}
      />
      <Textarea
        label="Lý do"
        required
        autosize
        minRows={3}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={errors.reason}
      />
    </FormModal>
  );
}
