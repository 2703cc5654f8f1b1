import { z } from 'zod';
import { idSchema, isoDate, paged, pageQuery } from './common.js';

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  accountId: idSchema.nullable(),
  accountName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const listAuditQuery = pageQuery.extend({
  targetId: z.string().max(100).optional(),
  /** An exact action (`account.created`) or a prefix ending in a dot (`account.`). */
  action: z.string().max(100).optional(),
  accountId: idSchema.optional(),
  /** Only entries about this organization's subtree. */
  organizationId: idSchema.optional(),
  /** Inclusive calendar days, in Vietnam time (UTC+7). */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ListAuditQuery = z.infer<typeof listAuditQuery>;
/** `total` counts at most 1 000 entries; `totalCapped` says there are more. */
export const auditPage = paged(auditEntry).extend({ totalCapped: z.boolean() });
