import { z } from 'zod';
import { EMPLOYMENT_TYPES, GENDERS } from '../domain/employment.js';
import { idSchema, isoDate, paged, pageQuery, requiredText, text, versionSchema } from './common.js';

export const employmentPeriod = z.object({
  startedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  leavingReason: z.string(),
});
export type EmploymentPeriodView = z.infer<typeof employmentPeriod>;

export const person = z.object({
  id: idSchema,
  workplaceId: idSchema,
  workplaceName: z.string(),
  code: z.string(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  gender: z.enum(GENDERS).nullable(),
  jobTitle: z.string(),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  isPartyMember: z.boolean(),
  organizationId: idSchema.nullable(),
  organizationName: z.string().nullable(),
  partyOffice: z.string(),
  governmentOffice: z.string(),
  isCommitteeMember: z.boolean(),
  assignedDuty: z.string(),
  /** Derived: a member with a party or government office writes the "with office" template. */
  withOffice: z.boolean(),
  /** Counts toward the workplace's masses for the meeting rule (and works there today). */
  countedMass: z.boolean(),
  /** Confirmed as another person than a namesake born the same day at this workplace. */
  distinctConfirmed: z.boolean(),
  /** The latest employment period: since when, and when and why they left (null: still working). */
  startedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  leavingReason: z.string(),
  /** Works at the workplace today (Vietnam's date). */
  employedNow: z.boolean(),
  /** Every period, oldest first: a person who left and came back has several. */
  periods: z.array(employmentPeriod),
  version: z.number().int(),
});
export type Person = z.infer<typeof person>;

/** One schema per field, shared by the JSON API and the roster import's cell checks. */
export const personFields = {
  code: text(50),
  fullName: requiredText(200, 'Họ và tên'),
  birthDate: isoDate.nullable(),
  gender: z.enum(GENDERS, { message: 'Giới tính phải là Nam hoặc Nữ.' }).nullable(),
  jobTitle: text(200),
  employmentType: z.enum(EMPLOYMENT_TYPES, { message: 'Loại lao động không hợp lệ.' }),
  isPartyMember: z.boolean(),
  organizationId: idSchema.nullable(),
  partyOffice: text(200),
  governmentOffice: text(200),
  isCommitteeMember: z.boolean(),
  assignedDuty: text(1000),
};

/** A second person with the same name and birth date as someone at the workplace needs this confirmation. */
const distinctConfirmed = z.boolean();

export const createPersonBody = z
  .object({ workplaceId: idSchema, ...personFields, startedOn: isoDate.nullable(), distinctConfirmed })
  .partial({
    startedOn: true,
    distinctConfirmed: true,
    code: true,
    birthDate: true,
    gender: true,
    jobTitle: true,
    organizationId: true,
    partyOffice: true,
    governmentOffice: true,
    isCommitteeMember: true,
    assignedDuty: true,
  })
  .strict();
export type CreatePersonBody = z.infer<typeof createPersonBody>;

export const updatePersonBody = z
  .object({ version: versionSchema, ...personFields, startedOn: isoDate.nullable(), distinctConfirmed })
  .partial()
  .required({ version: true })
  .strict();
export type UpdatePersonBody = z.infer<typeof updatePersonBody>;

export const searchPeopleQuery = pageQuery.extend({
  /** Matched ignoring diacritics and case: `nguyen van tam` finds `Nguyễn Văn Tám`. */
  q: z.string().max(200).default(''),
  organizationId: idSchema.optional(),
  workplaceId: idSchema.optional(),
  isPartyMember: z.enum(['true', 'false']).optional(),
  /** `current`: working there today; `left`: no longer. Everyone when absent. */
  employment: z.enum(['current', 'left']).optional(),
});

const leavingReason = requiredText(200, 'Lý do nghỉ việc');

/** Recording that a person left (or correcting the day and reason of their last leaving). */
export const leavingBody = z.object({ version: versionSchema, leftOn: isoDate, leavingReason }).strict();
export type LeavingBody = z.infer<typeof leavingBody>;

/** A person who left comes back: a new employment period from this day. */
export const returnBody = z.object({ version: versionSchema, startedOn: isoDate }).strict();
export type ReturnBody = z.infer<typeof returnBody>;

/** `total` counts at most 1 000 matches; `totalCapped` says there are more (the page shows "hơn 1.000"). */
export const peoplePage = paged(person).extend({ totalCapped: z.boolean() });

export const deletePersonQuery = z.object({
  version: z.coerce.number().int().min(1, { message: 'Phiên bản không hợp lệ.' }),
});

export const rosterImportRowError = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type RosterImportRowError = z.infer<typeof rosterImportRowError>;

export const rosterImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  total: z.number().int(),
});
export type RosterImportResult = z.infer<typeof rosterImportResult>;
