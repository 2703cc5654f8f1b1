import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';
import { people } from './people.js';

export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    /** The organization the account belongs to; administrators of its subtree manage it. */
    homeOrganizationId: uuid('home_organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** Where the daily reminder digest goes (set by the person); null: no e-mail. */
    email: text('email'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('accounts_home_organization_idx').on(table.homeOrganizationId),
    check('accounts_username_lowercase', sql`${table.username} = lower(${table.username})`),
    check(
      'accounts_email_sane',
      sql`${table.email} is null or (${table.email} ~ '^[^@\s]+@[^@\s]+$' and length(${table.email}) <= 254)`,
    ),
  ],
);

/**
 * One e-mail digest of tasks per person and day (Vietnam's day): the primary key is what keeps a
 * second one from going out, whichever server instance tries. The row is written before sending
 * and removed again when sending fails, so the next run tries once more.
 */
export const reminderDigests = pgTable(
  'reminder_digests',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    /** The tasks the digest told about (their keys), for the record. */
    taskKeys: jsonb('task_keys').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.sentOn] })],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
  },
  (table) => [
    unique('role_assignments_unique').on(table.accountId, table.role, table.organizationId),
    index('role_assignments_organization_idx').on(table.organizationId),
    check(
      'role_assignments_role_known',
      sql`${table.role} in ('administrator', 'organization-board', 'committee', 'member', 'masses')`,
    ),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a leaked table does not hand out live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** What the owner sees and ends a session by ("đăng xuất khỏi thiết bị này"); never the token. */
    id: uuid('id').notNull().unique().defaultRandom(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** The browser's own description at sign-in, so the owner can tell their devices apart. */
    userAgent: text('user_agent').notNull().default(''),
    /** Signed in while two-factor sign-in is required of the account's roles and not yet set up. */
    secondFactorRequired: boolean('second_factor_required').notNull().default(false),
  },
  (table) => [index('sessions_account_idx').on(table.accountId)],
);
