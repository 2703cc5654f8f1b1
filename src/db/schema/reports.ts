import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';
import { plans } from './plans.js';

/** The committee's narrative of a report (results, strengths, limits, proposals). */
export interface ReportNarrativeColumn {
  results: string;
  strengths: string;
  limits: string;
  proposals: string;
}

/**
 * A report (báo cáo) of one organization for a plan, DESIGN step 9: a cell to its base committee,
 * a base to the issuing organization, the issuer's board upward (recipient null). Figures are
 * computed live from the subtree while a draft and frozen on submission; a submitted report is
 * refused any change by the database. `plan_id` is the root (determining) plan.
 */
export const reports = pgTable(
  'reports',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    recipientOrganizationId: uuid('recipient_organization_id').references(() => organizations.id, {
      onDelete: 'restrict',
    }),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('draft'),
    narrative: jsonb('narrative')
      .$type<ReportNarrativeColumn>()
      .notNull()
      .default({ results: '', strengths: '', limits: '', proposals: '' }),
    figures: jsonb('figures').$type<Record<string, unknown>>(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedOn: date('submitted_on', { mode: 'string' }),
    submittedBy: uuid('submitted_by').references(() => accounts.id, { onDelete: 'restrict' }),
    timeliness: text('timeliness'),
    /**
     * What was missing when the report was submitted and the committee confirmed it anyway (meetings
     * not held, children's reports not in): frozen with the figures and stated in the document.
     */
    gaps: jsonb('gaps').$type<Record<string, unknown>>(),
    /** How many times the receiving level reopened it; each time is a report_reopenings row. */
    reopenCount: integer('reopen_count').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique('reports_plan_organization_key').on(table.planId, table.organizationId),
    index('reports_recipient_idx').on(table.planId, table.recipientOrganizationId),
    check('reports_status_known', sql`${table.status} in ('draft', 'submitted')`),
    check(
      'reports_submitted_complete',
      sql`(${table.status} = 'submitted') = (${table.submittedAt} is not null and ${table.submittedOn} is not null and ${table.figures} is not null and ${table.timeliness} is not null)`,
    ),
    check(
      'reports_timeliness_known',
      sql`${table.timeliness} is null or ${table.timeliness} in ('on_time', 'late')`,
    ),
  ],
);

/**
 * A submitted report sent back by the receiving level with a reason (append-only history): the
 * submission as it stood (figures, narrative, gaps, dates) is kept here before the report returns
 * to draft. The trigger on reports lets a submitted report change only through such a row.
 */
export const reportReopenings = pgTable(
  'report_reopenings',
  {
    id: id(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'restrict' }),
    sequence: integer('sequence').notNull(),
    reason: text('reason').notNull(),
    reopenedBy: uuid('reopened_by')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    reopenedAt: createdAt(),
    submission: jsonb('submission').$type<Record<string, unknown>>().notNull(),
  },
  (table) => [
    unique('report_reopenings_sequence_key').on(table.reportId, table.sequence),
    check('report_reopenings_reason_present', sql`length(${table.reason}) > 0`),
  ],
);
