import { and, eq } from 'drizzle-orm';
import type { RescheduleMeetingBody } from '../../contract/meetings.js';
import type { Db } from '../../db/client.js';
import { meetings } from '../../db/schema/index.js';
import { type AgendaStep, rescheduleRefusal } from '../../domain/meetings.js';
import { changedFields, recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, staleVersion } from '../errors.js';
import { type MeetingInReach, meetingForCommittee } from './access.js';
import { assertMeetingAccounts, assertSchedule } from './schedule.js';

/** The committee moves or corrects a meeting not yet held, with the same refusals as scheduling. */
export async function rescheduleMeeting(
  db: Db,
  actor: Actor,
  meetingId: string,
  body: RescheduleMeetingBody,
): Promise<MeetingInReach> {
  return db.transaction(async (tx) => {
    await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).for('update');
    const found = await meetingForCommittee(tx, actor, meetingId);
    const { meeting } = found;
    if (meeting.version !== body.version) throw staleVersion();
    const refused = rescheduleRefusal(meeting.agendaStep as AgendaStep);
    if (refused) throw new AppError('conflict', refused);
    await assertSchedule(tx, meeting.planId, meeting.workplaceId, body);
    await assertMeetingAccounts(tx, meeting, body);
    const next = {
      startsAt: new Date(body.startsAt),
      endsAt: new Date(body.endsAt),
      place: body.place,
      chairName: body.chairName,
      chairAccountId: body.chairAccountId,
      secretaryAccountId: body.secretaryAccountId,
      delegates: body.delegates,
    };
    const [updated] = await tx
      .update(meetings)
      .set({ ...next, version: meeting.version + 1, updatedAt: new Date() })
      .where(and(eq(meetings.id, meetingId), eq(meetings.version, body.version)))
      .returning();
    if (!updated) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'meeting.reschedule',
      targetType: 'meeting',
      targetId: meetingId,
      organizationPath: found.organizationPath,
      changes: changedFields(
        {
          ...meeting,
          startsAt: meeting.startsAt.toISOString(),
          endsAt: meeting.endsAt.toISOString(),
        },
        { ...next, startsAt: next.startsAt.toISOString(), endsAt: next.endsAt.toISOString() },
      ),
    });
    return { ...found, meeting: updated };
  });
}
