import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';
import { people } from './people.js';
import { workplaces } from './workplaces.js';

/**
 * A plan (Kế hoạch, e.g. Số 03-KH/ĐUK) issued by an organization's standing committee for a year.
 * A derived plan (cụ thể hóa) of a base committee points at its parent plan. Once published, only
 * the deadlines change, each change with a reason (plan_deadline_changes).
 */
export const plans = pgTable(
  'plans',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    parentPlanId: uuid('parent_plan_id').references((): AnyPgColumn => plans.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    status: text('status').notNull().default('draft'),
    /** The number part of `03-KH/ĐUK`; the symbol `KH/ĐUK` is built from the short name when created. */
    number: text('number').notNull().default(''),
    symbol: text('symbol').notNull(),
    place: text('place').notNull().default(''),
    issuedOn: date('issued_on', { mode: 'string' }),
    title: text('title').notNull(),
    /** The opening paragraph ("Thực hiện Quy định số …"). */
    preamble: text('preamble').notNull().default(''),
    purposes: text('purposes').notNull().default(''),
    subjects: text('subjects').notNull().default(''),
    participants: text('participants').notNull().default(''),
    timeRules: text('time_rules').notNull().default(''),
    placeRules: text('place_rules').notNull().default(''),
    /** The four content areas, in order. */
    contentAreas: jsonb('content_areas').$type<string[]>().notNull().default([]),
    annualTheme: text('annual_theme').notNull().default(''),
    /** The manifestation list; an item's number is its position + 1. Frozen once published. */
    manifestations: jsonb('manifestations').$type<string[]>().notNull().default([]),
    methods: text('methods').notNull().default(''),
    implementation: text('implementation').notNull().default(''),
    recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
    signingCapacity: text('signing_capacity').notNull().default('T/M BAN THƯỜNG VỤ'),
    signerTitle: text('signer_title').notNull().default(''),
    signerName: text('signer_name').notNull().default(''),
    meetingsDueOn: date('meetings_due_on', { mode: 'string' }).notNull(),
    baseReportsDueOn: date('base_reports_due_on', { mode: 'string' }).notNull(),
    upwardReportDueOn: date('upward_report_due_on', { mode: 'string' }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => accounts.id, { onDelete: 'restrict' }),
    /** The published plan of the same issuer and year this one replaced, and why (history kept). */
    replacesPlanId: uuid('replaces_plan_id').references((): AnyPgColumn => plans.id, {
      onDelete: 'restrict',
    }),
    replacementReason: text('replacement_reason'),
    /** Set on a plan once another replaced it (status 'replaced'). */
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('plans_organization_idx').on(table.organizationId, table.year),
    index('plans_parent_idx').on(table.parentPlanId),
    uniqueIndex('plans_number_key')
      .on(table.organizationId, table.year, table.number)
      .where(sql`${table.number} <> ''`),
    check('plans_status_known', sql`${table.status} in ('draft', 'published', 'replaced')`),
    // One published plan per issuing organization and year: a second one replaces the first.
    uniqueIndex('plans_one_published_key')
      .on(table.organizationId, table.year)
      .where(sql`${table.status} = 'published'`),
    check(
      'plans_replacement_has_reason',
      sql`(${table.replacesPlanId} is null) = (${table.replacementReason} is null)`,
    ),
    check('plans_replaced_has_time', sql`(${table.status} = 'replaced') = (${table.replacedAt} is not null)`),
    check('plans_year_sane', sql`${table.year} between 2000 and 2200`),
    check(
      'plans_deadlines_ordered',
      sql`${table.meetingsDueOn} <= ${table.baseReportsDueOn} and ${table.baseReportsDueOn} <= ${table.upwardReportDueOn}`,
    ),
    check('plans_published_has_time', sql`(${table.status} = 'draft') = (${table.publishedAt} is null)`),
  ],
);

/** Every change of a published plan's deadline, with its reason. */
export const planDeadlineChanges = pgTable(
  'plan_deadline_changes',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    deadline: text('deadline').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'restrict' }),
    at: createdAt(),
  },
  (table) => [
    index('plan_deadline_changes_plan_idx').on(table.planId),
    check('plan_deadline_changes_reason_present', sql`length(${table.reason}) > 0`),
    check(
      'plan_deadline_changes_deadline_known',
      sql`${table.deadline} in ('meetingsDueOn', 'baseReportsDueOn', 'upwardReportDueOn')`,
    ),
  ],
);

/**
 * One row per workplace of the issuing organization's subtree, made when the plan is published:
 * whether a meeting is required (a snapshot of the counted masses at that moment, so later roster
 * changes do not rewrite history) and how far the workplace has got. Later issues only move `status`.
 */
export const planWorkplaces = pgTable(
  'plan_workplaces',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    workplaceId: uuid('workplace_id')
      .notNull()
      .references(() => workplaces.id, { onDelete: 'restrict' }),
    /** The workplace's organization and its path when the plan was published: rollups climb this path. */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    organizationPath: text('organization_path').notNull(),
    countedMasses: integer('counted_masses').notNull(),
    allMasses: integer('all_masses').notNull(),
    threshold: integer('threshold').notNull(),
    required: boolean('required').notNull(),
    correctionReason: text('correction_reason'),
    correctedBy: uuid('corrected_by').references(() => accounts.id, { onDelete: 'restrict' }),
    correctedAt: timestamp('corrected_at', { withTimezone: true }),
    status: text('status').notNull(),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    version: version(),
  },
  (table) => [
    primaryKey({ columns: [table.planId, table.workplaceId] }),
    index('plan_workplaces_organization_idx').on(table.planId, table.organizationId),
    check(
      'plan_workplaces_status_known',
      sql`${table.status} in ('exempt', 'pending', 'scheduled', 'held', 'minutes_signed', 'compiled', 'reported')`,
    ),
    check('plan_workplaces_exempt_matches', sql`(${table.status} = 'exempt') = (not ${table.required})`),
  ],
);

/**
 * Who the determination counted (DESIGN step 2): every non-member employed at the workplace on the
 * plan's reference date, with the name, code and employment type as they stood then and whether
 * the rule counted them. A dispute about a workplace's count is settled from these rows.
 */
export const planWorkplaceMasses = pgTable(
  'plan_workplace_masses',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    workplaceId: uuid('workplace_id')
      .notNull()
      .references(() => workplaces.id, { onDelete: 'restrict' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    code: text('code').notNull(),
    fullName: text('full_name').notNull(),
    employmentType: text('employment_type').notNull(),
    counted: boolean('counted').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.planId, table.workplaceId, table.personId] }),
    foreignKey({
      name: 'plan_workplace_masses_determination_fk',
      columns: [table.planId, table.workplaceId],
      foreignColumns: [planWorkplaces.planId, planWorkplaces.workplaceId],
    }),
    index('plan_workplace_masses_person_idx').on(table.personId),
  ],
);

/**
 * Maintained rollup: for a plan and an organization, counts over its whole subtree. Each status
 * column counts the workplaces that have reached that status or a later one. Updated in the same
 * transaction as the plan_workplaces row that moved, for every ancestor on its path.
 */
export const planProgress = pgTable(
  'plan_progress',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    workplaces: integer('workplaces').notNull().default(0),
    required: integer('required').notNull().default(0),
    exempt: integer('exempt').notNull().default(0),
    scheduled: integer('scheduled').notNull().default(0),
    held: integer('held').notNull().default(0),
    minutesSigned: integer('minutes_signed').notNull().default(0),
    compiled: integer('compiled').notNull().default(0),
    reported: integer('reported').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.planId, table.organizationId] })],
);
