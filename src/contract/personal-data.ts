import { z } from 'zod';
import { ROLES } from '../domain/roles.js';
import { idSchema, versionSchema } from './common.js';

/**
 * S8: everything the system holds about one person, for an administrator to show and hand over
 * (Decree 13/2023/NĐ-CP, Law 91/2025/QH15). Opinions about a member never say who gave them: the
 * masses' anonymity holds here too.
 */
const day = z.string().nullable();

export const personalData = z.object({
  person: z.object({
    id: idSchema,
    code: z.string(),
    fullName: z.string(),
    birthDate: z.string().nullable(),
    gender: z.string().nullable(),
    jobTitle: z.string(),
    employmentType: z.string(),
    isPartyMember: z.boolean(),
    workplaceName: z.string(),
    cellName: z.string().nullable(),
    partyOffice: z.string(),
    governmentOffice: z.string(),
    isCommitteeMember: z.boolean(),
    assignedDuty: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    erasedAt: z.string().nullable(),
    version: z.number().int(),
  }),
  accounts: z.array(
    z.object({
      id: idSchema,
      username: z.string(),
      displayName: z.string(),
      /** The address the person set for reminder digests. */
      email: z.string().nullable(),
      homeOrganizationName: z.string(),
      roles: z.array(z.object({ role: z.enum(ROLES), organizationName: z.string() })),
      createdAt: z.string(),
      disabled: z.boolean(),
      secondFactor: z.boolean(),
      openSessions: z.number().int(),
      lastSeenAt: z.string().nullable(),
    }),
  ),
  selfCriticisms: z.array(
    z.object({
      id: idSchema,
      planYear: z.number().int(),
      planTitle: z.string(),
      template: z.string(),
      status: z.string(),
      content: z.record(z.string(), z.string()),
      carriedOver: z.string(),
      committeeComment: z.string(),
      summary: z.object({ duties: z.string(), strengths: z.string(), shortcomings: z.string() }),
      submittedAt: z.string().nullable(),
      acceptedAt: z.string().nullable(),
    }),
  ),
  attendance: z.array(
    z.object({
      meetingDay: z.string(),
      workplaceName: z.string(),
      present: z.boolean(),
      absenceReason: z.string().nullable(),
      absenceReasonValid: z.boolean().nullable(),
    }),
  ),
  /** Said or written about the member: text and kind, never the person who gave it. */
  opinionsAbout: z.array(
    z.object({
      meetingDay: z.string(),
      channel: z.string(),
      area: z.string(),
      kind: z.string(),
      text: z.string(),
      dissenting: z.boolean(),
    }),
  ),
  compiledPoints: z.array(
    z.object({
      meetingDay: z.string(),
      area: z.string(),
      kind: z.string(),
      text: z.string(),
      responsibility: z.string().nullable(),
      conclusion: z.string().nullable(),
      explanation: z.string().nullable(),
    }),
  ),
  remediationItems: z.array(
    z.object({
      action: z.string(),
      deadline: z.string(),
      status: z.string(),
      notes: z.array(z.object({ day: z.string(), text: z.string(), status: z.string() })),
    }),
  ),
  /** What the person wrote under their own name (an online form, a named comment on a remediation plan). */
  ownOpinions: z.array(z.object({ day: day, kind: z.string(), text: z.string() })),
  auditEntries: z.array(
    z.object({
      at: z.string(),
      by: z.string().nullable(),
      action: z.string(),
      targetType: z.string(),
      targetId: z.string(),
      fields: z.array(z.string()),
    }),
  ),
  retention: z.object({
    months: z.number().int(),
    lastInvolvementAt: z.string(),
    /** yyyy-mm-dd; null for a party member. */
    erasableFrom: z.string().nullable(),
    /** Null when an erasure would be accepted today. */
    erasureRefusal: z.string().nullable(),
  }),
});
export type PersonalData = z.infer<typeof personalData>;

export const eraseBody = z.object({ version: versionSchema }).strict();
