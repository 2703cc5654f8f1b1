import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns.js';
import { organizations } from './organizations.js';
import { workplaces } from './workplaces.js';

export const people = pgTable(
  'people',
  {
    id: id(),
    workplaceId: uuid('workplace_id')
      .notNull()
      .references(() => workplaces.id, { onDelete: 'restrict' }),
    /** The roster's stable key within a workplace: re-importing a file matches people by it. */
    code: text('code').notNull(),
    fullName: text('full_name').notNull(),
    nameSearch: text('name_search').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    gender: text('gender'),
    jobTitle: text('job_title').notNull().default(''),
    employmentType: text('employment_type').notNull(),
    isPartyMember: boolean('is_party_member').notNull().default(false),
    /** The cell the member belongs to; only for party members. */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'restrict' }),
    partyOffice: text('party_office').notNull().default(''),
    governmentOffice: text('government_office').notNull().default(''),
    isCommitteeMember: boolean('is_committee_member').notNull().default(false),
    assignedDuty: text('assigned_duty').notNull().default(''),
    /** S8: the personal data was erased (a non-member, after the retention period); the row keeps the counts. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique('people_workplace_code_key').on(table.workplaceId, table.code),
    index('people_workplace_idx').on(table.workplaceId),
    index('people_organization_idx').on(table.organizationId),
    index('people_name_search_idx').using('btree', sql`${table.nameSearch} text_pattern_ops`),
    check(
      'people_employment_type_known',
      sql`${table.employmentType} in ('permanent', 'long_term', 'short_term', 'line_worker')`,
    ),
    check('people_gender_known', sql`${table.gender} is null or ${table.gender} in ('male', 'female')`),
    check('people_member_has_cell', sql`${table.isPartyMember} = (${table.organizationId} is not null)`),
    check('people_committee_is_member', sql`not ${table.isCommitteeMember} or ${table.isPartyMember}`),
    check('people_full_name_present', sql`length(${table.fullName}) > 0`),
  ],
);
