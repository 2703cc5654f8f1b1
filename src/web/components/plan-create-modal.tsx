import { Alert, Modal, NumberInput, Select, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { PlanDetail } from '../../contract/plans.js';
import { vietnamToday } from '../../domain/dates.js';
import { PLAN_ISSUERS } from '../../domain/plans.js';
import { api, queryString } from '../api.js';
import { PATHS } from '../paths.js';
import { useMe } from '../session.js';
import { fieldErrors } from './form-field-errors.js';
import { FormActions } from './layout.js';
import { PLANS_KEY } from './plan-queries.js';
import { errorMessage } from './states.js';

/** The organizations where the account may issue a plan: its own board or committee seats. */
function useIssuingOrganizations() {
  const me = useMe();
  const seen = new Map<string, string>();
  for (const grant of me.roles) {
    if (PLAN_ISSUERS.includes(grant.role)) seen.set(grant.organizationId, grant.organizationName);
  }
  return [...seen].map(([value, label]) => ({ value, label }));
}

/** Starts a plan from the seed's template for the chosen organization and year, then opens it for editing. */
export function PlanCreateModal({ onClose }: { onClose: () => void }) {
  const organizations = useIssuingOrganizations();
  const [organizationId, setOrganizationId] = useState<string | null>(organizations[0]?.value ?? null);
  const [year, setYear] = useState<number | string>(Number(vietnamToday().slice(0, 4)));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation({
    mutationFn: async () => {
      const template = await api.get<Record<string, unknown>>(
        `/plans/template${queryString({ organizationId, year })}`,
      );
      return api.post<PlanDetail>('/plans', template);
    },
    onSuccess: async (plan) => {
      await queryClient.invalidateQueries({ queryKey: PLANS_KEY });
      navigate(`${PATHS.plan(plan.id)}?sua=1`);
    },
  });
  const errors = fieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (organizationId) mutation.mutate();
  };
  return (
    <Modal opened onClose={onClose} title="Soạn kế hoạch mới" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {mutation.error && (
            <Alert color="red" role="alert">
              {errorMessage(mutation.error)}
            </Alert>
          )}
          <Select
            label="Tổ chức ban hành"
            required
            data={organizations}
            value={organizationId}
            onChange={setOrganizationId}
            error={errors.organizationId}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <NumberInput
            label="Năm"
            required
            min={2000}
            max={2200}
            value={year}
            onChange={setYear}
            error={errors.year}
            thousandSeparator={false}
          />
          <FormActions
            onCancel={onClose}
            busy={mutation.isPending}
            submitLabel="Tạo bản nháp"
            disabled={!organizationId}
          />
        </Stack>
      </form>
    </Modal>
  );
}
