import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { createdAt, id, updatedAt, version } from './columns.js';
import { meetings } from './meetings.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** An uploaded file kept in the database (a scan of signed paper minutes, evidence). */
export const storedFiles = pgTable('stored_files', {
  id: id(),
  originalName: text('original_name').notNull(),
  mediaType: text('media_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: uuid('uploaded_by')
    .notNull()
    .references(() => accounts.id, { onDelete: 'restrict' }),
  uploadedAt: createdAt(),
});

/**
 * The minutes (biên bản) of a meeting: drafted from the recorded data in the seed's order, with the
 * secretary's free text in `draft`. When the chair, the secretary and a masses representative have
 * all signed, `locked_content` holds the frozen document and `content_hash` its SHA-256; from then
 * on the database refuses any change to the minutes and to the meeting's opinions (R4).
 */
export const minutes = pgTable(
  'minutes',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .unique()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    draft: jsonb('draft').$type<Record<string, string>>().notNull().default({}),
    lockedContent: jsonb('locked_content').$type<Record<string, unknown>>(),
    contentHash: text('content_hash'),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    check(
      'minutes_lock_complete',
      sql`(${table.lockedAt} is null) = (${table.contentHash} is null) and (${table.lockedAt} is null) = (${table.lockedContent} is null)`,
    ),
  ],
);

/** One signature per capacity: in the app with the signer's own password, or on paper with a scan. */
export const minutesSignatures = pgTable(
  'minutes_signatures',
  {
    id: id(),
    minutesId: uuid('minutes_id')
      .notNull()
      .references(() => minutes.id, { onDelete: 'restrict' }),
    capacity: text('capacity').notNull(),
    signerName: text('signer_name').notNull(),
    method: text('method').notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'restrict' }),
    scanFileId: uuid('scan_file_id').references(() => storedFiles.id, { onDelete: 'restrict' }),
    /** The hash of the minutes as they stood when this person signed: all three must match to lock. */
    signedContentHash: text('signed_content_hash').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    signedAt: createdAt(),
  },
  (table) => [
    unique('minutes_signatures_capacity_key').on(table.minutesId, table.capacity),
    check(
      'minutes_signatures_capacity_known',
      sql`${table.capacity} in ('chair', 'secretary', 'masses_representative')`,
    ),
    check('minutes_signatures_method_known', sql`${table.method} in ('account', 'paper')`),
    check(
      'minutes_signatures_method_evidence',
      sql`(${table.method} = 'account' and ${table.accountId} is not null) or (${table.method} = 'paper' and ${table.scanFileId} is not null)`,
    ),
  ],
);

/** A correction after locking: a new linked text, never an edit (append-only by trigger). */
export const minutesAddenda = pgTable(
  'minutes_addenda',
  {
    id: id(),
    minutesId: uuid('minutes_id')
      .notNull()
      .references(() => minutes.id, { onDelete: 'restrict' }),
    text: text('text').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
  },
  (table) => [index('minutes_addenda_minutes_idx').on(table.minutesId)],
);
