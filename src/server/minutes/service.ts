import { createHash } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MinutesView, UpdateMinutesBody } from '../../contract/minutes.js';
import type { Db, DbOrTx } from '../../db/client.js';
import {
  accounts,
  feedback,
  meetingAttendance,
  meetingResponses,
  minutes,
  minutesAddenda,
  minutesSignatures,
  organizations,
  people,
  plans,
  roleAssignments,
  workplaces,
} from '../../db/schema/index.js';
import { vietnamTime } from '../../domain/dates.js';
import type { FeedbackArea, FeedbackChannel, FeedbackKind } from '../../domain/feedback.js';
import { formWindowState } from '../../domain/meetings.js';
import {
  assembleMinutes,
  canonicalJson,
  EMPTY_DRAFT,
  endTimeIssue,
  type MinutesCapacity,
  type MinutesContent,
  type MinutesDraft,
  SIGNED_DRAFT_MESSAGE,
} from '../../domain/minutes.js';
import type { Actor } from '../auth/actor.js';
import { AppError, forbidden, notFound, staleVersion } from '../errors.js';
import { MINUTES_LOCKED_MESSAGE } from '../http/error-handler.js';
import { type MeetingInReach, type MeetingRow, meetingInReach } from '../meetings/access.js';
import { employedTodaySql } from '../people/employment.js';
import { meetingMembers } from '../written-feedback/members.js';

export type MinutesRow = typeof minutes.$inferSelect;

/** The committee, the secretary and the chair work on the minutes; officers above do not read them. */
export async function meetingForMinutes(
  db: DbOrTx,
  actor: Actor,
  meetingId: string,
): Promise<MeetingInReach> {
  const found = await meetingInReach(db, actor, meetingId);
  if (found.capacity === 'reader') throw forbidden();
  return found;
}

/** The minutes row of a meeting, made on first use. */
export async function minutesOf(db: DbOrTx, meetingId: string): Promise<MinutesRow> {
  await db.insert(minutes).values({ meetingId }).onConflictDoNothing({ target: minutes.meetingId });
  const [row] = await db.select().from(minutes).where(eq(minutes.meetingId, meetingId));
  if (!row) throw notFound('biên bản');
  return row;
}

export const draftOf = (row: MinutesRow): MinutesDraft => ({ ...EMPTY_DRAFT, ...row.draft });

export const hashContent = (content: MinutesContent) =>
  createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');

/** Everything recorded about the meeting, assembled in the seed's order (domain/minutes.ts). */
export async function assembleCurrent(
  db: DbOrTx,
  meeting: MeetingRow,
  row: MinutesRow,
): Promise<MinutesContent> {
  const [names] = await db
    .select({
      workplaceName: workplaces.name,
      organizationName: organizations.name,
      year: plans.year,
      secretaryName: accounts.displayName,
    })
    .from(workplaces)
    .innerJoin(organizations, eq(organizations.id, meeting.organizationId))
    .innerJoin(plans, eq(plans.id, meeting.planId))
    .innerJoin(accounts, eq(accounts.id, meeting.secretaryAccountId))
    .where(eq(workplaces.id, meeting.workplaceId));
  if (!names) throw notFound('buổi họp');
  const members = await meetingMembers(db, meeting);
  const attendance = await db
    .select()
    .from(meetingAttendance)
    .where(eq(meetingAttendance.meetingId, meeting.id));
  const opinions = await db
    .select({
      selfCriticismId: feedback.selfCriticismId,
      channel: feedback.channel,
      area: feedback.area,
      kind: feedback.kind,
      text: feedback.text,
      speakerName: feedback.speakerName,
      dissenting: feedback.dissenting,
      order: feedback.changeSeq,
    })
    .from(feedback)
    .where(eq(feedback.meetingId, meeting.id));
  const responses = await db
    .select({ selfCriticismId: meetingResponses.selfCriticismId, text: meetingResponses.text })
    .from(meetingResponses)
    .where(eq(meetingResponses.meetingId, meeting.id));
  const window = {
    openedAt: meeting.formWindowOpenedAt,
    endsAt: meeting.formWindowEndsAt,
    closedAt: meeting.formWindowClosedAt,
  };
  return assembleMinutes({
    ...names,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    place: meeting.place,
    chairName: meeting.chairName,
    delegates: meeting.delegates,
    massesPresent: meeting.massesPresent,
    massesPresentNames: meeting.massesPresentNames,
    members: members.map((member) => {
      const marked = attendance.find((item) => item.selfCriticismId === member.selfCriticismId);
      return {
        selfCriticismId: member.selfCriticismId,
        fullName: member.fullName,
        duties: member.duties,
        strengths: member.strengths,
        shortcomings: member.shortcomings,
        present: marked ? marked.present : null,
        absenceReason: marked?.absenceReason ?? null,
        absenceReasonValid: marked?.absenceReasonValid ?? null,
      };
    }),
    opinions: opinions.map((opinion) => ({
      ...opinion,
      channel: opinion.channel as FeedbackChannel,
      area: opinion.area as FeedbackArea,
      kind: opinion.kind as FeedbackKind,
    })),
    responses,
    phoneReleased: formWindowState(window, new Date()) === 'closed',
    draft: draftOf(row),
  });
}

