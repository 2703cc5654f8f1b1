import { useQuery } from '@tanstack/react-query';
import type { RemediationItemView, RemediationPlanView } from '../../contract/remediation.js';
import { api } from '../api.js';

export const remediationKeys = {
  all: ['remediation'] as const,
  meeting: (meetingId: string) => ['remediation', 'meeting', meetingId] as const,
  mine: ['remediation', 'mine'] as const,
  workplace: ['remediation', 'workplace'] as const,
};

export const useMeetingRemediationQuery = (meetingId: string) =>
  useQuery({
    queryKey: remediationKeys.meeting(meetingId),
    queryFn: () => api.get<RemediationPlanView>(`/meetings/${meetingId}/remediation`),
  });

export const useMyRemediationQuery = () =>
  useQuery({
    queryKey: remediationKeys.mine,
    queryFn: () => api.get<{ items: RemediationItemView[] }>('/me/remediation-items'),
  });

export const useWorkplaceRemediationQuery = () =>
  useQuery({
    queryKey: remediationKeys.workplace,
    queryFn: () => api.get<{ plans: RemediationPlanView[] }>('/me/workplace-remediation'),
  });
