import { bigint, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { createdAt, id } from './columns.js';

/**
 * S4, issue 13: progressive sign-in delays, shared by every instance of the app. Keys:
 * `account:<name>` (tries from browsers the account never signed in on), `address:<ip>` (every
 * name tried from one address) and `device:<account id>:<device hash>` (a browser the account
 * signed in on before). Rows are forgotten a while after the last failure.
 */
export const signInThrottles = pgTable(
  'sign_in_throttles',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('sign_in_throttles_last_failure_idx').on(table.lastFailureAt)],
);

/**
 * Browsers an account has signed in on (OWASP's device cookies): tries from them are delayed on
 * their own, so a stranger guessing the account's password does not keep its owner out. Only a
 * hash of the browser's random cookie is kept.
 */
export const trustedDevices = pgTable(
  'trusted_devices',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    deviceHash: text('device_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.deviceHash] })],
);

/** An account's time-based one-time password (TOTP) key; confirmed once a first code was typed. */
export const totpCredentials = pgTable('totp_credentials', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  /** Base32; the server needs the key itself to check codes. */
  secret: text('secret').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** The 30-second step of the last code accepted: a code is good once. */
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: createdAt(),
});

/** One-time recovery codes for a lost phone; only their hashes are kept. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index('recovery_codes_account_idx').on(table.accountId)],
);
