import { z } from 'zod';
import { idSchema, paged, pageQuery, requiredText, versionSchema } from './common.js';

export const CONCERN_STATUSES = ['open', 'answered', 'closed'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];
export const CONCERN_STATUS_LABELS: Record<ConcernStatus, string> = {
  open: 'Đang chờ trả lời',
  answered: 'Đã trả lời',
  closed: 'Đã đóng',
};
export const concernStatus = z.enum(CONCERN_STATUSES);

/** The raising committee's side or the issuer's organization board. */
export const concernSide = z.enum(['raiser', 'issuer']);
export type ConcernSide = z.infer<typeof concernSide>;

export const raiseConcernBody = z
  .object({
    /** The committee's organization raising it: inside the plan's subtree, not the issuer itself. */
    organizationId: idSchema,
    subject: requiredText(300, 'Tiêu đề'),
    body: requiredText(10_000, 'Nội dung'),
  })
  .strict();

export const concernMessageBody = z.object({ body: requiredText(10_000, 'Nội dung') }).strict();
export const closeConcernBody = z.object({ version: versionSchema }).strict();

export const listConcernsQuery = pageQuery.extend({
  planId: idSchema.optional(),
  status: concernStatus.optional(),
  /** Only concerns raised by this organization or those under it. */
  organizationId: idSchema.optional(),
});
export type ListConcernsQuery = z.infer<typeof listConcernsQuery>;

export const concernSummary = z.object({
  id: idSchema,
  planId: idSchema,
  planTitle: z.string(),
  planNumber: z.string(),
  planSymbol: z.string(),
  issuerOrganizationId: idSchema,
  issuerOrganizationName: z.string(),
  raisedByOrganizationId: idSchema,
  raisedByOrganizationName: z.string(),
  subject: z.string(),
  status: concernStatus,
  messageCount: z.number().int(),
  lastMessageAt: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ConcernSummary = z.infer<typeof concernSummary>;

export const concernMessage = z.object({
  id: idSchema,
  side: concernSide,
  body: z.string(),
  authorName: z.string().nullable(),
  at: z.string(),
});

export const concernDetail = concernSummary.extend({
  messages: z.array(concernMessage),
  /** Which side the signed-in account writes for; null when it only reads. */
  actorSide: concernSide.nullable(),
  permissions: z.object({ reply: z.boolean(), close: z.boolean() }),
});
export type ConcernDetail = z.infer<typeof concernDetail>;

export const concernPage = paged(concernSummary);
