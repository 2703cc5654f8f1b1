import { useQuery } from '@tanstack/react-query';
import type { ReportDetail, ReportList } from '../../contract/reports.js';
import { api, queryString } from '../api.js';

export const reportKey = (planId: string, organizationId: string) =>
  ['report', planId, organizationId] as const;
export const reportListKey = (planId: string, organizationId: string | undefined) =>
  ['reports', planId, organizationId ?? null] as const;

export function useReportQuery(planId: string, organizationId: string) {
  return useQuery({
    queryKey: reportKey(planId, organizationId),
    queryFn: () => api.get<ReportDetail>(`/plans/${planId}/organizations/${organizationId}/report`),
  });
}

export function useReportListQuery(planId: string | null, organizationId: string | undefined) {
  return useQuery({
    queryKey: reportListKey(planId ?? '', organizationId),
    queryFn: () => api.get<ReportList>(`/plans/${planId}/reports${queryString({ organizationId })}`),
    enabled: planId !== null,
  });
}
