import { z } from 'zod';
import { idSchema } from './common.js';

export const progressQuery = z.object({
  /** The organization whose figure and children to show; the actor's topmost node the plan covers by default. */
  organizationId: idSchema.optional(),
});

/** Counts over an organization's whole subtree; each step counts the workplaces that reached it or a later one. */
export const progressCounts = z.object({
  workplaces: z.number().int(),
  required: z.number().int(),
  exempt: z.number().int(),
  scheduled: z.number().int(),
  held: z.number().int(),
  minutesSigned: z.number().int(),
  compiled: z.number().int(),
  reported: z.number().int(),
});
export type ProgressCountsView = z.infer<typeof progressCounts>;

export const progressOrganization = z.object({
  id: idSchema,
  name: z.string(),
  kind: z.string(),
  /** Whether it has organizations under it to drill down into. */
  hasChildren: z.boolean(),
});

export const progressRow = z.object({
  organization: progressOrganization,
  counts: progressCounts,
  /** Past the meetings deadline with a required meeting not held. */
  lateMeetings: z.boolean(),
  /** A base organization past the base-report deadline with a required workplace not reported. */
  lateBaseReport: z.boolean(),
  /** Past the meetings deadline, something required and nothing scheduled. */
  missing: z.boolean(),
});
export type ProgressRow = z.infer<typeof progressRow>;

export const planProgress = z.object({
  plan: z.object({
    id: idSchema,
    title: z.string(),
    number: z.string(),
    symbol: z.string(),
    organizationId: idSchema,
    organizationName: z.string(),
    meetingsDueOn: z.string(),
    baseReportsDueOn: z.string(),
    upwardReportDueOn: z.string(),
  }),
  /** The day in Vietnam the late flags were computed for (yyyy-mm-dd). */
  today: z.string(),
  /** From the topmost organization the actor may see in this plan down to the node's parent, for drill-up. */
  trail: z.array(z.object({ id: idSchema, name: z.string() })),
  node: progressRow,
  children: z.array(progressRow),
});
export type PlanProgress = z.infer<typeof planProgress>;
