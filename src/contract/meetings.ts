import { z } from 'zod';
import { AGENDA_STEPS } from '../domain/meetings.js';
import { idSchema, paged, pageQuery, requiredText, text, versionSchema } from './common.js';

const instant = z.iso.datetime({
  offset: true,
  message: 'Thời điểm không hợp lệ (dạng ISO 8601 có múi giờ).',
});

export const meetingPlanWorkplaceParams = z.object({ planId: idSchema, workplaceId: idSchema });

const scheduleFields = {
  startsAt: instant,
  endsAt: instant,
  place: requiredText(500, 'Địa điểm'),
  chairName: requiredText(200, 'Người chủ trì'),
  /** The chair's account, when they have one: they sign the minutes in the app and follow the live page. */
  chairAccountId: idSchema.nullable().default(null),
  secretaryAccountId: idSchema,
  delegates: z.array(requiredText(300, 'Đại biểu')).max(100, { message: 'Tối đa 100 đại biểu.' }).default([]),
};

export const scheduleMeetingBody = z.object(scheduleFields);
export type ScheduleMeetingBody = z.infer<typeof scheduleMeetingBody>;

export const rescheduleMeetingBody = z.object({ ...scheduleFields, version: versionSchema });
export type RescheduleMeetingBody = z.infer<typeof rescheduleMeetingBody>;

export const meetingCapacity = z.enum(['committee', 'secretary', 'chair', 'reader']);
export type MeetingCapacity = z.infer<typeof meetingCapacity>;

export const formWindowView = z.object({
  state: z.enum(['not_opened', 'open', 'closed']),
  openedAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});

export const meetingDetail = z.object({
  id: idSchema,
  planId: idSchema,
  workplaceId: idSchema,
  workplaceName: z.string(),
  organizationId: idSchema,
  organizationName: z.string(),
  /** The nearest plan's meetings deadline (yyyy-mm-dd). */
  deadline: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  chairName: z.string(),
  chairAccountId: idSchema.nullable(),
  secretaryAccountId: idSchema,
  secretaryName: z.string(),
  delegates: z.array(z.string()),
  massesPresent: z.number().int(),
  massesPresentNames: z.array(z.string()),
  agendaStep: z.enum(AGENDA_STEPS),
  agendaSelfCriticismId: idSchema.nullable(),
  heldAt: z.string().nullable(),
  formWindow: formWindowView,
  minutesLocked: z.boolean(),
  capacity: meetingCapacity,
  version: z.number().int(),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

/** Free text shown in refusals and lists. */
export const meetingNote = text(1000);

export const meetingCandidate = z.object({
  accountId: idSchema,
  displayName: z.string(),
  username: z.string(),
  /** Why the account may take the part: it works at the workplace, or sits on the committee. */
  worksHere: z.boolean(),
  onCommittee: z.boolean(),
});
export const meetingCandidates = z.object({
  workplaceName: z.string(),
  /** False for an exempt workplace: it holds no meeting, so the page explains instead of a form. */
  required: z.boolean(),
  secretaries: z.array(meetingCandidate),
  chairs: z.array(meetingCandidate),
});
export type MeetingCandidates = z.infer<typeof meetingCandidates>;

export const attendanceMember = z.object({
  selfCriticismId: idSchema,
  personId: idSchema,
  fullName: z.string(),
  template: z.enum(['with_office', 'without_office']),
  /** Null until someone marks the member. */
  present: z.boolean().nullable(),
  absenceReason: z.string().nullable(),
  absenceReasonValid: z.boolean().nullable(),
  toldAt: z.string().nullable(),
  toldByName: z.string().nullable(),
  toldNote: z.string().nullable(),
});
export type AttendanceMember = z.infer<typeof attendanceMember>;

export const meetingAttendance = z.object({
  meetingId: idSchema,
  version: z.number().int(),
  agendaStep: z.enum(AGENDA_STEPS),
  members: z.array(attendanceMember),
  massesPresent: z.number().int(),
  massesPresentNames: z.array(z.string()),
});
export type MeetingAttendance = z.infer<typeof meetingAttendance>;

export const attendanceMark = z.object({
  selfCriticismId: idSchema,
  present: z.boolean(),
  absenceReason: text(500).nullable().optional(),
  absenceReasonValid: z.boolean().nullable().optional(),
});

export const saveAttendanceBody = z.object({
  version: versionSchema,
  members: z.array(attendanceMark).max(1000, { message: 'Quá nhiều đảng viên.' }),
  massesPresent: z
    .number({ message: 'Số quần chúng dự họp phải là một số.' })
    .int({ message: 'Số quần chúng dự họp phải là số nguyên.' })
    .min(0, { message: 'Số quần chúng dự họp không được âm.' })
    .max(100_000, { message: 'Số quần chúng dự họp quá lớn.' }),
  massesPresentNames: z
    .array(requiredText(200, 'Tên quần chúng'))
    .max(100_000, { message: 'Quá nhiều tên.' })
    .default([]),
});
export type SaveAttendanceBody = z.infer<typeof saveAttendanceBody>;

export const attendanceParams = z.object({ id: idSchema, selfCriticismId: idSchema });
export const toldBody = z.object({ note: text(1000).default('') });

export const absenceOpinion = z.object({
  channel: z.enum(['oral', 'paper', 'online', 'phone']),
  area: z.string(),
  kind: z.enum(['strength', 'shortcoming', 'proposal']),
  text: z.string(),
  dissenting: z.boolean(),
  /** Null for anonymous opinions and "không ghi tên". */
  speakerName: z.string().nullable(),
});

export const absenceNotice = z.object({
  meetingId: idSchema,
  selfCriticismId: idSchema,
  workplaceName: z.string(),
  startsAt: z.string(),
  absenceReason: z.string(),
  absenceReasonValid: z.boolean(),
  meetingHeld: z.boolean(),
  /** Whether the forms sent by phone are included yet (they are once the form window is closed). */
  phoneFormsIncluded: z.boolean(),
  opinions: z.array(absenceOpinion),
  toldAt: z.string().nullable(),
});
export type AbsenceNotice = z.infer<typeof absenceNotice>;
export const absenceNotices = z.object({ items: z.array(absenceNotice) });

export const meetingListQuery = pageQuery;
export const meetingListItem = z.object({
  id: idSchema,
  planId: idSchema,
  planYear: z.number().int(),
  planNumber: z.string(),
  workplaceId: idSchema,
  workplaceName: z.string(),
  organizationName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  agendaStep: z.enum(AGENDA_STEPS),
  minutesLocked: z.boolean(),
  capacity: z.enum(['committee', 'secretary', 'chair']),
});
export type MeetingListItem = z.infer<typeof meetingListItem>;
export const meetingList = paged(meetingListItem);
export type MeetingList = z.infer<typeof meetingList>;
