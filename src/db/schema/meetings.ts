import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
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
import { selfCriticisms } from './self-criticisms.js';
import { workplaces } from './workplaces.js';

/**
 * The meeting (buổi tự phê bình và phê bình trước quần chúng) of one required workplace for a plan.
 * `plan_id` is the determining (root) plan, like plan_workplaces and self_criticisms; the deadline
 * is the nearest plan's `meetings_due_on`. Seed II.3: at most one day.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    workplaceId: uuid('workplace_id')
      .notNull()
      .references(() => workplaces.id, { onDelete: 'restrict' }),
    /** The organization whose committee runs the meeting (the workplace's organization). */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    chairName: text('chair_name').notNull(),
    /** Set when the chair has an account: they sign the minutes and may follow the live page. */
    chairAccountId: uuid('chair_account_id').references(() => accounts.id, { onDelete: 'restrict' }),
    secretaryAccountId: uuid('secretary_account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    delegates: jsonb('delegates').$type<string[]>().notNull().default([]),
    /** Filled from attendance: how many non-members came, and optionally who. */
    massesPresent: integer('masses_present').notNull().default(0),
    massesPresentNames: jsonb('masses_present_names').$type<string[]>().notNull().default([]),
    /** The live agenda: opening, content (one member at a time), closing, then done. */
    agendaStep: text('agenda_step').notNull().default('not_started'),
    agendaSelfCriticismId: uuid('agenda_self_criticism_id').references(() => selfCriticisms.id, {
      onDelete: 'restrict',
    }),
    heldAt: timestamp('held_at', { withTimezone: true }),
    /** The phone-form window: codes work from opening until it is closed or its set end passes. */
    formWindowOpenedAt: timestamp('form_window_opened_at', { withTimezone: true }),
    formWindowEndsAt: timestamp('form_window_ends_at', { withTimezone: true }),
    formWindowClosedAt: timestamp('form_window_closed_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique('meetings_plan_workplace_key').on(table.planId, table.workplaceId),
    index('meetings_organization_idx').on(table.organizationId),
    index('meetings_secretary_idx').on(table.secretaryAccountId),
    check('meetings_span_positive', sql`${table.endsAt} > ${table.startsAt}`),
    check('meetings_at_most_one_day', sql`${table.endsAt} - ${table.startsAt} <= interval '1 day'`),
    check('meetings_masses_present_sane', sql`${table.massesPresent} between 0 and 100000`),
    check(
      'meetings_agenda_step_known',
      sql`${table.agendaStep} in ('not_started', 'opening', 'content', 'closing', 'done')`,
    ),
    check(
      'meetings_window_ordered',
      sql`${table.formWindowOpenedAt} is not null or (${table.formWindowEndsAt} is null and ${table.formWindowClosedAt} is null)`,
    ),
  ],
);

/**
 * DESIGN step 3: every member who must self-criticize (one row per self-criticism of the workplace)
 * is present, or absent with a reason judged valid or not. An absent member is told the feedback
 * about them afterwards; the committee confirms it here (`told_at`).
 */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    selfCriticismId: uuid('self_criticism_id')
      .notNull()
      .references(() => selfCriticisms.id, { onDelete: 'restrict' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    present: boolean('present').notNull(),
    absenceReason: text('absence_reason'),
    absenceReasonValid: boolean('absence_reason_valid'),
    toldAt: timestamp('told_at', { withTimezone: true }),
    toldBy: uuid('told_by').references(() => accounts.id, { onDelete: 'restrict' }),
    toldNote: text('told_note'),
    updatedAt: updatedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.meetingId, table.selfCriticismId] }),
    index('meeting_attendance_person_idx').on(table.personId),
    check(
      'meeting_attendance_absent_has_reason',
      sql`${table.present} or (length(coalesce(${table.absenceReason}, '')) > 0 and ${table.absenceReasonValid} is not null)`,
    ),
    check(
      'meeting_attendance_present_no_reason',
      sql`not ${table.present} or (${table.absenceReason} is null and ${table.absenceReasonValid} is null)`,
    ),
    check('meeting_attendance_told_only_absent', sql`not ${table.present} or ${table.toldAt} is null`),
  ],
);

/**
 * The committee's response (tiếp thu) after the masses' feedback on one member, or on the cell as a
 * collective (`self_criticism_id` null): one per target per meeting.
 */
export const meetingResponses = pgTable(
  'meeting_responses',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    selfCriticismId: uuid('self_criticism_id').references(() => selfCriticisms.id, { onDelete: 'restrict' }),
    text: text('text').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique('meeting_responses_target_key').on(table.meetingId, table.selfCriticismId).nullsNotDistinct(),
  ],
);
