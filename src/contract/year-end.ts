import { z } from 'zod';
import { idSchema, pageQuery } from './common.js';

export const yearEndQuery = z.object({
  /** The organization whose subtree to show; the actor's topmost node the plan covers by default. */
  organizationId: idSchema.optional(),
});

export const yearEndMembersQuery = pageQuery.extend(yearEndQuery.shape);

const standing = z.enum(['on_time', 'late', 'missing', 'pending', 'none']);

export const yearEndHeader = z.object({
  plan: z.object({
    id: idSchema,
    title: z.string(),
    number: z.string(),
    symbol: z.string(),
    year: z.number(),
  }),
  organization: z.object({ id: idSchema, name: z.string() }),
  /** The day in Vietnam the figures were computed for (yyyy-mm-dd): "overdue" and "missing" depend on it. */
  today: z.string(),
});
export type YearEndHeader = z.infer<typeof yearEndHeader>;

/** One member's year: the input to the member rating (xếp loại chất lượng đảng viên). */
export const yearEndMember = z.object({
  selfCriticismId: idSchema,
  fullName: z.string(),
  cellName: z.string(),
  workplaceName: z.string(),
  template: z.enum(['with_office', 'without_office']),
  participation: z.enum(['present', 'absent_valid', 'absent_invalid', 'unmarked']),
  absenceReason: z.string().nullable(),
  /** Opinions about the member by kind; phone ones only once the form window is closed. */
  opinions: z.object({ strength: z.number(), shortcoming: z.number(), proposal: z.number() }),
  /** Accepted shortcoming points of the member's individual responsibility. */
  shortcomings: z.array(z.string()),
  remediation: z.object({ done: z.number(), open: z.number(), overdue: z.number() }),
});
export type YearEndMember = z.infer<typeof yearEndMember>;

export const yearEndMembersPage = yearEndHeader.extend({
  items: z.array(yearEndMember),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type YearEndMembersPage = z.infer<typeof yearEndMembersPage>;

/** One organization's year: the input to emulation and rewards (thi đua, khen thưởng). */
export const yearEndOrganization = z.object({
  rank: z.number().int(),
  organization: z.object({ id: idSchema, name: z.string(), kind: z.string() }),
  required: z.number().int(),
  held: z.number().int(),
  coveragePercent: z.number().nullable(),
  meetings: z.object({ standing, dueOn: z.string().nullable(), heldLate: z.number().int() }),
  report: z.object({ standing, dueOn: z.string(), submittedOn: z.string().nullable() }),
  onTimeDeadlines: z.number().int(),
  remediation: z.object({
    total: z.number().int(),
    done: z.number().int(),
    overdue: z.number().int(),
    completionPercent: z.number(),
  }),
});
export type YearEndOrganization = z.infer<typeof yearEndOrganization>;

export const yearEndOrganizations = yearEndHeader.extend({ items: z.array(yearEndOrganization) });
export type YearEndOrganizations = z.infer<typeof yearEndOrganizations>;
