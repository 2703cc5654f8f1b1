import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, max, or } from 'drizzle-orm';
import type { PersonalData } from '../../contract/personal-data.js';
import type { DbOrTx } from '../../db/client.js';
import {
  accounts,
  auditEntries,
  compilationPoints,
  compilations,
  feedback,
  feedbackForms,
  meetingAttendance,
  meetings,
  organizations,
  plans,
  remediationComments,
  remediationItems,
  remediationNotes,
  roleAssignments,
  selfCriticisms,
  sessions,
  totpCredentials,
  workplaces,
} from '../../db/schema/index.js';
import { vietnamDate } from '../../domain/meetings.js';
import { erasableFrom, erasureRefusal } from '../../domain/personal-data.js';
import type { Role } from '../../domain/roles.js';
import type { PersonRow } from '../people/access.js';

/** Audit entries listed per person: enough to see who touched and read their data. */
const AUDIT_LIMIT = 1_000;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * Everything held about one person (S8), gathered by the ids that link to them: the roster entry,
 * the accounts linked to it, the member's self-criticisms and what hangs on them, what the person
 * wrote under their own name, and the audit entries about them or by them. Opinions come sorted by
 * day, kind and text, never by the order they were stored in, and without their authors.
 */
export async function collectPersonalData(
  db: DbOrTx,
  person: PersonRow,
  retentionMonths: number,
  now: Date,
): Promise<PersonalData> {
  const accountRows = await db.select().from(accounts).where(eq(accounts.personId, person.id));
  const accountIds = accountRows.map((account) => account.id);
  const reports = await db
    .select({ report: selfCriticisms, planYear: plans.year, planTitle: plans.title })
    .from(selfCriticisms)
    .innerJoin(plans, eq(plans.id, selfCriticisms.planId))
    .where(eq(selfCriticisms.personId, person.id))
    .orderBy(asc(plans.year));
  const reportIds = reports.map((row) => row.report.id);
  const lastInvolvementAt = await lastInvolvement(db, person, accountIds);
  const refusal = erasureRefusal({ ...person, lastInvolvementAt }, retentionMonths, now);
  return {
    person: await personSection(db, person),
    accounts: await accountSection(db, accountRows),
    selfCriticisms: reports.map(({ report, planYear, planTitle }) => ({
      id: report.id,
      planYear,
      planTitle,
      template: report.template,
      status: report.status,
      content: { ...report.content } as Record<string, string>,
      carriedOver: report.carriedOver,
      committeeComment: report.committeeComment,
      summary: report.summary,
      submittedAt: iso(report.submittedAt),
      acceptedAt: iso(report.acceptedAt),
    })),
    attendance: await attendanceSection(db, person.id),
    opinionsAbout: await opinionsAbout(db, reportIds),
    compiledPoints: await compiledPoints(db, reportIds),
    remediationItems: await remediationSection(db, reportIds),
    ownOpinions: await ownOpinions(db, accountIds),
    auditEntries: await auditSection(db, [person.id, ...accountIds, ...reportIds], accountIds),
    retention: {
      months: retentionMonths,
      lastInvolvementAt: lastInvolvementAt.toISOString(),
      erasableFrom: person.isPartyMember ? null : erasableFrom(lastInvolvementAt, retentionMonths),
      erasureRefusal: refusal,
    },
  };
}

/** The latest of: the roster entry's last change, the accounts' last request, the accounts' last recorded action. */
export async function lastInvolvement(db: DbOrTx, person: PersonRow, accountIds: string[]): Promise<Date> {
  if (!accountIds.length) return person.updatedAt;
  const [seen] = await db
    .select({ at: max(sessions.lastSeenAt) })
    .from(sessions)
    .where(inArray(sessions.accountId, accountIds));
  const [acted] = await db
    .select({ at: max(auditEntries.at) })
    .from(auditEntries)
    .where(inArray(auditEntries.accountId, accountIds));
  const times = [person.updatedAt, seen?.at, acted?.at].filter((time): time is Date => time instanceof Date);
  return new Date(Math.max(...times.map((time) => time.getTime())));
}

