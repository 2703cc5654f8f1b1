import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { createdAt, id, updatedAt, version } from './columns.js';
import { compilationPoints, compilations } from './compilations.js';
import { storedFiles } from './minutes.js';
import { organizations } from './organizations.js';
import { selfCriticisms } from './self-criticisms.js';

/**
 * One item of the remediation plan (kế hoạch khắc phục) built from accepted points: the action,
 * who answers for it (the organization for a collective point, the member for an individual
 * one), a deadline and a stored status; "overdue" is read from the date (domain/remediation.ts).
 */
export const remediationItems = pgTable(
  'remediation_items',
  {
    id: id(),
    compilationId: uuid('compilation_id')
      .notNull()
      .references(() => compilations.id, { onDelete: 'restrict' }),
    pointId: uuid('point_id').references(() => compilationPoints.id, { onDelete: 'restrict' }),
    action: text('action').notNull(),
    responsibleKind: text('responsible_kind').notNull(),
    responsibleOrganizationId: uuid('responsible_organization_id').references(() => organizations.id, {
      onDelete: 'restrict',
    }),
    responsibleSelfCriticismId: uuid('responsible_self_criticism_id').references(() => selfCriticisms.id, {
      onDelete: 'restrict',
    }),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('remediation_items_compilation_idx').on(table.compilationId),
    index('remediation_items_member_idx').on(table.responsibleSelfCriticismId),
    check('remediation_items_action_present', sql`length(${table.action}) > 0`),
    check('remediation_items_status_known', sql`${table.status} in ('open', 'in_progress', 'done')`),
    check('remediation_items_done_has_time', sql`(${table.status} = 'done') = (${table.doneAt} is not null)`),
    check(
      'remediation_items_responsible',
      sql`(${table.responsibleKind} = 'organization' and ${table.responsibleOrganizationId} is not null and ${table.responsibleSelfCriticismId} is null)
        or (${table.responsibleKind} = 'member' and ${table.responsibleSelfCriticismId} is not null and ${table.responsibleOrganizationId} is null)`,
    ),
  ],
);

/** Dated progress notes on an item, with an optional evidence file; append-only. */
export const remediationNotes = pgTable(
  'remediation_notes',
  {
    id: id(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => remediationItems.id, { onDelete: 'restrict' }),
    text: text('text').notNull(),
    /** The item's status set with this note. */
    status: text('status').notNull(),
    evidenceFileId: uuid('evidence_file_id').references(() => storedFiles.id, { onDelete: 'restrict' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
  },
  (table) => [
    index('remediation_notes_item_idx').on(table.itemId, table.createdAt),
    check('remediation_notes_status_known', sql`${table.status} in ('open', 'in_progress', 'done')`),
  ],
);

/**
 * A comment of the masses on an item, which the committee answers. With an account it is named;
 * with the meeting's code it is anonymous like the phone form: no code, no account, the day only.
 */
export const remediationComments = pgTable(
  'remediation_comments',
  {
    id: id(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => remediationItems.id, { onDelete: 'restrict' }),
    text: text('text').notNull(),
    authorAccountId: uuid('author_account_id').references(() => accounts.id, { onDelete: 'restrict' }),
    authorName: text('author_name'),
    createdOn: date('created_on', { mode: 'string' }).notNull(),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => accounts.id, { onDelete: 'restrict' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    version: version(),
  },
  (table) => [
    index('remediation_comments_item_idx').on(table.itemId),
    check('remediation_comments_text_present', sql`length(${table.text}) > 0`),
    check(
      'remediation_comments_named_or_not',
      sql`(${table.authorAccountId} is null) = (${table.authorName} is null)`,
    ),
    check(
      'remediation_comments_answer_complete',
      sql`(${table.answer} is null) = (${table.answeredAt} is null) and (${table.answer} is null) = (${table.answeredBy} is null)`,
    ),
  ],
);

/**
 * S6: anonymous comments sent with a meeting's code wait here until the day (Vietnam time) is
 * over; then all of a day's comments move, in random order and in one transaction, into
 * `remediation_comments`, so neither their order nor their time finer than the day is left. No
 * id, no time but the day, no foreign key (a key check would mark the item's row with the
 * sending transaction), no code.
 */
export const remediationCommentBox = pgTable(
  'remediation_comment_box',
  {
    itemId: uuid('item_id').notNull(),
    text: text('text').notNull(),
    createdOn: date('created_on', { mode: 'string' }).notNull(),
  },
  (table) => [
    index('remediation_comment_box_day_idx').on(table.createdOn),
    check('remediation_comment_box_text_present', sql`length(${table.text}) > 0`),
  ],
);
