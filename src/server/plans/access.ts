import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations, plans } from '../../db/schema/index.js';
import { mayIssuePlan } from '../../domain/plans.js';
import type { Role } from '../../domain/roles.js';
import type { Actor } from '../auth/actor.js';
import { EVERYONE } from '../auth/roles.js';
import { forbidden, notFound } from '../errors.js';

export type PlanRow = typeof plans.$inferSelect;

export interface IssuedPlan {
  plan: PlanRow;
  organizationPath: string;
  organizationName: string;
}

/** Officers who read the per-workplace determinations: counts come from rosters, which they keep. */
export const DETERMINATION_READERS: readonly Role[] = ['administrator', 'organization-board', 'committee'];
/** DESIGN step 2: the committee of the workplace's organization corrects a wrong determination. */
export const DETERMINATION_CORRECTORS: readonly Role[] = ['committee'];

/** Issued by an organization inside the actor's reach. */
export function isIssuedHere(actor: Actor, issuerPath: string): boolean {
  return actor.reaches(EVERYONE, issuerPath);
}

/** Issued at or above one of the actor's organizations: the plan covers them (a cell reads its bloc's plan). */
export function appliesTo(actor: Actor, issuerPath: string): boolean {
  return actor.grants.some((grant) => grant.organizationPath.startsWith(issuerPath));
}

/** A draft stays with those who write it; a published plan is read by its subtree and by those it covers. */
export function mayReadPlan(actor: Actor, status: string, issuerPath: string): boolean {
  if (status === 'draft') return mayIssuePlan(actor.grants, issuerPath);
  return isIssuedHere(actor, issuerPath) || appliesTo(actor, issuerPath);
}

export function planPermissions(actor: Actor, plan: PlanRow, issuerPath: string, derivable: boolean) {
  const issuer = mayIssuePlan(actor.grants, issuerPath);
  const published = plan.status === 'published';
  const draft = plan.status === 'draft';
  return {
    edit: issuer && draft,
    publish: issuer && draft,
    changeDeadlines: issuer && published,
    derive: published && derivable,
  };
}

/** The plan by id with its issuer, when it exists (404) and the actor may read it (403). */
export async function planInScope(db: DbOrTx, actor: Actor, id: string): Promise<IssuedPlan> {
  const [row] = await db
    .select({ plan: plans, organizationPath: organizations.path, organizationName: organizations.name })
    .from(plans)
    .innerJoin(organizations, eq(organizations.id, plans.organizationId))
    .where(eq(plans.id, id));
  if (!row) throw notFound('kế hoạch');
  if (!mayReadPlan(actor, row.plan.status, row.organizationPath)) throw forbidden();
  return row;
}

/** The plan for writing: readable (404, 403), and the actor issues plans at its organization (403). */
export async function planForIssuer(db: DbOrTx, actor: Actor, id: string): Promise<IssuedPlan> {
  const issued = await planInScope(db, actor, id);
  if (!mayIssuePlan(actor.grants, issued.organizationPath)) throw forbidden();
  return issued;
}
