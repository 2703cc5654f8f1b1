import { z } from 'zod';
import { FEEDBACK_AREAS, FEEDBACK_CHANNELS, FEEDBACK_KINDS } from '../domain/feedback.js';
import { MINUTES_CAPACITIES } from '../domain/minutes.js';
import { documentNumber, idSchema, requiredText, text, versionSchema } from './common.js';

export const minutesCapacity = z.enum(MINUTES_CAPACITIES, { message: 'Tư cách ký không hợp lệ.' });

/** The secretary's free text; each field may stay empty. */
export const minutesDraft = z.object({
  number: documentNumber('Số biên bản').default(''),
  openingRemarks: text(5000).default(''),
  otherMatters: text(10000).default(''),
  closingRemarks: text(5000).default(''),
  endedAt: text(5)
    .default('')
    .refine((value) => value === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(value), {
      message: 'Giờ kết thúc ghi dạng hh:mm, ví dụ 11:05.',
    }),
});

export const updateMinutesBody = z.object({ version: versionSchema, draft: minutesDraft });
export type UpdateMinutesBody = z.infer<typeof updateMinutesBody>;

export const signMinutesBody = z.object({
  capacity: minutesCapacity,
  username: requiredText(200, 'Tên đăng nhập'),
  password: z.string().min(1, { message: 'Mật khẩu không được để trống.' }).max(1000),
});
export type SignMinutesBody = z.infer<typeof signMinutesBody>;

/** The text fields of a paper signature; the scan comes as the multipart file. */
export const paperSignatureFields = z.object({
  capacity: minutesCapacity,
  signerName: requiredText(200, 'Họ và tên người ký'),
});

export const addendumBody = z.object({ text: requiredText(10000, 'Nội dung phụ lục') });

export const signatureParams = z.object({ id: idSchema, signatureId: idSchema });

const opinion = z.object({
  channel: z.enum(FEEDBACK_CHANNELS),
  area: z.enum(FEEDBACK_AREAS),
  kind: z.enum(FEEDBACK_KINDS),
  text: z.string(),
  speaker: z.string().nullable(),
  dissenting: z.boolean(),
});

export const minutesContent = z.object({
  workplaceName: z.string(),
  organizationName: z.string(),
  year: z.number().int(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  number: z.string().optional(),
  place: z.string(),
  chairName: z.string(),
  secretaryName: z.string(),
  delegates: z.array(z.string()),
  openingRemarks: z.string(),
  counts: z.object({
    members: z.number().int(),
    present: z.number().int(),
    /** Members whose attendance is not recorded yet; missing when none. */
    unmarked: z.number().int().optional(),
    absent: z.array(z.object({ fullName: z.string(), reason: z.string(), reasonValid: z.boolean() })),
    massesPresent: z.number().int(),
    massesPresentNames: z.array(z.string()),
  }),
  members: z.array(
    z.object({
      selfCriticismId: z.string(),
      fullName: z.string(),
      duties: z.string(),
      strengths: z.string(),
      shortcomings: z.string(),
      opinions: z.array(opinion),
      response: z.string(),
      /** Set when the member was marked absent. */
      absence: z.object({ reason: z.string(), reasonValid: z.boolean() }).optional(),
    }),
  ),
  collective: z.object({ opinions: z.array(opinion), response: z.string() }),
  otherMatters: z.string(),
  closingRemarks: z.string(),
});

export const minutesSignature = z.object({
  id: idSchema,
  capacity: minutesCapacity,
  signerName: z.string(),
  method: z.enum(['account', 'paper']),
  signedAt: z.string(),
  /** Whether the signer saw the minutes as they stand now. */
  current: z.boolean(),
  hasScan: z.boolean(),
});

export const minutesAddendum = z.object({
  id: idSchema,
  text: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
});

export const minutesView = z.object({
  id: idSchema,
  meetingId: idSchema,
  version: z.number().int(),
  draft: z.object({
    number: z.string(),
    openingRemarks: z.string(),
    otherMatters: z.string(),
    closingRemarks: z.string(),
    endedAt: z.string(),
  }),
  content: minutesContent,
  /** SHA-256 of the content's canonical JSON (hex). */
  contentHash: z.string(),
  locked: z.boolean(),
  lockedAt: z.string().nullable(),
  signatures: z.array(minutesSignature),
  addenda: z.array(minutesAddendum),
});
export type MinutesView = z.infer<typeof minutesView>;
