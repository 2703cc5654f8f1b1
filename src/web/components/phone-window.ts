import { parseVietnameseDate } from '../../domain/dates.js';
import { vietnamDate, vietnamTime } from '../../domain/meetings.js';
import { formatDate } from '../api.js';

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const HOUR = 60 * 60_000;

/** The proposed end of the form window: an hour after the meeting ends, or two hours from now if that has passed. */
export function defaultWindowEnd(meetingEndsAt: string, now = new Date()): { date: string; time: string } {
  const afterMeeting = new Date(new Date(meetingEndsAt).getTime() + HOUR);
  const end = afterMeeting.getTime() > now.getTime() ? afterMeeting : new Date(now.getTime() + 2 * HOUR);
  return { date: formatDate(vietnamDate(end)), time: vietnamTime(end) };
}

/** `dd/mm/yyyy` + `hh:mm` in Vietnam's time → an ISO instant, or the message to show. */
export function windowEndOf(date: string, time: string): { endsAt?: string; error?: string } {
  const day = parseVietnameseDate(date);
  if (!day) return { error: 'Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy.' };
  const match = TIME.exec(time.trim());
  if (!match) return { error: 'Giờ không hợp lệ, nhập theo dạng hh:mm.' };
  return { endsAt: `${day}T${match[1]?.padStart(2, '0')}:${match[2]}:00+07:00` };
}

/** An instant as `hh:mm dd/mm/yyyy` in Vietnam's time. */
export function vietnamDateTime(iso: string): string {
  const instant = new Date(iso);
  return `${vietnamTime(instant)} ${formatDate(vietnamDate(instant))}`;
}
