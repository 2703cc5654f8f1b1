import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { selfCriticisms } from '../../db/schema/index.js';
import { AppError } from '../errors.js';
import type { MeetingRow } from '../meetings/access.js';

export interface MeetingMember {
  selfCriticismId: string;
  personId: string;
  fullName: string;
  duties: string;
  strengths: string;
  shortcomings: string;
}

/**
 * What the masses read about a member: the committee's summary, and when it has not written the
 * duties, the member's own office or assigned duty.
 */
function dutiesOf(row: {
  summary: { duties: string };
  partyOffice: string;
  governmentOffice: string;
  assignedDuty: string;
}): string {
  const written = row.summary.duties.trim();
  if (written) return written;
  return [row.partyOffice, row.governmentOffice, row.assignedDuty]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(', ');
}

/** The members who self-criticize at this meeting: the reports of its plan and workplace, by name. */
export async function meetingMembers(db: DbOrTx, meeting: Pick<MeetingRow, 'planId' | 'workplaceId'>) {
  const rows = await db
    .select({
      id: selfCriticisms.id,
      personId: selfCriticisms.personId,
      fullName: selfCriticisms.fullName,
      summary: selfCriticisms.summary,
      partyOffice: selfCriticisms.partyOffice,
      governmentOffice: selfCriticisms.governmentOffice,
      assignedDuty: selfCriticisms.assignedDuty,
    })
    .from(selfCriticisms)
    .where(
      and(eq(selfCriticisms.planId, meeting.planId), eq(selfCriticisms.workplaceId, meeting.workplaceId)),
    )
    .orderBy(asc(selfCriticisms.fullName), asc(selfCriticisms.id));
  return rows.map(
    (row): MeetingMember => ({
      selfCriticismId: row.id,
      personId: row.personId,
      fullName: row.fullName,
      duties: dutiesOf(row),
      strengths: row.summary.strengths,
      shortcomings: row.summary.shortcomings,
    }),
  );
}

/** A self-criticism id from a body must be one of this meeting's members (never trusted as sent). */
export async function memberOfMeeting(
  db: DbOrTx,
  meeting: Pick<MeetingRow, 'planId' | 'workplaceId'>,
  selfCriticismId: string,
): Promise<{ id: string; fullName: string }> {
  const [row] = await db
    .select({ id: selfCriticisms.id, fullName: selfCriticisms.fullName })
    .from(selfCriticisms)
    .where(
      and(
        eq(selfCriticisms.id, selfCriticismId),
        eq(selfCriticisms.planId, meeting.planId),
        eq(selfCriticisms.workplaceId, meeting.workplaceId),
      ),
    );
  if (!row) {
    throw new AppError('bad_request', 'Đảng viên này không tự phê bình tại buổi họp này.', [
      { path: 'body.selfCriticismId', message: 'Chọn một đảng viên của buổi họp.' },
    ]);
  }
  return row;
}
