import { sql } from 'drizzle-orm';
import { check, customType, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { createdAt, id, updatedAt } from './columns.js';
import { organizations } from './organizations.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Issue 16: a province workbook import (migration 0019), shared by every instance of the server.
 * The instance that received the upload reads and checks it; any instance answers the polls and may
 * apply it. `content` is the uploaded workbook, dropped once the job is applied, failed or expired;
 * `updated_at` is the running instance's heartbeat.
 */
export const provinceImports = pgTable(
  'province_imports',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    state: text('state').notNull(),
    phase: text('phase').notNull(),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    preview: jsonb('preview'),
    failure: jsonb('failure'),
    content: bytea('content'),
    contentSha256: text('content_sha256').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    check(
      'province_imports_state_known',
      sql`${table.state} in ('checking', 'ready', 'applying', 'applied', 'failed')`,
    ),
    check('province_imports_phase_known', sql`${table.phase} in ('reading', 'checking', 'applying', 'done')`),
    check(
      'province_imports_failed_has_reason',
      sql`(${table.state} = 'failed') = (${table.failure} is not null)`,
    ),
    index('province_imports_account_idx').on(table.accountId, table.state),
    index('province_imports_updated_idx').on(table.updatedAt),
  ],
);
