import { z } from 'zod';
import { REMEDIATION_STORED_STATUSES } from '../domain/remediation.js';
import { idSchema, isoDate, requiredText, versionSchema } from './common.js';

export const REMEDIATION_ACTION_MAX = 2000;
export const REMEDIATION_NOTE_MAX = 2000;
export const REMEDIATION_COMMENT_MAX = 1000;

const storedStatus = z.enum(REMEDIATION_STORED_STATUSES, {
  message: 'Tình trạng phải là: chưa thực hiện, đang thực hiện hoặc đã hoàn thành.',
});
const displayStatus = z.enum(['open', 'in_progress', 'done', 'overdue']);

/**
 * An item from an accepted compiled point (responsibility follows the point), or a collective
 * action of the organization without a point.
 */
export const createRemediationItemBody = z
  .object({
    pointId: idSchema.optional(),
    responsibleKind: z
      .literal('organization', { message: 'Chỉ tổ chức mới nhận việc không gắn với điểm tổng hợp.' })
      .optional(),
    action: requiredText(REMEDIATION_ACTION_MAX, 'Nội dung khắc phục'),
    deadline: isoDate,
  })
  .strict();
export type CreateRemediationItemBody = z.infer<typeof createRemediationItemBody>;

export const updateRemediationItemBody = z
  .object({
    version: versionSchema,
    action: requiredText(REMEDIATION_ACTION_MAX, 'Nội dung khắc phục').optional(),
    deadline: isoDate.optional(),
  })
  .strict();

export const remediationNoteBody = z
  .object({
    version: versionSchema,
    text: requiredText(REMEDIATION_NOTE_MAX, 'Nội dung tiến độ'),
    status: storedStatus,
    /** A file sent first to `POST /remediation-items/:id/evidence`. */
    evidenceFileId: idSchema.optional(),
  })
  .strict();
export type RemediationNoteBody = z.infer<typeof remediationNoteBody>;

export const remediationCommentBody = z
  .object({ text: requiredText(REMEDIATION_COMMENT_MAX, 'Ý kiến') })
  .strict();

export const remediationAnswerBody = z
  .object({ version: versionSchema, text: requiredText(REMEDIATION_COMMENT_MAX, 'Câu trả lời') })
  .strict();

/** Typed or read off the slip from the meeting; the server normalizes it. */
const codeInput = z
  .string({ message: 'Hãy nhập mã trên phiếu.' })
  .max(40, { message: 'Mã quá dài.' })
  .min(1, { message: 'Hãy nhập mã trên phiếu.' });

export const superviseOpenBody = z.object({ code: codeInput }).strict();

export const superviseCommentBody = z
  .object({ code: codeInput, itemId: idSchema, text: requiredText(REMEDIATION_COMMENT_MAX, 'Ý kiến') })
  .strict();

export const noteParams = z.object({ id: idSchema, noteId: idSchema });

export const remediationNote = z.object({
  id: idSchema,
  text: z.string(),
  status: storedStatus,
  /** yyyy-mm-dd, Vietnam calendar */
  createdOn: z.string(),
  authorName: z.string().nullable(),
  evidenceName: z.string().nullable(),
});

export const remediationComment = z.object({
  id: idSchema,
  version: z.number().int(),
  text: z.string(),
  /** null: sent anonymously with the meeting's code. */
  authorName: z.string().nullable(),
  createdOn: z.string(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
});

export const remediationItemView = z.object({
  id: idSchema,
  version: z.number().int(),
  meetingId: idSchema,
  pointId: idSchema.nullable(),
  pointText: z.string().nullable(),
  action: z.string(),
  responsibleKind: z.enum(['organization', 'member']),
  responsibleName: z.string(),
  deadline: z.string(),
  storedStatus,
  status: displayStatus,
  notes: z.array(remediationNote),
  comments: z.array(remediationComment),
});
export type RemediationItemView = z.infer<typeof remediationItemView>;

export const remediationTally = z.object({
  total: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
});

export const remediationPlanView = z.object({
  meetingId: idSchema,
  workplaceName: z.string(),
  year: z.number().int(),
  /** The viewer may add and edit items, and answer comments. */
  canManage: z.boolean(),
  /** The viewer may comment on items (the masses of the workplace). */
  canComment: z.boolean(),
  items: z.array(remediationItemView),
  tally: remediationTally,
});
export type RemediationPlanView = z.infer<typeof remediationPlanView>;

export const remediationPlanList = z.object({ plans: z.array(remediationPlanView) });
export const myRemediationItems = z.object({ items: z.array(remediationItemView) });
export const evidenceUploaded = z.object({ fileId: idSchema, name: z.string() });
export const commentSent = z.object({ ok: z.literal(true) });
