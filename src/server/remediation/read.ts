import { asc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RemediationItemView, RemediationPlanView } from '../../contract/remediation.js';
import type { DbOrTx } from '../../db/client.js';
import {
  accounts,
  compilationPoints,
  compilations,
  organizations,
  plans,
  remediationComments,
  remediationItems,
  remediationNotes,
  selfCriticisms,
  storedFiles,
  workplaces,
} from '../../db/schema/index.js';
import { vietnamDate } from '../../domain/meetings.js';
import {
  type RemediationStoredStatus,
  remediationStatus,
  tallyRemediation,
} from '../../domain/remediation.js';
import type { MeetingRow } from '../meetings/access.js';
import { releaseAnonymousComments } from './comment-box.js';

/** Today's calendar day in Vietnam: overdue is read against it. */
export const vietnamToday = () => vietnamDate(new Date());

const responsibleOrganization = alias(organizations, 'responsible_organization');

/** What an anonymous reader sees: no names of who wrote the notes, no files. */
export interface ItemsShown {
  anonymousReader?: boolean;
}

/** The items matching `where`, oldest first, each with its notes and comments. */
export async function loadItems(
  db: DbOrTx,
  where: SQL | undefined,
  shown: ItemsShown = {},
): Promise<RemediationItemView[]> {
  // S6: the anonymous comments of past days reach every reader at once, whoever reads first.
  await releaseAnonymousComments(db);
  const rows = await db
    .select({
      item: remediationItems,
      meetingId: compilations.meetingId,
      pointText: compilationPoints.text,
      memberName: selfCriticisms.fullName,
      organizationName: responsibleOrganization.name,
    })
    .from(remediationItems)
    .innerJoin(compilations, eq(compilations.id, remediationItems.compilationId))
    .leftJoin(compilationPoints, eq(compilationPoints.id, remediationItems.pointId))
    .leftJoin(selfCriticisms, eq(selfCriticisms.id, remediationItems.responsibleSelfCriticismId))
    .leftJoin(
      responsibleOrganization,
      eq(responsibleOrganization.id, remediationItems.responsibleOrganizationId),
    )
    .where(where)
    .orderBy(asc(remediationItems.createdAt), asc(remediationItems.id));
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.item.id);
  const notes = await db
    .select({
      id: remediationNotes.id,
      itemId: remediationNotes.itemId,
      text: remediationNotes.text,
      status: remediationNotes.status,
      createdAt: remediationNotes.createdAt,
      authorName: accounts.displayName,
      evidenceName: storedFiles.originalName,
    })
    .from(remediationNotes)
    .innerJoin(accounts, eq(accounts.id, remediationNotes.createdBy))
    .leftJoin(storedFiles, eq(storedFiles.id, remediationNotes.evidenceFileId))
    .where(inArray(remediationNotes.itemId, ids))
    .orderBy(asc(remediationNotes.createdAt), asc(remediationNotes.id));
  const comments = await db
    .select()
    .from(remediationComments)
    .where(inArray(remediationComments.itemId, ids))
    .orderBy(asc(remediationComments.createdOn), asc(remediationComments.id));
  const today = vietnamToday();
  return rows.map(({ item, meetingId, pointText, memberName, organizationName }) => ({
    id: item.id,
    version: item.version,
    meetingId,
    pointId: item.pointId,
    pointText,
    action: item.action,
    responsibleKind: item.responsibleKind as 'organization' | 'member',
    responsibleName: (item.responsibleKind === 'member' ? memberName : organizationName) ?? '',
    deadline: item.deadline,
    storedStatus: item.status as RemediationStoredStatus,
    status: remediationStatus(
      { status: item.status as RemediationStoredStatus, deadline: item.deadline },
      today,
    ),
    notes: notes
      .filter((note) => note.itemId === item.id)
      .map((note) => ({
        id: note.id,
        text: note.text,
        status: note.status as RemediationStoredStatus,
        createdOn: vietnamDate(note.createdAt),
        authorName: shown.anonymousReader ? null : note.authorName,
        evidenceName: shown.anonymousReader ? null : note.evidenceName,
      })),
    comments: comments
      .filter((comment) => comment.itemId === item.id)
      .map((comment) => ({
        id: comment.id,
        version: comment.version,
        text: comment.text,
        authorName: comment.authorName,
        createdOn: comment.createdOn,
        answer: comment.answer,
        answeredOn: comment.answeredAt ? vietnamDate(comment.answeredAt) : null,
      })),
  }));
}

export interface PlanViewer extends ItemsShown {
  canManage: boolean;
  canComment: boolean;
}

/** A meeting's whole plan with its tally. */
export async function loadPlan(
  db: DbOrTx,
  meeting: MeetingRow,
  viewer: PlanViewer,
): Promise<RemediationPlanView> {
  const [heading] = await db
    .select({ workplaceName: workplaces.name, year: plans.year })
    .from(workplaces)
    .innerJoin(plans, eq(plans.id, meeting.planId))
    .where(eq(workplaces.id, meeting.workplaceId));
  const [compilation] = await db
    .select({ id: compilations.id })
    .from(compilations)
    .where(eq(compilations.meetingId, meeting.id));
  const items = compilation
    ? await loadItems(db, eq(remediationItems.compilationId, compilation.id), viewer)
    : [];
  return {
    meetingId: meeting.id,
    workplaceName: heading?.workplaceName ?? '',
    year: heading?.year ?? 0,
    canManage: viewer.canManage,
    canComment: viewer.canComment,
    items,
    tally: tallyRemediation(
      items.map((item) => ({ status: item.storedStatus, deadline: item.deadline })),
      vietnamToday(),
    ),
  };
}
