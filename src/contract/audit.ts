import { z } from 'zod';
import { idSchema, paged, pageQuery } from './common.js';

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

export const listAuditQuery = pageQuery.extend({
  targetId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
});
export const auditPage = paged(auditEntry);