async function personSection(db: DbOrTx, person: PersonRow): Promise<PersonalData['person']> {
  const [place] = await db
    .select({ workplaceName: workplaces.name })
    .from(workplaces)
    .where(eq(workplaces.id, person.workplaceId));
  const [cell] = person.organizationId
    ? await db
        .select({ name: organizations.name })
        .from(organizations)
        .where(eq(organizations.id, person.organizationId))
    : [];
  return {
    id: person.id,
    code: person.code,
    fullName: person.fullName,
    birthDate: person.birthDate,
    gender: person.gender,
    jobTitle: person.jobTitle,
    employmentType: person.employmentType,
    isPartyMember: person.isPartyMember,
    workplaceName: place?.workplaceName ?? '',
    cellName: cell?.name ?? null,
    partyOffice: person.partyOffice,
    governmentOffice: person.governmentOffice,
    isCommitteeMember: person.isCommitteeMember,
    assignedDuty: person.assignedDuty,
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
    erasedAt: iso(person.erasedAt),
    version: person.version,
  };
}

async function accountSection(
  db: DbOrTx,
  rows: (typeof accounts.$inferSelect)[],
): Promise<PersonalData['accounts']> {
  const result: PersonalData['accounts'] = [];
  for (const account of rows) {
    const [home] = await db
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, account.homeOrganizationId));
    const roles = await db
      .select({ role: roleAssignments.role, organizationName: organizations.name })
      .from(roleAssignments)
      .innerJoin(organizations, eq(organizations.id, roleAssignments.organizationId))
      .where(eq(roleAssignments.accountId, account.id));
    const [open] = await db
      .select({ sessions: count(), lastSeenAt: max(sessions.lastSeenAt) })
      .from(sessions)
      .where(and(eq(sessions.accountId, account.id), gt(sessions.expiresAt, new Date())));
    const [totp] = await db
      .select({ confirmedAt: totpCredentials.confirmedAt })
      .from(totpCredentials)
      .where(eq(totpCredentials.accountId, account.id));
    result.push({
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      email: account.email,
      homeOrganizationName: home?.name ?? '',
      roles: roles.map((row) => ({ role: row.role as Role, organizationName: row.organizationName })),
      createdAt: account.createdAt.toISOString(),
      disabled: account.disabledAt !== null,
      secondFactor: Boolean(totp?.confirmedAt),
      openSessions: open?.sessions ?? 0,
      lastSeenAt: iso(open?.lastSeenAt ?? null),
    });
  }
  return result;
}

async function attendanceSection(db: DbOrTx, personId: string): Promise<PersonalData['attendance']> {
  const rows = await db
    .select({
      startsAt: meetings.startsAt,
      workplaceName: workplaces.name,
      present: meetingAttendance.present,
      absenceReason: meetingAttendance.absenceReason,
      absenceReasonValid: meetingAttendance.absenceReasonValid,
    })
    .from(meetingAttendance)
    .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
    .innerJoin(workplaces, eq(workplaces.id, meetings.workplaceId))
    .where(eq(meetingAttendance.personId, personId))
    .orderBy(asc(meetings.startsAt));
  return rows.map(({ startsAt, ...row }) => ({ meetingDay: vietnamDate(startsAt), ...row }));
}

async function opinionsAbout(db: DbOrTx, reportIds: string[]): Promise<PersonalData['opinionsAbout']> {
  if (!reportIds.length) return [];
  const rows = await db
    .select({
      startsAt: meetings.startsAt,
      channel: feedback.channel,
      area: feedback.area,
      kind: feedback.kind,
      text: feedback.text,
      dissenting: feedback.dissenting,
    })
    .from(feedback)
    .innerJoin(meetings, eq(meetings.id, feedback.meetingId))
    .where(inArray(feedback.selfCriticismId, reportIds))
    .orderBy(asc(meetings.startsAt), asc(feedback.kind), asc(feedback.area), asc(feedback.text));
  return rows.map(({ startsAt, ...row }) => ({ meetingDay: vietnamDate(startsAt), ...row }));
}

