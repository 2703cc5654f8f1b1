import { useQuery } from '@tanstack/react-query';
import type { MeetingDetail } from '../../contract/meetings.js';
import type { ReleasedPhoneForms } from '../../contract/phone-forms.js';
import { api, downloadPost } from '../api.js';
import { MEETINGS_KEY } from './meeting-queries.js';

export const phoneKey = (meetingId: string) => [...MEETINGS_KEY, 'phone', meetingId] as const;

export function usePhoneMeetingQuery(meetingId: string) {
  return useQuery({
    queryKey: [...phoneKey(meetingId), 'meeting'],
    queryFn: () => api.get<MeetingDetail>(`/meetings/${meetingId}`),
  });
}

export function useIssuedCodesQuery(meetingId: string) {
  return useQuery({
    queryKey: [...phoneKey(meetingId), 'issued'],
    queryFn: () => api.get<{ issued: number }>(`/meetings/${meetingId}/phone-codes`),
  });
}

/** Mounted only once the window is closed: before that the server holds the forms back (S6). */
export function useReleasedFormsQuery(meetingId: string) {
  return useQuery({
    queryKey: [...phoneKey(meetingId), 'released'],
    queryFn: () => api.get<ReleasedPhoneForms>(`/meetings/${meetingId}/phone-forms`),
  });
}

/**
 * Issues codes and saves the sheet: a POST answering a PDF (or a DOCX to print from Word), so it is
 * fetched and handed to the browser as a download. The codes exist only in this file.
 */
export async function downloadQrSheet(
  meetingId: string,
  count: number,
  format: 'pdf' | 'docx' = 'pdf',
): Promise<void> {
  await downloadPost(
    `/meetings/${meetingId}/phone-codes/sheet.${format}`,
    { count },
    `Mã góp ý ẩn danh.${format}`,
  );
}
