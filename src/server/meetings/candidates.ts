import { and, asc, eq, isNull } from 'drizzle-orm';
import type { MeetingCandidates } from '../../contract/meetings.js';
import type { DbOrTx } from '../../db/client.js';
import { accounts, people, roleAssignments } from '../../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { employedTodaySql } from '../people/employment.js';
import { workplaceForMeeting } from './schedule.js';

/**
 * Who the committee may pick: the secretary is any account of a person working at the workplace;
 * the chair is one of those or a committee member of the workplace's organization. The same rule
 * as `assertMeetingAccounts`, listed for the pickers.
 */
export async function meetingCandidates(
  db: DbOrTx,
  actor: Actor,
  planId: string,
  workplaceId: string,
): Promise<MeetingCandidates> {
  const place = await workplaceForMeeting(db, actor, planId, workplaceId);
  const workers = await db
    .select({ accountId: accounts.id, displayName: accounts.displayName, username: accounts.username })
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.personId))
    .where(and(eq(people.workplaceId, place.workplaceId), employedTodaySql(), isNull(accounts.disabledAt)))
    .orderBy(asc(accounts.displayName), asc(accounts.username));
  const committee = await db
    .selectDistinct({
      accountId: accounts.id,
      displayName: accounts.displayName,
      username: accounts.username,
    })
    .from(roleAssignments)
    .innerJoin(accounts, eq(accounts.id, roleAssignments.accountId))
    .where(
      and(
        eq(roleAssignments.role, 'committee'),
        eq(roleAssignments.organizationId, place.organizationId),
        isNull(accounts.disabledAt),
      ),
    )
    .orderBy(asc(accounts.displayName), asc(accounts.username));
  const committeeIds = new Set(committee.map((row) => row.accountId));
  const workerIds = new Set(workers.map((row) => row.accountId));
  const secretaries = workers.map((row) => ({
    ...row,
    worksHere: true,
    onCommittee: committeeIds.has(row.accountId),
  }));
  const chairs = [
    ...secretaries,
    ...committee
      .filter((row) => !workerIds.has(row.accountId))
      .map((row) => ({ ...row, worksHere: false, onCommittee: true })),
  ];
  return { workplaceName: place.workplaceName, required: place.required, secretaries, chairs };
}