/** The content and hash shown: frozen once locked, assembled from the records until then. */
export async function contentOf(db: DbOrTx, meeting: MeetingRow, row: MinutesRow) {
  if (row.lockedContent && row.contentHash) {
    return { content: row.lockedContent as unknown as MinutesContent, contentHash: row.contentHash };
  }
  const content = await assembleCurrent(db, meeting, row);
  return { content, contentHash: hashContent(content) };
}

const creator = alias(accounts, 'creator');

export async function presentMinutes(db: DbOrTx, meeting: MeetingRow, row: MinutesRow): Promise<MinutesView> {
  const { content, contentHash } = await contentOf(db, meeting, row);
  const signatures = await db
    .select()
    .from(minutesSignatures)
    .where(eq(minutesSignatures.minutesId, row.id))
    .orderBy(asc(minutesSignatures.signedAt));
  const addenda = await db
    .select({
      id: minutesAddenda.id,
      text: minutesAddenda.text,
      createdAt: minutesAddenda.createdAt,
      createdByName: creator.displayName,
    })
    .from(minutesAddenda)
    .innerJoin(creator, eq(creator.id, minutesAddenda.createdBy))
    .where(eq(minutesAddenda.minutesId, row.id))
    .orderBy(asc(minutesAddenda.createdAt), asc(minutesAddenda.id));
  return {
    id: row.id,
    meetingId: meeting.id,
    version: row.version,
    draft: draftOf(row),
    content,
    contentHash,
    locked: row.lockedAt !== null,
    lockedAt: row.lockedAt ? row.lockedAt.toISOString() : null,
    signatures: signatures.map((signature) => ({
      id: signature.id,
      capacity: signature.capacity as MinutesCapacity,
      signerName: signature.signerName,
      method: signature.method as 'account' | 'paper',
      signedAt: signature.signedAt.toISOString(),
      current: signature.signedContentHash === contentHash,
      hasScan: signature.scanFileId !== null,
    })),
    addenda: addenda.map((addendum) => ({ ...addendum, createdAt: addendum.createdAt.toISOString() })),
  };
}

export async function readMinutes(db: DbOrTx, actor: Actor, meetingId: string): Promise<MinutesView> {
  const { meeting } = await meetingForMinutes(db, actor, meetingId);
  return presentMinutes(db, meeting, await minutesOf(db, meeting.id));
}

export const assertNotLocked = (row: MinutesRow) => {
  if (row.lockedAt) throw new AppError('conflict', MINUTES_LOCKED_MESSAGE);
};

/** The secretary's free text; refused once anyone has signed (they signed this text). */
export async function updateDraft(db: Db, actor: Actor, meetingId: string, body: UpdateMinutesBody) {
  return db.transaction(async (tx) => {
    const { meeting } = await meetingForMinutes(tx, actor, meetingId);
    const row = await minutesOf(tx, meeting.id);
    assertNotLocked(row);
    const [signed] = await tx
      .select({ id: minutesSignatures.id })
      .from(minutesSignatures)
      .where(eq(minutesSignatures.minutesId, row.id))
      .limit(1);
    if (signed) throw new AppError('conflict', SIGNED_DRAFT_MESSAGE);
    const lateness = endTimeIssue(vietnamTime(meeting.startsAt), body.draft.endedAt);
    if (lateness)
      throw new AppError('bad_request', lateness, [{ path: 'body.draft.endedAt', message: lateness }]);
    const [updated] = await tx
      .update(minutes)
      .set({ draft: body.draft, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(minutes.id, row.id), eq(minutes.version, body.version)))
      .returning();
    if (!updated) throw staleVersion();
    return presentMinutes(tx, meeting, updated);
  });
}

/** Whether an account may sign in a capacity (brief: chair, secretary, a non-member of the workplace). */
export async function fitsCapacity(
  db: DbOrTx,
  meeting: MeetingRow,
  capacity: MinutesCapacity,
  accountId: string,
): Promise<boolean> {
  if (capacity === 'secretary') return meeting.secretaryAccountId === accountId;
  if (capacity === 'chair') {
    if (meeting.chairAccountId !== null) return meeting.chairAccountId === accountId;
    const [committee] = await db
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.accountId, accountId),
          eq(roleAssignments.role, 'committee'),
          eq(roleAssignments.organizationId, meeting.organizationId),
        ),
      );
    return Boolean(committee);
  }
  const [person] = await db
    .select({ id: people.id })
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.personId))
    .where(
      and(
        eq(accounts.id, accountId),
        eq(people.workplaceId, meeting.workplaceId),
        eq(people.isPartyMember, false),
        employedTodaySql(),
        isNull(accounts.disabledAt),
      ),
    );
  return Boolean(person);
}
