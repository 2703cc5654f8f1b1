import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';

/** R4: rows are append-only; a trigger in the migrations refuses UPDATE and DELETE. */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'restrict' }),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    /** Path of the organization the target belongs to, so administrators read only their subtree. */
    organizationPath: text('organization_path').notNull(),
    changes: jsonb('changes').notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('audit_entries_target_idx').on(table.targetType, table.targetId),
    index('audit_entries_at_idx').on(table.at),
    // An administrator reads the entries of their subtree: a prefix match on the path.
    index('audit_entries_path_prefix_idx').using('btree', sql`${table.organizationPath} text_pattern_ops`),
    // The log filtered by a person or by an action (exact, or a prefix such as `account.`), newest first.
    index('audit_entries_account_at_idx').on(table.accountId, table.at),
    index('audit_entries_action_at_idx').using('btree', sql`${table.action} text_pattern_ops`, table.at),
  ],
);
