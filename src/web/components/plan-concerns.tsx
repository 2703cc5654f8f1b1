import { Button, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ConcernSummary } from '../../contract/concerns.js';
import type { PlanDetail } from '../../contract/plans.js';
import { api, queryString } from '../api.js';
import { useMe } from '../session.js';
import { ConcernRaiseModal } from './concern-raise-modal.js';
import { ConcernTable } from './concern-table.js';
import { EmptyState, ErrorNotice, Loading } from './states.js';

/** The reader's committee seats below the issuer: where a concern about this plan may come from. */
function useRaisingOrganizations(plan: PlanDetail) {
  const me = useMe();
  if (plan.status !== 'published' || !plan.applies) return [];
  const seen = new Map<string, string>();
  for (const grant of me.roles) {
    if (grant.role === 'committee' && grant.organizationId !== plan.organizationId)
      seen.set(grant.organizationId, grant.organizationName);
  }
  return [...seen].map(([value, label]) => ({ value, label }));
}

/** The concerns raised about one plan, and the button to raise one. */
export function PlanConcerns({ plan }: { plan: PlanDetail }) {
  const organizations = useRaisingOrganizations(plan);
  const [raising, setRaising] = useState(false);
  const query = useQuery({
    queryKey: ['concerns', 'plan', plan.id],
    queryFn: () =>
      api.get<{ items: ConcernSummary[]; total: number }>(
        `/concerns${queryString({ planId: plan.id, pageSize: 200 })}`,
      ),
  });
  return (
    <Stack>
      {organizations.length > 0 && (
        <Group>
          <Button onClick={() => setRaising(true)}>Nêu khó khăn, vướng mắc</Button>
        </Group>
      )}
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorNotice error={query.error} />
      ) : query.data.items.length === 0 ? (
        <EmptyState>Chưa có khó khăn, vướng mắc nào về kế hoạch này.</EmptyState>
      ) : (
        <ConcernTable concerns={query.data.items} showPlan={false} />
      )}
      {raising && (
        <ConcernRaiseModal plan={plan} organizations={organizations} onClose={() => setRaising(false)} />
      )}
    </Stack>
  );
}
