import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.js';

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    parentId: uuid('parent_id').references((): AnyPgColumn => organizations.id, { onDelete: 'restrict' }),
    /** Materialized path of ids from the root, `/a/b/c/`; a subtree is a prefix. */
    path: text('path').notNull().unique(),
    depth: integer('depth').notNull(),
    kind: text('kind').notNull(),
    /** The province register's code (issue 16): a workbook re-import matches by it; unique without case. */
    code: text('code'),
    name: text('name').notNull(),
    nameSearch: text('name_search').notNull(),
    shortName: text('short_name').notNull().default(''),
    /** The two lines printed above the star in a document's header block. */
    headerSuperior: text('header_superior').notNull().default(''),
    headerIssuer: text('header_issuer').notNull().default(''),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('organizations_parent_idx').on(table.parentId),
    index('organizations_path_prefix_idx').using('btree', sql`${table.path} text_pattern_ops`),
    uniqueIndex('organizations_code_key').on(sql`lower(${table.code})`).where(sql`${table.code} is not null`),
    check('organizations_name_present', sql`length(${table.name}) > 0`),
  ],
);
