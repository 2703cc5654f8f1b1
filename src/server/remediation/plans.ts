import { and, desc, eq, inArray } from 'drizzle-orm';
import type { RemediationItemView, RemediationPlanView } from '../../contract/remediation.js';
import type { Db } from '../../db/client.js';
import { compilations, meetings, people, remediationItems, selfCriticisms } from '../../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { actorPersonId, planInReach } from './access.js';
import { loadItems, loadPlan } from './read.js';

/** A meeting's plan for the committee, the secretary, the chair, or the masses of the workplace. */
export async function meetingPlan(db: Db, actor: Actor, meetingId: string): Promise<RemediationPlanView> {
  const found = await planInReach(db, actor, meetingId);
  return loadPlan(db, found.meeting, {
    canManage: found.capacity === 'committee',
    canComment: found.capacity === 'masses',
  });
}

/** The signed-in member's own items, across every year's plans. */
export async function myItems(db: Db, actor: Actor): Promise<RemediationItemView[]> {
  const personId = await actorPersonId(db, actor);
  if (!personId) return [];
  const reports = db
    .select({ id: selfCriticisms.id })
    .from(selfCriticisms)
    .where(eq(selfCriticisms.personId, personId));
  return loadItems(db, inArray(remediationItems.responsibleSelfCriticismId, reports));
}

/** For one of the masses with an account: the plans of the workplace they work at, newest first. */
export async function workplacePlans(db: Db, actor: Actor): Promise<RemediationPlanView[]> {
  const personId = await actorPersonId(db, actor);
  if (!personId) return [];
  const rows = await db
    .select({ meeting: meetings })
    .from(people)
    .innerJoin(meetings, eq(meetings.workplaceId, people.workplaceId))
    .innerJoin(compilations, eq(compilations.meetingId, meetings.id))
    .where(and(eq(people.id, personId), eq(people.isPartyMember, false)))
    .orderBy(desc(meetings.startsAt));
  const plans: RemediationPlanView[] = [];
  for (const { meeting } of rows) {
    plans.push(await loadPlan(db, meeting, { canManage: false, canComment: true }));
  }
  return plans;
}
