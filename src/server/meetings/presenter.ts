import { eq } from 'drizzle-orm';
import type { MeetingDetail } from '../../contract/meetings.js';
import type { DbOrTx } from '../../db/client.js';
import { accounts, minutes, organizations, workplaces } from '../../db/schema/index.js';
import { formWindowState } from '../../domain/meetings.js';
import { notFound } from '../errors.js';
import type { MeetingInReach } from './access.js';
import { meetingDeadline } from './deadline.js';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** Meeting row → JSON, with the names a page shows beside it. */
export async function presentMeeting(
  db: DbOrTx,
  { meeting, capacity }: MeetingInReach,
): Promise<MeetingDetail> {
  const [names] = await db
    .select({
      workplaceName: workplaces.name,
      organizationName: organizations.name,
      secretaryName: accounts.displayName,
    })
    .from(workplaces)
    .innerJoin(organizations, eq(organizations.id, meeting.organizationId))
    .innerJoin(accounts, eq(accounts.id, meeting.secretaryAccountId))
    .where(eq(workplaces.id, meeting.workplaceId));
  if (!names) throw notFound('buổi họp');
  const [locked] = await db
    .select({ lockedAt: minutes.lockedAt })
    .from(minutes)
    .where(eq(minutes.meetingId, meeting.id));
  const window = {
    openedAt: meeting.formWindowOpenedAt,
    endsAt: meeting.formWindowEndsAt,
    closedAt: meeting.formWindowClosedAt,
  };
  return {
    id: meeting.id,
    planId: meeting.planId,
    workplaceId: meeting.workplaceId,
    ...names,
    organizationId: meeting.organizationId,
    deadline: await meetingDeadline(db, meeting.planId, meeting.workplaceId),
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    place: meeting.place,
    chairName: meeting.chairName,
    chairAccountId: meeting.chairAccountId,
    secretaryAccountId: meeting.secretaryAccountId,
    delegates: meeting.delegates,
    massesPresent: meeting.massesPresent,
    massesPresentNames: meeting.massesPresentNames,
    agendaStep: meeting.agendaStep as MeetingDetail['agendaStep'],
    agendaSelfCriticismId: meeting.agendaSelfCriticismId,
    heldAt: iso(meeting.heldAt),
    formWindow: {
      state: formWindowState(window, new Date()),
      openedAt: iso(window.openedAt),
      endsAt: iso(window.endsAt),
      closedAt: iso(window.closedAt),
    },
    minutesLocked: Boolean(locked?.lockedAt),
    capacity,
    version: meeting.version,
  };
}
