import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanDetail } from '../../contract/plans.js';
import type { SelfCriticismDetail, SelfCriticismStatusView } from '../../contract/self-criticisms.js';
import { api, queryString } from '../api.js';
import { isStaleVersion } from './form-field-errors.js';
import { planKey } from './plan-queries.js';

export const SELF_CRITICISMS_KEY = ['self-criticisms'] as const;
export const selfCriticismKey = (id: string) => ['self-criticisms', 'detail', id] as const;
export const selfCriticismPath = (id: string) => `/self-criticisms/${id}`;

export interface SelfCriticismPage {
  items: SelfCriticismStatusView[];
  total: number;
  page: number;
  pageSize: number;
}

export function useSelfCriticismQuery(id: string) {
  return useQuery({
    queryKey: selfCriticismKey(id),
    queryFn: () => api.get<SelfCriticismDetail>(selfCriticismPath(id)),
  });
}

export function useMySelfCriticismsQuery() {
  return useQuery({
    queryKey: [...SELF_CRITICISMS_KEY, 'mine'],
    queryFn: () => api.get<{ items: SelfCriticismStatusView[] }>('/self-criticisms/mine'),
    select: (data) => data.items,
  });
}

export function useWorkplaceSelfCriticismsQuery(
  planId: string,
  workplaceId: string,
  filter: { status?: string | null; page?: number; pageSize?: number },
) {
  return useQuery({
    queryKey: [...SELF_CRITICISMS_KEY, 'list', planId, workplaceId, filter],
    queryFn: () =>
      api.get<SelfCriticismPage>(`/self-criticisms${queryString({ planId, workplaceId, ...filter })}`),
  });
}

/** A committee or member write on one report: the answer replaces the cached report, lists refresh. */
export function useReportWrite<Body>(
  report: Pick<SelfCriticismDetail, 'id'>,
  method: 'post' | 'put' | 'patch',
  suffix: string,
  onDone?: () => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) =>
      api[method]<SelfCriticismDetail>(`${selfCriticismPath(report.id)}${suffix}`, body),
    onSuccess: async (updated) => {
      queryClient.setQueryData(selfCriticismKey(report.id), updated);
      await queryClient.invalidateQueries({ queryKey: SELF_CRITICISMS_KEY });
      onDone?.();
    },
    onError: async (error) => {
      if (isStaleVersion(error))
        await queryClient.invalidateQueries({ queryKey: selfCriticismKey(report.id) });
    },
  });
}

/** The plan a report belongs to (its year and number); members read the published plans that cover them. */
export function usePlanOfReport(planId: string | undefined) {
  return useQuery({
    queryKey: planKey(planId ?? ''),
    queryFn: () => api.get<PlanDetail>(`/plans/${planId}`),
    enabled: Boolean(planId),
    retry: false,
  });
}
