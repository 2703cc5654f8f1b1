import { useQuery } from '@tanstack/react-query';
import type {
  AbsenceNotice,
  MeetingAttendance,
  MeetingCandidates,
  MeetingDetail,
  MeetingList,
} from '../../contract/meetings.js';
import type { Workplace } from '../../contract/workplaces.js';
import { api, queryString } from '../api.js';

export const MEETINGS_KEY = ['meetings'] as const;
export const workplaceMeetingKey = (planId: string, workplaceId: string) =>
  [...MEETINGS_KEY, 'workplace', planId, workplaceId] as const;
export const attendanceKey = (meetingId: string) => [...MEETINGS_KEY, 'attendance', meetingId] as const;

export function useWorkplaceMeetingQuery(planId: string, workplaceId: string) {
  return useQuery({
    queryKey: workplaceMeetingKey(planId, workplaceId),
    queryFn: () => api.get<MeetingDetail>(`/plans/${planId}/workplaces/${workplaceId}/meeting`),
  });
}

/** Only the committee of the workplace's organization gets an answer (others 403). */
export function useMeetingCandidatesQuery(planId: string, workplaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...MEETINGS_KEY, 'candidates', planId, workplaceId],
    queryFn: () =>
      api.get<MeetingCandidates>(`/plans/${planId}/workplaces/${workplaceId}/meeting-candidates`),
    enabled,
  });
}

/**
 * The workplace's name for an officer above the cell (the organization board, a higher committee)
 * who reaches a workplace with no meeting yet: GET /workplaces/:id, scoped to their subtree.
 */
export function useMeetingWorkplaceQuery(workplaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['workplaces', workplaceId],
    queryFn: () => api.get<Workplace>(`/workplaces/${workplaceId}`),
    enabled,
  });
}

export function useAttendanceQuery(meetingId: string) {
  return useQuery({
    queryKey: attendanceKey(meetingId),
    queryFn: () => api.get<MeetingAttendance>(`/meetings/${meetingId}/attendance`),
  });
}

export function useMyMeetingsQuery(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...MEETINGS_KEY, 'mine', page, pageSize],
    queryFn: () => api.get<MeetingList>(`/meetings${queryString({ page, pageSize })}`),
  });
}

export function useAbsenceNoticesQuery() {
  return useQuery({
    queryKey: [...MEETINGS_KEY, 'absence-notices'],
    queryFn: () => api.get<{ items: AbsenceNotice[] }>('/me/absence-notices'),
    select: (data) => data.items,
  });
}
