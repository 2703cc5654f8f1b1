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
import { people } from './people.js';
import { plans } from './plans.js';
import { workplaces } from './workplaces.js';

/** The member's text, one string per heading of the seed's template (I.1–I.5, II, III). */
export interface SelfCriticismContentColumn {
  politicalIdeology: string;
  ethicsLifestyle: string;
  duties: string;
  discipline: string;
  remedying: string;
  shortcomings: string;
  remedies: string;
}

/** Against the plan's manifestation list: none applies, or these items (number = position + 1) with a remark. */
export interface ManifestationAnswerColumn {
  none: boolean;
  items: { number: number; remark: string }[];
}

/** DESIGN step 5: the cell committee's short summary, presented to the masses. */
export interface SummaryColumn {
  duties: string;
  strengths: string;
  shortcomings: string;
}

const EMPTY_CONTENT: SelfCriticismContentColumn = {
  politicalIdeology: '',
  ethicsLifestyle: '',
  duties: '',
  discipline: '',
  remedying: '',
  shortcomings: '',
  remedies: '',
};

/**
 * One member's self-criticism (bản tự phê bình) for a plan: made when the plan is published, for
 * every member working at a workplace that must hold a meeting. `plan_id` is the determining (root)
 * plan. The header is a snapshot of the person's record, corrected only by the committee.
 */
export const selfCriticisms = pgTable(
  'self_criticisms',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    workplaceId: uuid('workplace_id')
      .notNull()
      .references(() => workplaces.id, { onDelete: 'restrict' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    /** The member's cell when the report was made: its committee reads and reviews the report. */
    cellId: uuid('cell_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    template: text('template').notNull(),
    fullName: text('full_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    partyOffice: text('party_office').notNull().default(''),
    governmentOffice: text('government_office').notNull().default(''),
    workplaceName: text('workplace_name').notNull(),
    cellName: text('cell_name').notNull(),
    assignedDuty: text('assigned_duty').notNull().default(''),
    content: jsonb('content').$type<SelfCriticismContentColumn>().notNull().default(EMPTY_CONTENT),
    /** Last year's shortcomings and promises (section 5); entered by the committee until compilations exist. */
    carriedOver: text('carried_over').notNull().default(''),
    manifestationAnswer: jsonb('manifestation_answer')
      .$type<ManifestationAnswerColumn>()
      .notNull()
      .default({ none: false, items: [] }),
    committeeComment: text('committee_comment').notNull().default(''),
    summary: jsonb('summary')
      .$type<SummaryColumn>()
      .notNull()
      .default({ duties: '', strengths: '', shortcomings: '' }),
    status: text('status').notNull().default('draft'),
    returnReason: text('return_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** When the member first opened it; null while it is "Chưa mở" (migration 0018). */
    openedAt: timestamp('opened_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique('self_criticisms_plan_person_key').on(table.planId, table.personId),
    index('self_criticisms_workplace_idx').on(table.planId, table.workplaceId),
    index('self_criticisms_cell_idx').on(table.cellId),
    index('self_criticisms_person_idx').on(table.personId),
    check('self_criticisms_template_known', sql`${table.template} in ('with_office', 'without_office')`),
    check(
      'self_criticisms_status_known',
      sql`${table.status} in ('draft', 'submitted', 'returned', 'accepted')`,
    ),
    check(
      'self_criticisms_returned_has_reason',
      sql`${table.status} <> 'returned' or length(coalesce(${table.returnReason}, '')) > 0`,
    ),
    check(
      'self_criticisms_submitted_has_time',
      sql`${table.status} not in ('submitted', 'accepted') or ${table.submittedAt} is not null`,
    ),
    check(
      'self_criticisms_accepted_has_time',
      sql`(${table.status} = 'accepted') = (${table.acceptedAt} is not null)`,
    ),
  ],
);

/**
 * Kept versions of a self-criticism, append-only like the audit log (a trigger refuses UPDATE and
 * DELETE): one on every state change, comment and summary, and on a save when the last kept
 * version is older than SAVE_VERSION_INTERVAL (domain/self-criticism.ts).
 */
export const selfCriticismVersions = pgTable(
  'self_criticism_versions',
  {
    id: id(),
    selfCriticismId: uuid('self_criticism_id')
      .notNull()
      .references(() => selfCriticisms.id, { onDelete: 'restrict' }),
    version: integer('version').notNull(),
    action: text('action').notNull(),
    status: text('status').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'restrict' }),
    at: createdAt(),
  },
  (table) => [
    unique('self_criticism_versions_key').on(table.selfCriticismId, table.version),
    index('self_criticism_versions_at_idx').on(table.selfCriticismId, table.at),
  ],
);
