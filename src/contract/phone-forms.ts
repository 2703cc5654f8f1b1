import { z } from 'zod';
import { FEEDBACK_AREAS, FEEDBACK_KINDS } from '../domain/feedback.js';
import { MAX_CODES_PER_SHEET } from '../domain/phone-codes.js';
import { idSchema } from './common.js';
import { feedbackFormContent } from './feedback-form.js';

const instant = z.iso.datetime({
  offset: true,
  message: 'Thời điểm không hợp lệ (dạng ISO 8601 có múi giờ).',
});

/** Typed or read off a slip; the server normalizes it (case, dashes, spaces). */
const codeInput = z
  .string({ message: 'Hãy nhập mã trên phiếu.' })
  .max(40, { message: 'Mã quá dài.' })
  .min(1, { message: 'Hãy nhập mã trên phiếu.' });

export const issueCodesBody = z
  .object({
    count: z
      .number({ message: 'Số mã phải là một số.' })
      .int({ message: 'Số mã phải là số nguyên.' })
      .min(1, { message: 'Cần in ít nhất 1 mã.' })
      .max(MAX_CODES_PER_SHEET, { message: `Mỗi lần in tối đa ${MAX_CODES_PER_SHEET} mã.` }),
  })
  .strict();

export const issuedCodesView = z.object({ issued: z.number().int() });

export const openFormWindowBody = z.object({ endsAt: instant }).strict();

export const phoneFormOpenBody = z.object({ code: codeInput }).strict();

export const phoneFormMember = z.object({
  selfCriticismId: idSchema,
  fullName: z.string(),
  duties: z.string(),
  strengths: z.string(),
  shortcomings: z.string(),
});

export const phoneFormOpened = z.object({
  workplaceName: z.string(),
  /** dd/mm/yyyy */
  meetingDate: z.string(),
  windowEndsAt: z.string().nullable(),
  members: z.array(phoneFormMember),
});
export type PhoneFormOpened = z.infer<typeof phoneFormOpened>;

export const phoneFormSubmitBody = z
  .object({ code: codeInput, selfCriticismId: idSchema, form: feedbackFormContent })
  .strict();

export const phoneFormSent = z.object({ ok: z.literal(true), fullName: z.string() });

export const releasedOpinion = z.object({
  area: z.enum(FEEDBACK_AREAS),
  kind: z.enum(FEEDBACK_KINDS),
  text: z.string(),
});

export const anonymousForm = z.object({
  id: idSchema,
  /** phone: sent with a code; paper: a paper form that carries no name. */
  channel: z.enum(['phone', 'paper']),
  /** yyyy-mm-dd: the day only (S6). */
  submittedOn: z.string(),
  opinions: z.array(releasedOpinion),
});

/**
 * The anonymous written opinions about one member. From the small-group setting up: form by form.
 * Below it (S6, small groups): one merged list, without forms, channels or days.
 */
export const anonymousMemberOpinions = z.discriminatedUnion('merged', [
  z.object({
    selfCriticismId: idSchema,
    fullName: z.string(),
    merged: z.literal(false),
    forms: z.array(anonymousForm),
  }),
  z.object({
    selfCriticismId: idSchema,
    fullName: z.string(),
    merged: z.literal(true),
    opinions: z.array(releasedOpinion),
  }),
]);

export const releasedPhoneForms = z.object({
  /** The setting in force: fewer anonymous written forms than this about a member are merged. */
  smallGroupThreshold: z.number().int(),
  /** How many phone forms were released for the meeting. */
  phoneForms: z.number().int(),
  members: z.array(anonymousMemberOpinions),
});
export type ReleasedPhoneForms = z.infer<typeof releasedPhoneForms>;
export type AnonymousMemberOpinions = z.infer<typeof anonymousMemberOpinions>;
