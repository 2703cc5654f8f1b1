import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  accounts,
  compilations,
  meetings,
  organizations,
  people,
  remediationItems,
  selfCriticisms,
} from '../../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound } from '../errors.js';
import { type MeetingRow, meetingCapacity } from '../meetings/access.js';

export type RemediationItemRow = typeof remediationItems.$inferSelect;

/**
 * How the actor stands towards a meeting's remediation plan. DESIGN roles: the committee runs it,
 * the secretary and the chair follow it, the masses of the workplace supervise it; a member only
 * reaches the items they answer for.
 */
export type PlanCapacity = 'committee' | 'secretary' | 'chair' | 'masses';

export interface PlanInReach {
  meeting: MeetingRow;
  organizationPath: string;
  capacity: PlanCapacity;
}

/** The person behind the signed-in account, if any. */
export async function actorPersonId(db: DbOrTx, actor: Actor): Promise<string | null> {
  const [row] = await db
    .select({ personId: accounts.personId })
    .from(accounts)
    .where(eq(accounts.id, actor.accountId));
  return row?.personId ?? null;
}

/** Whether the actor is one of the masses (a non-member working there) of the workplace. */
async function isMassesOf(db: DbOrTx, actor: Actor, workplaceId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: people.id })
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.personId))
    .where(
      and(
        eq(accounts.id, actor.accountId),
        eq(people.workplaceId, workplaceId),
        eq(people.isPartyMember, false),
      ),
    );
  return Boolean(row);
}

async function capacityTowards(
  db: DbOrTx,
  actor: Actor,
  meeting: MeetingRow,
  organizationPath: string,
): Promise<PlanCapacity | null> {
  const capacity = meetingCapacity(actor, meeting, organizationPath);
  if (capacity && capacity !== 'reader') return capacity;
  return (await isMassesOf(db, actor, meeting.workplaceId)) ? 'masses' : null;
}

/** The meeting whose plan the actor may read (404 unknown, 403 outside). */
export async function planInReach(db: DbOrTx, actor: Actor, meetingId: string): Promise<PlanInReach> {
  const [row] = await db
    .select({ meeting: meetings, organizationPath: organizations.path })
    .from(meetings)
    .innerJoin(organizations, eq(organizations.id, meetings.organizationId))
    .where(eq(meetings.id, meetingId));
  if (!row) throw notFound('buổi họp');
  const capacity = await capacityTowards(db, actor, row.meeting, row.organizationPath);
  if (!capacity) throw forbidden();
  return { ...row, capacity };
}

export type ItemCapacity = PlanCapacity | 'responsible';

export interface ItemInReach {
  item: RemediationItemRow;
  meeting: MeetingRow;
  organizationPath: string;
  capacity: ItemCapacity;
}

/**
 * The item by id (404), with how the actor stands towards it (403 when not at all). The member
 * it names stands as 'responsible' unless they also run the plan as its committee.
 */
export async function itemInReach(db: DbOrTx, actor: Actor, itemId: string): Promise<ItemInReach> {
  const [row] = await db
    .select({
      item: remediationItems,
      meeting: meetings,
      organizationPath: organizations.path,
      responsiblePersonId: selfCriticisms.personId,
    })
    .from(remediationItems)
    .innerJoin(compilations, eq(compilations.id, remediationItems.compilationId))
    .innerJoin(meetings, eq(meetings.id, compilations.meetingId))
    .innerJoin(organizations, eq(organizations.id, meetings.organizationId))
    .leftJoin(selfCriticisms, eq(selfCriticisms.id, remediationItems.responsibleSelfCriticismId))
    .where(eq(remediationItems.id, itemId));
  if (!row) throw notFound('việc khắc phục');
  const { responsiblePersonId, ...found } = row;
  const capacity = await capacityTowards(db, actor, row.meeting, row.organizationPath);
  if (capacity === 'committee') return { ...found, capacity };
  if (responsiblePersonId && responsiblePersonId === (await actorPersonId(db, actor))) {
    return { ...found, capacity: 'responsible' };
  }
  if (!capacity) throw forbidden();
  return { ...found, capacity };
}

/** Who may write progress notes: the committee on any item, the member on their own. */
export async function itemForProgress(db: DbOrTx, actor: Actor, itemId: string): Promise<ItemInReach> {
  const found = await itemInReach(db, actor, itemId);
  if (found.capacity !== 'committee' && found.capacity !== 'responsible') throw forbidden();
  return found;
}

export async function itemForCommittee(db: DbOrTx, actor: Actor, itemId: string): Promise<ItemInReach> {
  const found = await itemInReach(db, actor, itemId);
  if (found.capacity !== 'committee') throw forbidden();
  return found;
}
