import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { meetings, organizations } from '../../db/schema/index.js';
import type { Role } from '../../domain/roles.js';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound } from '../errors.js';
import { releaseIfDue } from '../phone-forms/ballot-box.js';

export type MeetingRow = typeof meetings.$inferSelect;

/**
 * How the actor stands towards one meeting. DESIGN roles: the committee of the workplace's
 * organization runs it; the secretary (and the chair, when they have an account) record it;
 * officers above follow it without its content.
 */
export type MeetingCapacity = 'committee' | 'secretary' | 'chair' | 'reader';

export interface MeetingInReach {
  meeting: MeetingRow;
  organizationPath: string;
  capacity: MeetingCapacity;
}

/** Officers above the cell who follow meetings' progress (status, dates, counts). */
export const MEETING_READERS: readonly Role[] = ['administrator', 'organization-board', 'committee'];

export function meetingCapacity(
  actor: Actor,
  meeting: MeetingRow,
  organizationPath: string,
): MeetingCapacity | null {
  const runsIt = actor.grants.some(
    (grant) => grant.role === 'committee' && grant.organizationPath === organizationPath,
  );
  if (runsIt) return 'committee';
  if (meeting.secretaryAccountId === actor.accountId) return 'secretary';
  if (meeting.chairAccountId !== null && meeting.chairAccountId === actor.accountId) return 'chair';
  if (actor.reaches(MEETING_READERS, organizationPath)) return 'reader';
  return null;
}

/** The meeting by id (404), when the actor stands in some capacity towards it (403 otherwise). */
export async function meetingInReach(db: DbOrTx, actor: Actor, meetingId: string): Promise<MeetingInReach> {
  const [row] = await db
    .select({ meeting: meetings, organizationPath: organizations.path })
    .from(meetings)
    .innerJoin(organizations, eq(organizations.id, meetings.organizationId))
    .where(eq(meetings.id, meetingId));
  if (!row) throw notFound('buổi họp');
  const capacity = meetingCapacity(actor, row.meeting, row.organizationPath);
  if (!capacity) throw forbidden();
  // S6: a window whose set end has passed releases its forms before anyone reads the meeting.
  return { ...row, meeting: await releaseIfDue(db, row.meeting), capacity };
}

/** The meeting when the actor may record it: the committee, the secretary or the chair. */
export async function meetingForRecorder(
  db: DbOrTx,
  actor: Actor,
  meetingId: string,
): Promise<MeetingInReach> {
  const found = await meetingInReach(db, actor, meetingId);
  if (found.capacity === 'reader') throw forbidden();
  return found;
}

/** The meeting when the actor is its committee (schedule, attendance, codes, form window). */
export async function meetingForCommittee(
  db: DbOrTx,
  actor: Actor,
  meetingId: string,
): Promise<MeetingInReach> {
  const found = await meetingInReach(db, actor, meetingId);
  if (found.capacity !== 'committee') throw forbidden();
  return found;
}
