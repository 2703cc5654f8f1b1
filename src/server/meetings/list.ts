import { and, count, desc, eq, inArray, isNotNull, or, type SQL } from 'drizzle-orm';
import type { MeetingList } from '../../contract/meetings.js';
import type { DbOrTx } from '../../db/client.js';
import { meetings, minutes, organizations, plans, workplaces } from '../../db/schema/index.js';
import type { AgendaStep } from '../../domain/meetings.js';
import type { Actor } from '../auth/actor.js';

/**
 * The meetings the actor takes part in: those its committee runs (the committee's own
 * organization, not those below it), and those where it is the secretary or the chair.
 */
export async function listMyMeetings(
  db: DbOrTx,
  actor: Actor,
  page: { page: number; pageSize: number },
): Promise<MeetingList> {
  const committeeOrganizations = actor.grants
    .filter((grant) => grant.role === 'committee')
    .map((grant) => grant.organizationId);
  const takesPart = or(
    eq(meetings.secretaryAccountId, actor.accountId),
    and(isNotNull(meetings.chairAccountId), eq(meetings.chairAccountId, actor.accountId)),
    committeeOrganizations.length > 0 ? inArray(meetings.organizationId, committeeOrganizations) : undefined,
  ) as SQL;
  const [total] = await db.select({ total: count() }).from(meetings).where(takesPart);
  const rows = await db
    .select({
      meeting: meetings,
      planYear: plans.year,
      planNumber: plans.number,
      planSymbol: plans.symbol,
      workplaceName: workplaces.name,
      organizationName: organizations.name,
      lockedAt: minutes.lockedAt,
    })
    .from(meetings)
    .innerJoin(plans, eq(plans.id, meetings.planId))
    .innerJoin(workplaces, eq(workplaces.id, meetings.workplaceId))
    .innerJoin(organizations, eq(organizations.id, meetings.organizationId))
    .leftJoin(minutes, eq(minutes.meetingId, meetings.id))
    .where(takesPart)
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return {
    items: rows.map((row) => {
      const { meeting } = row;
      const capacity = committeeOrganizations.includes(meeting.organizationId)
        ? 'committee'
        : meeting.secretaryAccountId === actor.accountId
          ? 'secretary'
          : 'chair';
      return {
        id: meeting.id,
        planId: meeting.planId,
        planYear: row.planYear,
        planNumber: row.planNumber ? `${row.planNumber}-${row.planSymbol}` : row.planSymbol,
        workplaceId: meeting.workplaceId,
        workplaceName: row.workplaceName,
        organizationName: row.organizationName,
        startsAt: meeting.startsAt.toISOString(),
        endsAt: meeting.endsAt.toISOString(),
        place: meeting.place,
        agendaStep: meeting.agendaStep as AgendaStep,
        minutesLocked: Boolean(row.lockedAt),
        capacity,
      };
    }),
    total: total?.total ?? 0,
    page: page.page,
    pageSize: page.pageSize,
  };
}
