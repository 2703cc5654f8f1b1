import { z } from 'zod';
import { FEEDBACK_AREAS, FEEDBACK_CHANNELS, FEEDBACK_KINDS } from '../domain/feedback.js';
import { idSchema, requiredText, text, versionSchema } from './common.js';

const count = z.number().int();

/** The statistics of a report's subtree (domain/report-figures.ts `ReportFigures`). */
export const reportFigures = z.object({
  workplacesRequired: count,
  workplacesExempt: count,
  workplacesHeld: count,
  membersSelfCriticized: count,
  membersAbsentValid: count,
  membersAbsentInvalid: count,
  massesPresent: count,
  opinions: count,
  opinionsByChannel: z.record(z.enum(FEEDBACK_CHANNELS), count),
  opinionsByArea: z.record(z.enum(FEEDBACK_AREAS), count),
  opinionsByKind: z.record(z.enum(FEEDBACK_KINDS), count),
  opinionsDissenting: count,
  pointsCollective: count,
  pointsIndividual: count,
  remediationItems: count,
  remediationDone: count,
});
export type ReportFiguresView = z.infer<typeof reportFigures>;

const NARRATIVE_MAX = 20_000;

/** The committee's text: results, strengths, limits, proposals. */
export const reportNarrative = z.object({
  results: text(NARRATIVE_MAX),
  strengths: text(NARRATIVE_MAX),
  limits: text(NARRATIVE_MAX),
  proposals: text(NARRATIVE_MAX),
});
export type ReportNarrative = z.infer<typeof reportNarrative>;

/** The narrative as answered: already normalized, so no transform (responses are encoded, not parsed). */
export const reportNarrativeView = z.object({
  results: z.string(),
  strengths: z.string(),
  limits: z.string(),
  proposals: z.string(),
});

export const REPORT_STATES = ['on_time', 'late', 'missing', 'not_yet_due'] as const;
export const reportState = z.enum(REPORT_STATES);

export const reportOrganization = z.object({ id: idSchema, name: z.string(), kind: z.string() });

/** One report due to a receiving organization, with its state and figures (frozen once submitted, live before). */
export const reportChild = z.object({
  reportId: idSchema.nullable(),
  organization: reportOrganization,
  dueOn: z.string(),
  state: reportState,
  submittedOn: z.string().nullable(),
  figures: reportFigures,
});
export type ReportChildView = z.infer<typeof reportChild>;

export const reportParams = z.object({ planId: idSchema, organizationId: idSchema });

export const reportDetail = z.object({
  /** Null until the organization's committee first opens it: the draft is made then. */
  id: idSchema.nullable(),
  version: z.number().int().nullable(),
  plan: z.object({
    id: idSchema,
    year: z.number().int(),
    title: z.string(),
    number: z.string(),
    symbol: z.string(),
  }),
  organization: reportOrganization,
  recipient: reportOrganization.nullable(),
  dueOn: z.string(),
  status: z.enum(['draft', 'submitted']),
  state: reportState,
  submittedAt: z.string().nullable(),
  submittedOn: z.string().nullable(),
  narrative: reportNarrativeView,
  figures: reportFigures,
  /** Figures of the workplaces attached directly to this organization. */
  ownWorkplaces: reportFigures,
  children: z.array(reportChild),
  /** This report's live figures equal the sum of the children's live figures and its own workplaces. */
  sumMatches: z.boolean(),
  /**
   * What is missing (meetings not held, reports below not in): for a draft as it stands now, for a
   * submitted report as confirmed when submitting (stated in the report). Null when nothing is.
   */
  gaps: z
    .object({
      meetingsMissing: z.number().int(),
      meetingsRequired: z.number().int(),
      childrenMissing: z.array(z.string()),
      text: z.string(),
    })
    .nullable(),
  /** Each time the receiving level reopened the report, with its reason. */
  reopenings: z.array(
    z.object({
      sequence: z.number().int(),
      reason: z.string(),
      reopenedAt: z.string(),
      reopenedBy: z.string(),
    }),
  ),
  permissions: z.object({ edit: z.boolean(), submit: z.boolean(), reopen: z.boolean() }),
});
export type ReportDetail = z.infer<typeof reportDetail>;

export const updateReportBody = z.object({ version: versionSchema, narrative: reportNarrative });
export const submitReportBody = z.object({
  version: versionSchema,
  /** Submit although meetings or reports below are missing: the report says so (issue 11). */
  confirmGaps: z.boolean().default(false),
});
export const reopenReportBody = z.object({
  version: versionSchema,
  reason: requiredText(2000, 'Lý do mở lại báo cáo'),
});

export const reportListQuery = z.object({
  /** The receiving organization; the actor's topmost organization in the plan by default. */
  organizationId: idSchema.optional(),
});

export const reportList = z.object({
  plan: z.object({ id: idSchema, year: z.number().int(), title: z.string() }),
  receiver: reportOrganization,
  items: z.array(reportChild),
  counts: z.record(reportState, count),
});
export type ReportList = z.infer<typeof reportList>;
