import { and, eq, isNull } from 'drizzle-orm';
import type { AgendaBody, CommitteeResponse, ResponseBody } from '../../contract/feedback.js';
import type { MeetingDetail } from '../../contract/meetings.js';
import type { Db } from '../../db/client.js';
import { meetingResponses, meetings } from '../../db/schema/index.js';
import { planAgendaMove } from '../../domain/agenda.js';
import type { AgendaStep } from '../../domain/meetings.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, notFound, staleVersion } from '../errors.js';
import { meetingForRecorder } from '../meetings/access.js';
import { presentMeeting } from '../meetings/presenter.js';
import { setWorkplaceStatus } from '../plans/progress-rollup.js';
import { assertMemberOfMeeting, meetingMembers } from './members.js';
import { meetingResponseList } from './presenter.js';

/**
 * Moves the live agenda (domain/agenda.ts). Ending it is the meeting having been held: the time is
 * kept and the workplace moves to "held", in the same transaction.
 */
export async function moveAgenda(
  db: Db,
  actor: Actor,
  meetingId: string,
  body: AgendaBody,
): Promise<MeetingDetail> {
  return db.transaction(async (tx) => {
    const reach = await meetingForRecorder(tx, actor, meetingId);
    const { meeting } = reach;
    if (meeting.version !== body.version) throw staleVersion();
    const members = await meetingMembers(tx, meeting);
    const move = planAgendaMove({
      from: meeting.agendaStep as AgendaStep,
      fromMember: meeting.agendaSelfCriticismId,
      to: body.step,
      member: body.selfCriticismId,
      memberIds: members.map((member) => member.selfCriticismId),
      unmarked: members.filter((member) => member.present === null).length,
    });
    if (!move.ok) {
      const code = move.field === 'selfCriticismId' ? 'bad_request' : 'conflict';
      throw new AppError(code, move.message, [{ path: `body.${move.field}`, message: move.message }]);
    }
    const now = new Date();
    const [updated] = await tx
      .update(meetings)
      .set({
        agendaStep: move.step,
        agendaSelfCriticismId: move.member,
        ...(move.ends ? { heldAt: now } : {}),
        version: meeting.version + 1,
        updatedAt: now,
      })
      .where(and(eq(meetings.id, meeting.id), eq(meetings.version, body.version)))
      .returning();
    if (!updated) throw staleVersion();
    if (move.ends) await setWorkplaceStatus(tx, meeting.planId, meeting.workplaceId, 'held');
    await recordAudit(tx, actor, {
      action: move.ends ? 'meeting.held' : 'meeting.agenda',
      targetType: 'meeting',
      targetId: meeting.id,
      organizationPath: reach.organizationPath,
      changes: {
        agendaStep: { from: meeting.agendaStep, to: move.step },
        agendaSelfCriticismId: { from: meeting.agendaSelfCriticismId, to: move.member },
      },
    });
    return presentMeeting(tx, { ...reach, meeting: updated });
  });
}

/**
 * The committee's response (tiếp thu) to one member or to the collective: one per target, made
 * or replaced with the version the page read (R3).
 */
export async function saveResponse(
  db: Db,
  actor: Actor,
  meetingId: string,
  body: ResponseBody,
): Promise<CommitteeResponse> {
  return db.transaction(async (tx) => {
    const { meeting, organizationPath } = await meetingForRecorder(tx, actor, meetingId);
    await assertMemberOfMeeting(tx, meeting, body.selfCriticismId);
    const target =
      body.selfCriticismId === null
        ? isNull(meetingResponses.selfCriticismId)
        : eq(meetingResponses.selfCriticismId, body.selfCriticismId);
    const [existing] = await tx
      .select()
      .from(meetingResponses)
      .where(and(eq(meetingResponses.meetingId, meeting.id), target))
      .for('update');
    const now = new Date();
    let id: string;
    if (existing) {
      if (existing.version !== body.version) throw staleVersion();
      await tx
        .update(meetingResponses)
        .set({ text: body.text, recordedBy: actor.accountId, version: existing.version + 1, updatedAt: now })
        .where(eq(meetingResponses.id, existing.id));
      id = existing.id;
    } else {
      // Two devices saving a first response at once: the unique key refuses the second (409).
      const [created] = await tx
        .insert(meetingResponses)
        .values({
          meetingId: meeting.id,
          selfCriticismId: body.selfCriticismId,
          text: body.text,
          recordedBy: actor.accountId,
        })
        .returning({ id: meetingResponses.id });
      if (!created) throw new Error('response insert returned nothing');
      id = created.id;
    }
    await recordAudit(tx, actor, {
      action: 'meeting.response',
      targetType: 'meeting_response',
      targetId: id,
      organizationPath,
      changes: { text: { from: '***', to: '***' } },
    });
    const saved = (await meetingResponseList(tx, meeting.id)).find((response) => response.id === id);
    if (!saved) throw notFound('ý kiến tiếp thu');
    return saved;
  });
}
