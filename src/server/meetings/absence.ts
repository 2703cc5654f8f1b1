import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AbsenceNotice, MeetingAttendance } from '../../contract/meetings.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { feedback, feedbackForms, meetingAttendance, meetings, workplaces } from '../../db/schema/index.js';
import { type AgendaStep, formWindowState, shownToAbsentMember, toldRefusal } from '../../domain/meetings.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { releaseDueWindows } from '../phone-forms/ballot-box.js';
import { personOf } from '../self-criticisms/access.js';
import { meetingForCommittee } from './access.js';
import { getAttendance } from './attendance.js';

/** Seed II.3: the committee confirms it has told an absent member the feedback about them. */
export async function confirmTold(
  db: Db,
  actor: Actor,
  meetingId: string,
  selfCriticismId: string,
  note: string,
): Promise<MeetingAttendance> {
  await db.transaction(async (tx) => {
    const found = await meetingForCommittee(tx, actor, meetingId);
    const [row] = await tx
      .select()
      .from(meetingAttendance)
      .where(
        and(
          eq(meetingAttendance.meetingId, meetingId),
          eq(meetingAttendance.selfCriticismId, selfCriticismId),
        ),
      )
      .for('update');
    const refused = toldRefusal(found.meeting.agendaStep as AgendaStep, row ? row.present : null);
    if (refused) throw new AppError('conflict', refused);
    if (row?.toldAt) throw new AppError('conflict', 'Đã xác nhận thông tin cho đảng viên này rồi.');
    await tx
      .update(meetingAttendance)
      .set({ toldAt: new Date(), toldBy: actor.accountId, toldNote: note || null, updatedAt: new Date() })
      .where(
        and(
          eq(meetingAttendance.meetingId, meetingId),
          eq(meetingAttendance.selfCriticismId, selfCriticismId),
        ),
      );
    await recordAudit(tx, actor, {
      action: 'meeting.absent_told',
      targetType: 'self_criticism',
      targetId: selfCriticismId,
      organizationPath: found.organizationPath,
      changes: { toldAt: { from: null, to: 'set' } },
    });
  });
  return getAttendance(db, actor, meetingId);
}

/**
 * The signed-in member's absences: each meeting they missed with the opinions about them, once the
 * meeting is over. Phone forms only after the form window is closed, as for the committee (S6).
 */
export async function absenceNoticesOf(db: DbOrTx, actor: Actor): Promise<{ items: AbsenceNotice[] }> {
  const personId = await personOf(db, actor);
  if (!personId) return { items: [] };
  await releaseDueWindows(db);
  const absences = await db
    .select({ attendance: meetingAttendance, meeting: meetings, workplaceName: workplaces.name })
    .from(meetingAttendance)
    .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
    .innerJoin(workplaces, eq(workplaces.id, meetings.workplaceId))
    .where(and(eq(meetingAttendance.personId, personId), eq(meetingAttendance.present, false)))
    .orderBy(asc(meetings.startsAt));
  const now = new Date();
  const items: AbsenceNotice[] = [];
  for (const { attendance, meeting, workplaceName } of absences) {
    const held = meeting.agendaStep === 'done';
    const windowState = formWindowState(
      {
        openedAt: meeting.formWindowOpenedAt,
        endsAt: meeting.formWindowEndsAt,
        closedAt: meeting.formWindowClosedAt,
      },
      now,
    );
    const channels = ['oral', 'paper', 'online', 'phone'].filter((channel) =>
      shownToAbsentMember(channel, windowState),
    );
    const opinions = held
      ? await db
          .select({
            channel: feedback.channel,
            area: feedback.area,
            kind: feedback.kind,
            text: feedback.text,
            dissenting: feedback.dissenting,
            speakerName: feedback.speakerName,
            authorName: feedbackForms.authorName,
          })
          .from(feedback)
          .leftJoin(feedbackForms, eq(feedbackForms.id, feedback.formId))
          .where(
            and(
              eq(feedback.meetingId, meeting.id),
              eq(feedback.selfCriticismId, attendance.selfCriticismId),
              inArray(feedback.channel, channels),
            ),
          )
          // Phone rows carry no time: their random ids order them, which reveals nothing.
          .orderBy(asc(feedback.channel), asc(feedback.changeSeq), asc(feedback.id))
      : [];
    items.push({
      meetingId: meeting.id,
      selfCriticismId: attendance.selfCriticismId,
      workplaceName,
      startsAt: meeting.startsAt.toISOString(),
      absenceReason: attendance.absenceReason ?? '',
      absenceReasonValid: attendance.absenceReasonValid ?? false,
      meetingHeld: held,
      phoneFormsIncluded: windowState === 'closed',
      opinions: opinions.map(({ authorName, speakerName, ...opinion }) => ({
        ...opinion,
        channel: opinion.channel as AbsenceNotice['opinions'][number]['channel'],
        kind: opinion.kind as AbsenceNotice['opinions'][number]['kind'],
        speakerName: opinion.channel === 'phone' ? null : (speakerName ?? authorName ?? null),
      })),
      toldAt: attendance.toldAt ? attendance.toldAt.toISOString() : null,
    });
  }
  return { items };
}
