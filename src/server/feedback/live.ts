import { and, eq } from 'drizzle-orm';
import type { LiveView } from '../../contract/feedback.js';
import type { DbOrTx } from '../../db/client.js';
import { feedback } from '../../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { meetingForRecorder } from '../meetings/access.js';
import { presentMeeting } from '../meetings/presenter.js';
import { meetingMembers } from './members.js';
import { meetingEntries, meetingResponseList, notPhone } from './presenter.js';

/**
 * The live page's view of the meeting: the agenda, the members with their summaries, what the
 * opening announces, the committee's responses and the opinions (never phone ones, S6). With
 * `after`, only opinions changed since that change number, and every id so deletions show.
 */
export async function readLive(
  db: DbOrTx,
  actor: Actor,
  meetingId: string,
  after?: number,
): Promise<LiveView> {
  const reach = await meetingForRecorder(db, actor, meetingId);
  const { meeting } = reach;
  const [presented, members, responses, feed] = await Promise.all([
    presentMeeting(db, reach),
    meetingMembers(db, meeting),
    meetingResponseList(db, meeting.id),
    db
      .select({ id: feedback.id, changeSeq: feedback.changeSeq })
      .from(feedback)
      .where(and(eq(feedback.meetingId, meeting.id), notPhone)),
  ]);
  const cursor = feed.reduce((max, row) => Math.max(max, row.changeSeq ?? 0), after ?? 0);
  const changed =
    after === undefined ? undefined : feed.filter((row) => (row.changeSeq ?? 0) > after).map((row) => row.id);
  const entries = changed?.length === 0 ? [] : await meetingEntries(db, meeting.id, changed);
  const present = members.filter((member) => member.present === true).length;
  const absent = members.filter((member) => member.present === false).length;
  return {
    meeting: presented,
    members,
    opening: {
      membersTotal: members.length,
      membersPresent: present,
      membersAbsent: absent,
      membersUnmarked: members.length - present - absent,
      massesPresent: meeting.massesPresent,
      delegates: meeting.delegates,
      chairName: meeting.chairName,
      secretaryName: presented.secretaryName,
    },
    responses,
    entries,
    entryIds: feed.map((row) => row.id),
    cursor,
  };
}
