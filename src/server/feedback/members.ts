import { and, eq } from 'drizzle-orm';
import type { LiveMember } from '../../contract/feedback.js';
import type { DbOrTx } from '../../db/client.js';
import { meetingAttendance, selfCriticisms } from '../../db/schema/index.js';
import { AppError } from '../errors.js';
import type { MeetingRow } from '../meetings/access.js';

const byName = new Intl.Collator('vi');

/** The members who self-criticize at the meeting, in the order the page walks them (by full name). */
export async function meetingMembers(db: DbOrTx, meeting: MeetingRow): Promise<LiveMember[]> {
  const rows = await db
    .select({ report: selfCriticisms, present: meetingAttendance.present })
    .from(selfCriticisms)
    .leftJoin(
      meetingAttendance,
      and(
        eq(meetingAttendance.meetingId, meeting.id),
        eq(meetingAttendance.selfCriticismId, selfCriticisms.id),
      ),
    )
    .where(
      and(eq(selfCriticisms.planId, meeting.planId), eq(selfCriticisms.workplaceId, meeting.workplaceId)),
    );
  return rows
    .map(({ report, present }) => ({
      selfCriticismId: report.id,
      fullName: report.fullName,
      template: report.template as LiveMember['template'],
      partyOffice: report.partyOffice,
      governmentOffice: report.governmentOffice,
      assignedDuty: report.assignedDuty,
      summary: report.summary,
      present: present ?? null,
    }))
    .sort(
      (left, right) =>
        byName.compare(left.fullName, right.fullName) ||
        left.selfCriticismId.localeCompare(right.selfCriticismId),
    );
}

/** An id from the client naming a member: it must be a self-criticism of this meeting (400 otherwise). */
export async function assertMemberOfMeeting(
  db: DbOrTx,
  meeting: MeetingRow,
  selfCriticismId: string | null,
): Promise<void> {
  if (selfCriticismId === null) return;
  const [found] = await db
    .select({ id: selfCriticisms.id })
    .from(selfCriticisms)
    .where(
      and(
        eq(selfCriticisms.id, selfCriticismId),
        eq(selfCriticisms.planId, meeting.planId),
        eq(selfCriticisms.workplaceId, meeting.workplaceId),
      ),
    );
  if (!found) {
    const message = 'Đảng viên được chọn không tự phê bình tại buổi họp này.';
    throw new AppError('bad_request', message, [{ path: 'body.selfCriticismId', message }]);
  }
}
