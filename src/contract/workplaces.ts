import { z } from 'zod';
import { idSchema, requiredText, text, versionSchema } from './common.js';

export const eligibility = z.object({
  countedMasses: z.number().int(),
  allMasses: z.number().int(),
  required: z.boolean(),
  threshold: z.number().int(),
});
export type EligibilityView = z.infer<typeof eligibility>;

export const workplace = z.object({
  id: idSchema,
  organizationId: idSchema,
  organizationName: z.string(),
  name: z.string(),
  address: z.string(),
  closed: z.boolean(),
  memberCount: z.number().int(),
  eligibility,
  version: z.number().int(),
});
export type Workplace = z.infer<typeof workplace>;

export const listWorkplacesQuery = z.object({
  organizationId: idSchema,
  /** Whole subtree of the organization, or only the workplaces attached to it directly. */
  subtree: z.enum(['true', 'false']).default('false'),
  includeClosed: z.enum(['true', 'false']).default('false'),
});

export const createWorkplaceBody = z
  .object({
    organizationId: idSchema,
    name: requiredText(300, 'Tên cơ quan, đơn vị'),
    address: text(500).default(''),
  })
  .strict();
export const updateWorkplaceBody = z
  .object({
    version: versionSchema,
    name: requiredText(300, 'Tên cơ quan, đơn vị').optional(),
    address: text(500).optional(),
    organizationId: idSchema.optional(),
  })
  .strict();
