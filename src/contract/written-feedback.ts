import { z } from 'zod';
import { FEEDBACK_AREAS, FEEDBACK_KINDS } from '../domain/feedback.js';
import { idSchema, text } from './common.js';
import { feedbackFormContent } from './feedback-form.js';

/** A paper form typed in by the secretary: the name it was signed with, if any (blank: unsigned). */
export const paperFormBody = z.object({
  selfCriticismId: idSchema,
  authorName: text(200)
    .nullable()
    .default(null)
    .transform((value) => (value ? value : null)),
  form: feedbackFormContent,
});
export type PaperFormBody = z.infer<typeof paperFormBody>;

/** A named form sent online by a signed-in non-member. */
export const onlineFormBody = z.object({ selfCriticismId: idSchema, form: feedbackFormContent });
export type OnlineFormBody = z.infer<typeof onlineFormBody>;

export const writtenOpinion = z.object({
  id: idSchema,
  area: z.enum(FEEDBACK_AREAS),
  kind: z.enum(FEEDBACK_KINDS),
  text: z.string(),
});

export const writtenForm = z.object({
  id: idSchema,
  selfCriticismId: idSchema,
  memberName: z.string(),
  channel: z.enum(['paper', 'online']),
  authorName: z.string().nullable(),
  /** yyyy-mm-dd. */
  submittedOn: z.string(),
  opinions: z.array(writtenOpinion),
});
export type WrittenForm = z.infer<typeof writtenForm>;

export const writtenFormList = z.object({ items: z.array(writtenForm) });

export const feedbackFormsQuery = z.object({
  prefilled: z.enum(['true', 'false'], { message: 'Giá trị prefilled là true hoặc false.' }).default('false'),
});

export const memberSummary = z.object({
  selfCriticismId: idSchema,
  fullName: z.string(),
  duties: z.string(),
  strengths: z.string(),
  shortcomings: z.string(),
});

export const feedbackMeeting = z.object({
  meetingId: idSchema,
  workplaceName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  members: z.array(memberSummary),
});
export type FeedbackMeeting = z.infer<typeof feedbackMeeting>;

/** Why a signed-in person may or may not send named feedback: the page explains the refusals. */
export const feedbackEligibility = z.enum(['eligible', 'party_member', 'no_person']);

export const feedbackMeetingList = z.object({
  eligibility: feedbackEligibility,
  items: z.array(feedbackMeeting),
});
export type FeedbackMeetingList = z.infer<typeof feedbackMeetingList>;

export const createdForm = z.object({ id: idSchema, opinions: z.number().int() });
