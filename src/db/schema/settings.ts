import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { version } from './columns.js';

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  version: version(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
