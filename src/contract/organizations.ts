import { z } from 'zod';
import { idSchema, requiredText, text, versionSchema } from './common.js';

/** Kinds are data (DESIGN): these are the usual ones, others are accepted as written. */
export const ORGANIZATION_KIND_LABELS: Record<string, string> = {
  province: 'Đảng bộ tỉnh',
  bloc: 'Đảng bộ khối',
  base: 'Đảng bộ cơ sở',
  'base-cell': 'Chi bộ cơ sở',
  cell: 'Chi bộ trực thuộc',
};

export const organizationKind = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, {
  message: 'Loại tổ chức chỉ gồm chữ thường không dấu, số và dấu gạch ngang.',
});

export const organization = z.object({
  id: idSchema,
  parentId: idSchema.nullable(),
  kind: z.string(),
  name: z.string(),
  shortName: z.string(),
  headerSuperior: z.string(),
  headerIssuer: z.string(),
  depth: z.number().int(),
  closed: z.boolean(),
  childCount: z.number().int(),
  workplaceCount: z.number().int(),
  version: z.number().int(),
});
export type Organization = z.infer<typeof organization>;

export const organizationRef = z.object({ id: idSchema, name: z.string() });

export const committeeMember = z.object({
  personId: idSchema,
  fullName: z.string(),
  partyOffice: z.string(),
  workplaceName: z.string(),
});

export const organizationDetail = organization.extend({
  /** Ancestors inside the reader's scope, root first, for the breadcrumb. */
  ancestors: z.array(organizationRef),
  children: z.array(organization),
  committee: z.array(committeeMember),
  /** The two lines its documents print over the star: built from the tree, or the record's own. */
  documentHeader: z.object({ superior: z.string(), issuer: z.string() }),
  permissions: z.object({ editTree: z.boolean(), editWorkplaces: z.boolean(), readPeople: z.boolean() }),
});
export type OrganizationDetail = z.infer<typeof organizationDetail>;

export const listOrganizationsQuery = z.object({
  parentId: idSchema.optional(),
  includeClosed: z.enum(['true', 'false']).default('false'),
});

const organizationFields = {
  kind: organizationKind,
  name: requiredText(300, 'Tên tổ chức'),
  shortName: text(40),
  headerSuperior: text(300),
  headerIssuer: text(300),
};

export const createOrganizationBody = z.object({ parentId: idSchema, ...organizationFields }).strict();
export const updateOrganizationBody = z
  .object({ version: versionSchema, ...organizationFields })
  .partial({ kind: true, name: true, shortName: true, headerSuperior: true, headerIssuer: true })
  .strict();
export const moveOrganizationBody = z.object({ version: versionSchema, parentId: idSchema }).strict();
export const versionBody = z.object({ version: versionSchema }).strict();
