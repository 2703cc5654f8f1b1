import type { MeetingDetail, ScheduleMeetingBody } from '../../contract/meetings.js';
import { parseVietnameseDate } from '../../domain/dates.js';
import { vietnamDate, vietnamTime } from '../../domain/meetings.js';
import { formatDate } from '../api.js';

/** What the schedule form holds: dates typed dd/mm/yyyy and times hh:mm, in Vietnam's time. */
export interface ScheduleTexts {
  date: string;
  startTime: string;
  /** Empty: the same day as the start. */
  endDate: string;
  endTime: string;
  place: string;
  chairName: string;
  chairAccountId: string | null;
  secretaryAccountId: string | null;
  delegates: string;
}

export const EMPTY_SCHEDULE: ScheduleTexts = {
  date: '',
  startTime: '07:30',
  endDate: '',
  endTime: '11:30',
  place: '',
  chairName: '',
  chairAccountId: null,
  secretaryAccountId: null,
  delegates: '',
};

export function scheduleTextsOf(meeting: MeetingDetail): ScheduleTexts {
  const starts = new Date(meeting.startsAt);
  const ends = new Date(meeting.endsAt);
  const startDay = vietnamDate(starts);
  const endDay = vietnamDate(ends);
  return {
    date: formatDate(startDay),
    startTime: vietnamTime(starts),
    endDate: endDay === startDay ? '' : formatDate(endDay),
    endTime: vietnamTime(ends),
    place: meeting.place,
    chairName: meeting.chairName,
    chairAccountId: meeting.chairAccountId,
    secretaryAccountId: meeting.secretaryAccountId,
    delegates: meeting.delegates.join('\n'),
  };
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

type FieldErrors = Partial<Record<keyof ScheduleTexts, string>>;

/** The body to send, or the fields that cannot be read (nothing is sent then). */
export function scheduleBodyOf(texts: ScheduleTexts): { body?: ScheduleMeetingBody; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const day = parseVietnameseDate(texts.date);
  if (!day) errors.date = 'Ngày họp không hợp lệ, nhập theo dạng dd/mm/yyyy.';
  const endDay = texts.endDate.trim() ? parseVietnameseDate(texts.endDate) : day;
  if (!endDay && texts.endDate.trim())
    errors.endDate = 'Ngày kết thúc không hợp lệ, nhập theo dạng dd/mm/yyyy.';
  const start = TIME.exec(texts.startTime.trim());
  if (!start) errors.startTime = 'Giờ bắt đầu không hợp lệ, nhập theo dạng hh:mm.';
  const end = TIME.exec(texts.endTime.trim());
  if (!end) errors.endTime = 'Giờ kết thúc không hợp lệ, nhập theo dạng hh:mm.';
  if (!texts.secretaryAccountId) errors.secretaryAccountId = 'Hãy chọn thư ký.';
  if (Object.keys(errors).length > 0 || !day || !endDay || !start || !end || !texts.secretaryAccountId) {
    return { errors };
  }
  const at = (date: string, match: RegExpExecArray) =>
    `${date}T${match[1]?.padStart(2, '0')}:${match[2]}:00+07:00`;
  return {
    errors,
    body: {
      startsAt: at(day, start),
      endsAt: at(endDay, end),
      place: texts.place,
      chairName: texts.chairName,
      chairAccountId: texts.chairAccountId,
      secretaryAccountId: texts.secretaryAccountId,
      delegates: texts.delegates
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    },
  };
}
