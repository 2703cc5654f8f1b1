import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';

export const workplaces = pgTable(
  'workplaces',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    /** The province register's code (issue 16): a workbook re-import matches by it; unique without case. */
    code: text('code'),
    name: text('name').notNull(),
    nameSearch: text('name_search').notNull(),
    address: text('address').notNull().default(''),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('workplaces_organization_idx').on(table.organizationId),
    uniqueIndex('workplaces_code_key').on(sql`lower(${table.code})`).where(sql`${table.code} is not null`),
    check('workplaces_name_present', sql`length(${table.name}) > 0`),
  ],
);
