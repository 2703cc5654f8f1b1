import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';
import { workplaces } from './workplaces.js';

// Every Latin letter with Vietnamese (or other) marks, and every capital, and what foldVietnamese
// makes of it (src/server/accounts/folded-search.ts builds the same table at run time).
const FOLD_FROM =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ';
const FOLD_TO =
  'abcdefghijklmnopqrstuvwxyzaaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy';

export const people = pgTable(
  'people',
  {
    id: id(),
    workplaceId: uuid('workplace_id')
      .notNull()
      .references(() => workplaces.id, { onDelete: 'restrict' }),
    /** The roster's stable key within a workplace: re-importing a file matches people by it. */
    code: text('code').notNull(),
    /**
     * The code folded by the database itself (the SQL twin of staffCodeKey): `NV01`, `nv01` and
     * `Nv01 ` are one code of one workplace, whoever writes the row.
     */
    codeKey: text('code_key')
      .notNull()
      .generatedAlwaysAs(
        sql.raw(
          `lower(translate(regexp_replace(btrim(code), '\\s+', ' ', 'g'), '${FOLD_FROM}', '${FOLD_TO}'))`,
        ),
      ),
    fullName: text('full_name').notNull(),
    nameSearch: text('name_search').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    gender: text('gender'),
    jobTitle: text('job_title').notNull().default(''),
    employmentType: text('employment_type').notNull(),
    isPartyMember: boolean('is_party_member').notNull().default(false),
    /** Số thẻ đảng viên (issue 16): members only, unique among people whose data is kept. */
    partyCardNumber: text('party_card_number'),
    /** The cell the member belongs to; only for party members. */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'restrict' }),
    partyOffice: text('party_office').notNull().default(''),
    governmentOffice: text('government_office').notNull().default(''),
    isCommitteeMember: boolean('is_committee_member').notNull().default(false),
    assignedDuty: text('assigned_duty').notNull().default(''),
    /**
     * Confirmed by the roster keeper as another person than a namesake born the same day at the same
     * workplace; without it the database refuses the second one as a duplicate.
     */
    distinctConfirmed: boolean('distinct_confirmed').notNull().default(false),
    /** S8: the personal data was erased (a non-member, after the retention period); the row keeps the counts. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('people_workplace_code_key').on(table.workplaceId, table.codeKey),
    // Written in the migration with NULLS NOT DISTINCT: two namesakes without a birth date are a
    // duplicate too.
    uniqueIndex('people_workplace_identity_key')
      .on(table.workplaceId, table.nameSearch, table.birthDate)
      .where(sql`not ${table.distinctConfirmed}`),
    uniqueIndex('people_party_card_key')
      .on(table.partyCardNumber)
      .where(sql`${table.partyCardNumber} is not null and ${table.erasedAt} is null`),
    index('people_workplace_idx').on(table.workplaceId),
    index('people_organization_idx').on(table.organizationId),
    index('people_name_search_idx').using('btree', sql`${table.nameSearch} text_pattern_ops`),
    // P8: `like '%…%'` on any part of the folded name (migration 0017 creates pg_trgm).
    index('people_name_search_trgm_idx').using('gin', sql`${table.nameSearch} gin_trgm_ops`),
    check(
      'people_employment_type_known',
      sql`${table.employmentType} in ('permanent', 'long_term', 'short_term', 'line_worker')`,
    ),
    check('people_gender_known', sql`${table.gender} is null or ${table.gender} in ('male', 'female')`),
    check('people_member_has_cell', sql`${table.isPartyMember} = (${table.organizationId} is not null)`),
    check('people_committee_is_member', sql`not ${table.isCommitteeMember} or ${table.isPartyMember}`),
    check('people_party_card_only_members', sql`${table.partyCardNumber} is null or ${table.isPartyMember}`),
    check('people_full_name_present', sql`length(${table.fullName}) > 0`),
  ],
);

/**
 * When a person worked at their workplace: from `started_on` (null: before records began) until
 * `left_on` (the first day no longer working there; null: still working), with the reason for
 * leaving. A person who leaves keeps their row and history; one who comes back gets a new period.
 * Periods of one person never overlap and at most one is open (a trigger and an index refuse it).
 * A trigger opens the first period (from an unknown day) whenever a person is inserted, so nobody
 * is on a roster without one; the roster keeper then sets its start.
 */
export const employmentPeriods = pgTable(
  'employment_periods',
  {
    id: id(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    startedOn: date('started_on', { mode: 'string' }),
    leftOn: date('left_on', { mode: 'string' }),
    leavingReason: text('leaving_reason').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('employment_periods_person_idx').on(table.personId, table.startedOn),
    uniqueIndex('employment_periods_one_open').on(table.personId).where(sql`${table.leftOn} is null`),
    check(
      'employment_periods_ordered',
      sql`${table.leftOn} is null or ${table.startedOn} is null or ${table.leftOn} > ${table.startedOn}`,
    ),
    check(
      'employment_periods_reason_with_leaving',
      sql`(${table.leftOn} is null) = (length(${table.leavingReason}) = 0)`,
    ),
  ],
);
