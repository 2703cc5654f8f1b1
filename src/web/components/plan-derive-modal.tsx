import { Select, SimpleGrid, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { PlanDetail } from '../../contract/plans.js';
import { api } from '../api.js';
import { PATHS } from '../paths.js';
import { DateTextInput } from './date-text-input.js';
import { fieldErrors, formMessage } from './form-field-errors.js';
import { FormModal } from './layout.js';
import {
  type DeadlineTexts,
  deadlineTexts,
  PLAN_DEADLINE_LABELS,
  PLAN_DEADLINES,
  parseDates,
} from './plan-dates.js';
import { PLANS_KEY } from './plan-queries.js';

/**
 * Seed IV.1: a base committee derives (cụ thể hóa) the plan for its cells. The draft copies the
 * parent; its deadlines, asked for here, must not fall after the parent's.
 */
export function PlanDeriveModal({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const [organizationId, setOrganizationId] = useState<string | null>(
    plan.derivableOrganizations[0]?.id ?? null,
  );
  const [dates, setDates] = useState<DeadlineTexts>(deadlineTexts(plan));
  const [dateErrors, setDateErrors] = useState<Record<string, string | undefined>>({});
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation({
    mutationFn: (deadlines: Record<string, string | null>) =>
      api.post<PlanDetail>(`/plans/${plan.id}/derive`, { organizationId, ...deadlines }),
    onSuccess: async (derived) => {
      await queryClient.invalidateQueries({ queryKey: PLANS_KEY });
      onClose();
      navigate(`${PATHS.plan(derived.id)}?sua=1`);
    },
  });
  const errors: Record<string, string | undefined> = { ...fieldErrors(mutation.error), ...dateErrors };
  const message = formMessage(mutation.error, ['organizationId', ...PLAN_DEADLINES]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { values, errors: problems } = parseDates(dates);
    setDateErrors(problems);
    if (Object.keys(problems).length === 0 && organizationId) mutation.mutate(values);
  };
  return (
    <FormModal
      title="Cụ thể hóa kế hoạch"
      onClose={onClose}
      onSubmit={submit}
      message={message}
      busy={mutation.isPending}
      submitLabel="Tạo kế hoạch cụ thể hóa"
      disabled={!organizationId}
    >
      <Text size="sm">
        Kế hoạch cụ thể hóa bắt đầu là bản sao của kế hoạch Số {plan.fullNumber}; các thời hạn không được muộn
        hơn thời hạn của kế hoạch này.
      </Text>
      <Select
        label="Tổ chức cụ thể hóa"
        required
        allowDeselect={false}
        data={plan.derivableOrganizations.map(({ id, name }) => ({ value: id, label: name }))}
        value={organizationId}
        onChange={setOrganizationId}
        error={errors.organizationId}
        comboboxProps={{ withinPortal: true }}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {PLAN_DEADLINES.map((deadline) => (
          <DateTextInput
            key={deadline}
            label={PLAN_DEADLINE_LABELS[deadline]}
            placeholder="dd/mm/yyyy"
            required
            value={dates[deadline]}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setDates((current) => ({ ...current, [deadline]: value }));
            }}
            error={errors[deadline]}
          />
        ))}
      </SimpleGrid>
    </FormModal>
  );
}