async function compiledPoints(db: DbOrTx, reportIds: string[]): Promise<PersonalData['compiledPoints']> {
  if (!reportIds.length) return [];
  const rows = await db
    .select({
      startsAt: meetings.startsAt,
      area: compilationPoints.area,
      kind: compilationPoints.kind,
      text: compilationPoints.text,
      responsibility: compilationPoints.responsibility,
      conclusion: compilationPoints.conclusion,
      explanation: compilationPoints.explanation,
    })
    .from(compilationPoints)
    .innerJoin(compilations, eq(compilations.id, compilationPoints.compilationId))
    .innerJoin(meetings, eq(meetings.id, compilations.meetingId))
    .where(
      or(
        inArray(compilationPoints.selfCriticismId, reportIds),
        inArray(compilationPoints.responsibleSelfCriticismId, reportIds),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(compilationPoints.position));
  return rows.map(({ startsAt, ...row }) => ({ meetingDay: vietnamDate(startsAt), ...row }));
}

async function remediationSection(
  db: DbOrTx,
  reportIds: string[],
): Promise<PersonalData['remediationItems']> {
  if (!reportIds.length) return [];
  const items = await db
    .select()
    .from(remediationItems)
    .where(inArray(remediationItems.responsibleSelfCriticismId, reportIds))
    .orderBy(asc(remediationItems.deadline));
  const result: PersonalData['remediationItems'] = [];
  for (const item of items) {
    const notes = await db
      .select()
      .from(remediationNotes)
      .where(eq(remediationNotes.itemId, item.id))
      .orderBy(asc(remediationNotes.createdAt));
    result.push({
      action: item.action,
      deadline: item.deadline,
      status: item.status,
      notes: notes.map((note) => ({
        day: vietnamDate(note.createdAt),
        text: note.text,
        status: note.status,
      })),
    });
  }
  return result;
}

/** Named opinions only: an online form filled while signed in, a named comment on a remediation plan. */
async function ownOpinions(db: DbOrTx, accountIds: string[]): Promise<PersonalData['ownOpinions']> {
  if (!accountIds.length) return [];
  const written = await db
    .select({ day: feedbackForms.submittedOn, kind: feedback.kind, text: feedback.text })
    .from(feedback)
    .innerJoin(feedbackForms, eq(feedbackForms.id, feedback.formId))
    .where(and(inArray(feedbackForms.authorAccountId, accountIds), isNotNull(feedbackForms.authorAccountId)))
    .orderBy(asc(feedbackForms.submittedOn), asc(feedback.text));
  const comments = await db
    .select({ day: remediationComments.createdOn, text: remediationComments.text })
    .from(remediationComments)
    .where(inArray(remediationComments.authorAccountId, accountIds))
    .orderBy(asc(remediationComments.createdOn), asc(remediationComments.text));
  return [
    ...written.map((row) => ({ ...row, kind: `form.${row.kind}` })),
    ...comments.map((row) => ({ ...row, kind: 'remediation-comment' })),
  ];
}

async function auditSection(
  db: DbOrTx,
  targetIds: string[],
  accountIds: string[],
): Promise<PersonalData['auditEntries']> {
  const rows = await db
    .select({
      at: auditEntries.at,
      by: accounts.username,
      action: auditEntries.action,
      targetType: auditEntries.targetType,
      targetId: auditEntries.targetId,
      changes: auditEntries.changes,
    })
    .from(auditEntries)
    .leftJoin(accounts, eq(accounts.id, auditEntries.accountId))
    .where(
      or(
        inArray(auditEntries.targetId, targetIds),
        accountIds.length ? inArray(auditEntries.accountId, accountIds) : isNull(auditEntries.id),
      ),
    )
    .orderBy(desc(auditEntries.at), desc(auditEntries.id))
    .limit(AUDIT_LIMIT);
  // The fields changed are named; their values are not copied into the export.
  return rows.map((row) => ({
    at: row.at.toISOString(),
    by: row.by,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    fields: Object.keys(row.changes as object),
  }));
}
