import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { createdAt, id } from './columns.js';
import { meetings } from './meetings.js';
import { selfCriticisms } from './self-criticisms.js';

/** Orders oral and typed-in feedback for the live page's change feed; phone feedback never takes one. */
export const feedbackChangeSeq = pgSequence('feedback_change_seq');

/**
 * A written feedback form (phiếu ghi ý kiến đóng góp) about one member: typed in from paper by the
 * secretary, filled online by a logged-in non-member (named), or filled on a phone with a one-time
 * code (anonymous). S6: a phone form keeps the day only and nothing about who sent it — the checks
 * make the database refuse such a column being filled.
 */
export const feedbackForms = pgTable(
  'feedback_forms',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    selfCriticismId: uuid('self_criticism_id')
      .notNull()
      .references(() => selfCriticisms.id, { onDelete: 'restrict' }),
    channel: text('channel').notNull(),
    authorName: text('author_name'),
    authorAccountId: uuid('author_account_id').references(() => accounts.id, { onDelete: 'restrict' }),
    recordedBy: uuid('recorded_by').references(() => accounts.id, { onDelete: 'restrict' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
  },
  (table) => [
    index('feedback_forms_meeting_idx').on(table.meetingId, table.selfCriticismId),
    check('feedback_forms_channel_known', sql`${table.channel} in ('paper', 'online', 'phone')`),
    check(
      'feedback_forms_phone_unlinkable',
      sql`${table.channel} <> 'phone' or (${table.authorName} is null and ${table.authorAccountId} is null and ${table.recordedBy} is null and ${table.recordedAt} is null)`,
    ),
    check(
      'feedback_forms_online_named',
      sql`${table.channel} <> 'online' or (${table.authorAccountId} is not null and ${table.recordedAt} is not null)`,
    ),
    check(
      'feedback_forms_paper_recorded',
      sql`${table.channel} <> 'paper' or (${table.recordedBy} is not null and ${table.recordedAt} is not null)`,
    ),
  ],
);

/**
 * One opinion (ý kiến): said at the meeting (oral, recorded by the secretary) or one filled area of
 * a written form. Target: a member's self-criticism, or the cell as a collective (null). Area: the
 * five areas of the form or 'proposals'; kind: strength, shortcoming or proposal. Dissenting
 * opinions are kept and marked (DESIGN glossary). Oral rows carry the client's id, so a retried
 * send is the same row (R1), and a version, so two devices editing one entry conflict (R3).
 */
export const feedback = pgTable(
  'feedback',
  {
    id: uuid('id').primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    selfCriticismId: uuid('self_criticism_id').references(() => selfCriticisms.id, { onDelete: 'restrict' }),
    formId: uuid('form_id').references(() => feedbackForms.id, { onDelete: 'restrict' }),
    channel: text('channel').notNull(),
    area: text('area').notNull(),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    dissenting: boolean('dissenting').notNull().default(false),
    /** Null: "không ghi tên". */
    speakerName: text('speaker_name'),
    recordedBy: uuid('recorded_by').references(() => accounts.id, { onDelete: 'restrict' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
    changeSeq: bigint('change_seq', { mode: 'number' }),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('feedback_meeting_idx').on(table.meetingId, table.selfCriticismId),
    index('feedback_change_idx').on(table.meetingId, table.changeSeq),
    index('feedback_form_idx').on(table.formId),
    check('feedback_channel_known', sql`${table.channel} in ('oral', 'paper', 'online', 'phone')`),
    check(
      'feedback_area_known',
      sql`${table.area} in ('politicalIdeology', 'ethicsLifestyle', 'duties', 'discipline', 'remedying', 'proposals')`,
    ),
    check('feedback_kind_known', sql`${table.kind} in ('strength', 'shortcoming', 'proposal')`),
    check('feedback_proposal_area', sql`(${table.area} = 'proposals') = (${table.kind} = 'proposal')`),
    check('feedback_text_present', sql`length(${table.text}) > 0`),
    check('feedback_written_has_form', sql`(${table.channel} = 'oral') = (${table.formId} is null)`),
    check(
      'feedback_phone_unlinkable',
      sql`${table.channel} <> 'phone' or (${table.speakerName} is null and ${table.recordedBy} is null and ${table.recordedAt} is null and ${table.updatedAt} is null and ${table.changeSeq} is null)`,
    ),
    check(
      'feedback_recorded_has_time',
      sql`${table.channel} = 'phone' or (${table.recordedAt} is not null and ${table.changeSeq} is not null)`,
    ),
  ],
);

/**
 * One-time codes for the phone form, handed out at random on a cut-up QR sheet. S6: only a keyed
 * hash of the code is stored (HMAC with the server's secret); the code itself is never kept.
 */
export const feedbackCodes = pgTable(
  'feedback_codes',
  {
    id: id(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'restrict' }),
    codeHash: text('code_hash').notNull().unique(),
    issuedBy: uuid('issued_by')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    issuedAt: createdAt(),
  },
  (table) => [index('feedback_codes_meeting_idx').on(table.meetingId)],
);

/**
 * S6: a code is marked used per member — one form per code per member — with no time and nothing
 * that says which form it produced. A marker lives only while the meeting's form window is open:
 * closing the window deletes the meeting's markers in the transaction that releases the forms.
 * No foreign keys: a key check takes FOR KEY SHARE on the referenced code or member row, which
 * writes the sending transaction's id into that row's xmax — a mark that would outlive the marker.
 * The sending statement itself checks that the code and the member exist and belong together.
 */
export const feedbackCodeUses = pgTable(
  'feedback_code_uses',
  {
    codeId: uuid('code_id').notNull(),
    selfCriticismId: uuid('self_criticism_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.codeId, table.selfCriticismId] })],
);

/**
 * S6: the sealed ballot box. A phone form waits here, written in the same statement as its code's
 * use marker, until the window closes; then every form of the meeting moves, in random order and
 * in one transaction, into `feedback_forms` and `feedback`, and its rows here are deleted. No id,
 * no sequence, no time but the day, no code, and no foreign key (see `feedbackCodeUses`): a form
 * sent leaves no mark on any other row. Nothing in the app reads this table but the release.
 */
export const feedbackBallots = pgTable(
  'feedback_ballots',
  {
    meetingId: uuid('meeting_id').notNull(),
    selfCriticismId: uuid('self_criticism_id').notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    /** [{ area, kind, text }]: the filled areas of the form. */
    opinions: jsonb('opinions').notNull(),
  },
  (table) => [
    index('feedback_ballots_meeting_idx').on(table.meetingId),
    check('feedback_ballots_opinions_listed', sql`jsonb_typeof(${table.opinions}) = 'array'`),
  ],
);

/**
 * Failed code look-ups (phone form, supervision page) per client address, shared by every server
 * instance. S6: only failures are kept — a code that works leaves nothing here — as a keyed hash
 * of the address (never the address) and a coarse time bucket, and rows older than the throttle's
 * window are purged.
 */
export const codeAttemptFailures = pgTable(
  'code_attempt_failures',
  {
    scope: text('scope').notNull(),
    addressKey: text('address_key').notNull(),
    bucketStart: timestamp('bucket_start', { withTimezone: true }).notNull(),
    failures: integer('failures').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.scope, table.addressKey, table.bucketStart] }),
    index('code_attempt_failures_bucket_idx').on(table.bucketStart),
    check('code_attempt_failures_scope_known', sql`${table.scope} in ('phone', 'supervise')`),
    check('code_attempt_failures_positive', sql`${table.failures} > 0`),
  ],
);
