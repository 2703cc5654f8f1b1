import { useQuery } from '@tanstack/react-query';
import type { PlanDetail, PlanSummary } from '../../contract/plans.js';
import { api } from '../api.js';

export const PLANS_KEY = ['plans'] as const;
export const planKey = (id: string) => ['plans', 'detail', id] as const;

export function usePlansQuery() {
  return useQuery({
    queryKey: [...PLANS_KEY, 'list'],
    queryFn: () => api.get<{ items: PlanSummary[] }>('/plans'),
    select: (data) => data.items,
  });
}

export function usePlanQuery(id: string) {
  return useQuery({ queryKey: planKey(id), queryFn: () => api.get<PlanDetail>(`/plans/${id}`) });
}

/** `Số 03-KH/ĐUK`; a draft without a number shows dots, as the printed draft does. */
export function planNumberText(plan: Pick<PlanSummary, 'number' | 'symbol' | 'fullNumber'>): string {
  return plan.number ? `Số ${plan.fullNumber}` : `Số ....-${plan.symbol}`;
}
