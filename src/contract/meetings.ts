import { z } from 'zod';
import { AGENDA_STEPS } from '../domain/meetings.js';
import { idSchema, requiredText, text, versionSchema } from './common.js';

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
