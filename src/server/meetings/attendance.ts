import { and, asc, eq, sql } from 'drizzle-orm';
import type { MeetingAttendance, SaveAttendanceBody } from '../../contract/meetings.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { accounts, meetingAttendance, meetings, selfCriticisms } from '../../db/schema/index.js';
import { type AgendaStep, attendanceIssues } from '../../domain/meetings.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, forbidden, staleVersion } from '../errors.js';
import { type MeetingRow, meetingForRecorder } from './access.js';

/** The members who self-criticize at a meeting: the reports of its plan and workplace. */
export function meetingReports(db: DbOrTx, meeting: Pick<MeetingRow, 'planId' | 'workplaceId'>) {
  return db
    .select({ id: selfCriticisms.id, personId: selfCriticisms.personId })
    .from(selfCriticisms)
    .where(
      and(eq(selfCriticisms.planId, meeting.planId), eq(selfCriticisms.workplaceId, meeting.workplaceId)),
    );
}

async function presentAttendance(db: DbOrTx, meeting: MeetingRow): Promise<MeetingAttendance> {
  const rows = await db
    .select({
      selfCriticismId: selfCriticisms.id,
      personId: selfCriticisms.personId,
      fullName: selfCriticisms.fullName,
      template: selfCriticisms.template,
      present: meetingAttendance.present,
      absenceReason: meetingAttendance.absenceReason,
      absenceReasonValid: meetingAttendance.absenceReasonValid,
      toldAt: meetingAttendance.toldAt,
      toldNote: meetingAttendance.toldNote,
      toldByName: accounts.displayName,
    })
    .from(selfCriticisms)
    .leftJoin(
      meetingAttendance,
      and(
        eq(meetingAttendance.meetingId, meeting.id),
        eq(meetingAttendance.selfCriticismId, selfCriticisms.id),
      ),
    )
    .leftJoin(accounts, eq(accounts.id, meetingAttendance.toldBy))
    .where(
      and(eq(selfCriticisms.planId, meeting.planId), eq(selfCriticisms.workplaceId, meeting.workplaceId)),
    )
    .orderBy(asc(selfCriticisms.fullName), asc(selfCriticisms.id));
  return {
    meetingId: meeting.id,
    version: meeting.version,
    agendaStep: meeting.agendaStep as AgendaStep,
    members: rows.map((row) => ({
      ...row,
      template: row.template as 'with_office' | 'without_office',
      present: row.present ?? null,
      absenceReason: row.absenceReason ?? null,
      absenceReasonValid: row.absenceReasonValid ?? null,
      toldAt: row.toldAt ? row.toldAt.toISOString() : null,
      toldNote: row.toldNote ?? null,
      toldByName: row.toldByName ?? null,
    })),
    massesPresent: meeting.massesPresent,
    massesPresentNames: meeting.massesPresentNames,
  };
}

/** Attendance for those who run or record the meeting; officers above do not read reasons of absence. */
export async function getAttendance(db: DbOrTx, actor: Actor, meetingId: string): Promise<MeetingAttendance> {
  const { meeting } = await meetingForRecorder(db, actor, meetingId);
  return presentAttendance(db, meeting);
}

/**
 * The committee or the secretary marks attendance: member rows upserted and the masses count on
 * the meeting, in one transaction under the meeting's version (R3).
 */
export async function saveAttendance(
  db: Db,
  actor: Actor,
  meetingId: string,
  body: SaveAttendanceBody,
): Promise<MeetingAttendance> {
  return db.transaction(async (tx) => {
    await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).for('update');
    const found = await meetingForRecorder(tx, actor, meetingId);
    if (found.capacity === 'chair') throw forbidden();
    const { meeting } = found;
    if (meeting.version !== body.version) throw staleVersion();
    const reports = await meetingReports(tx, meeting);
    const personOf = new Map(reports.map((report) => [report.id, report.personId]));
    const issues = attendanceIssues(
      body.members,
      body.massesPresent,
      body.massesPresentNames,
      new Set(personOf.keys()),
    );
    const [first] = issues;
    if (first) throw new AppError('bad_request', first.message, issues);
    for (const mark of body.members) {
      const values = {
        present: mark.present,
        absenceReason: mark.present ? null : (mark.absenceReason ?? null),
        absenceReasonValid: mark.present ? null : (mark.absenceReasonValid ?? null),
      };
      await tx
        .insert(meetingAttendance)
        .values({
          meetingId,
          selfCriticismId: mark.selfCriticismId,
          personId: personOf.get(mark.selfCriticismId) as string,
          ...values,
        })
        .onConflictDoUpdate({
          target: [meetingAttendance.meetingId, meetingAttendance.selfCriticismId],
          set: {
            ...values,
            // A member marked present after all has nothing to be told.
            ...(mark.present ? { toldAt: null, toldBy: null, toldNote: null } : {}),
            updatedAt: sql`now()`,
          },
        });
    }
    const [updated] = await tx
      .update(meetings)
      .set({
        massesPresent: body.massesPresent,
        massesPresentNames: body.massesPresentNames,
        version: meeting.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(meetings.id, meetingId), eq(meetings.version, body.version)))
      .returning();
    if (!updated) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'meeting.attendance',
      targetType: 'meeting',
      targetId: meetingId,
      organizationPath: found.organizationPath,
      // Counts only: reasons of absence are personal.
      changes: {
        absent: { from: null, to: body.members.filter((mark) => !mark.present).length },
        massesPresent: { from: meeting.massesPresent, to: body.massesPresent },
      },
    });
    return presentAttendance(tx, updated);
  });
}
