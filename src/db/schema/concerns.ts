import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';
import { plans } from './plans.js';

/** A difficulty (khó khăn, vướng mắc) a committee raises about a plan to the organization that issued it. */
export const concerns = pgTable(
  'concerns',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    /** The committee's organization that raised it; its path decides who below and above may read it. */
    raisedByOrganizationId: uuid('raised_by_organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    raisedByPath: text('raised_by_path').notNull(),
    subject: text('subject').notNull(),
    status: text('status').notNull().default('open'),
    raisedBy: uuid('raised_by').references(() => accounts.id, { onDelete: 'restrict' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('concerns_plan_idx').on(table.planId, table.status),
    index('concerns_raised_by_path_idx').using('btree', sql`${table.raisedByPath} text_pattern_ops`),
    check('concerns_status_known', sql`${table.status} in ('open', 'answered', 'closed')`),
    check('concerns_subject_present', sql`length(${table.subject}) > 0`),
  ],
);

/** The thread of a concern: the question, the issuer's answers, follow-ups. */
export const concernMessages = pgTable(
  'concern_messages',
  {
    id: id(),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id, { onDelete: 'restrict' }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'restrict' }),
    /** Which side wrote it: the raising committee or the issuer's organization board. */
    side: text('side').notNull(),
    body: text('body').notNull(),
    at: createdAt(),
  },
  (table) => [
    index('concern_messages_concern_idx').on(table.concernId, table.at),
    check('concern_messages_side_known', sql`${table.side} in ('raiser', 'issuer')`),
    check('concern_messages_body_present', sql`length(${table.body}) > 0`),
  ],
);
