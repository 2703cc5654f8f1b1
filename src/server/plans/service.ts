import { and, asc, desc, eq, inArray, isNull, like, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { accounts, organizations, planDeadlineChanges, plans } from '../../db/schema/index.js';
import { mayDerivePlan, PLAN_ISSUERS } from '../../domain/plans.js';
import type { Actor } from '../auth/actor.js';
import { EVERYONE } from '../auth/roles.js';
import { organizationInScope } from '../organizations/access.js';
import { documentNames } from '../organizations/document-names.js';
import { type IssuedPlan, mayReadPlan, planInScope } from './access.js';
import { hasChildOrganizations } from './content.js';
import { determiningPlanId } from './plan-chain.js';
import type { DeadlineChangeRow } from './presenter.js';
import { planTemplateFor } from './template.js';

const issuedPlanColumns = {
  plan: plans,
  organizationPath: organizations.path,
  organizationName: organizations.name,
};

/** Every organization from the root down to each of the actor's own: the plans issued there cover them. */
function pathsAboveGrants(actor: Actor): string[] {
  const paths = new Set<string>();
  for (const grant of actor.grants) {
    const ids = grant.organizationPath.split('/').filter(Boolean);
    for (let length = 1; length <= ids.length; length++) paths.add(`/${ids.slice(0, length).join('/')}/`);
  }
  return [...paths];
}

const within = (roots: string[]): SQL | undefined =>
  roots.length ? or(...roots.map((root) => like(organizations.path, `${root}%`))) : undefined;

/** The plans the actor may read: published ones of its reach or above it, drafts where it issues plans. */
function readablePlans(actor: Actor): SQL | undefined {
  const above = pathsAboveGrants(actor);
  const published = [
    within(actor.scopeRoots(EVERYONE)),
    above.length ? inArray(organizations.path, above) : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
  const drafts = within(actor.scopeRoots(PLAN_ISSUERS));
  return or(
    published.length ? and(inArray(plans.status, ['published', 'replaced']), or(...published)) : undefined,
    drafts ? and(eq(plans.status, 'draft'), drafts) : undefined,
  );
}

export async function listPlans(
  db: DbOrTx,
  actor: Actor,
  filter: { organizationId?: string; year?: number },
): Promise<IssuedPlan[]> {
  const readable = readablePlans(actor);
  if (!readable) return [];
  return db
    .select(issuedPlanColumns)
    .from(plans)
    .innerJoin(organizations, eq(organizations.id, plans.organizationId))
    .where(
      and(
        readable,
        filter.organizationId ? eq(plans.organizationId, filter.organizationId) : undefined,
        filter.year ? eq(plans.year, filter.year) : undefined,
      ),
    )
    .orderBy(desc(plans.year), asc(organizations.path), desc(plans.createdAt));
}

export async function derivedPlansOf(db: DbOrTx, actor: Actor, planId: string): Promise<IssuedPlan[]> {
  const rows = await db
    .select(issuedPlanColumns)
    .from(plans)
    .innerJoin(organizations, eq(organizations.id, plans.organizationId))
    .where(eq(plans.parentPlanId, planId))
    .orderBy(asc(organizations.path), asc(plans.createdAt));
  return rows.filter((row) => mayReadPlan(actor, row.plan.status, row.organizationPath));
}

async function deadlineChangesOf(db: DbOrTx, planId: string): Promise<DeadlineChangeRow[]> {
  return db
    .select({
      id: planDeadlineChanges.id,
      deadline: planDeadlineChanges.deadline,
      fromDate: planDeadlineChanges.fromDate,
      toDate: planDeadlineChanges.toDate,
      reason: planDeadlineChanges.reason,
      changedBy: accounts.displayName,
      at: planDeadlineChanges.at,
    })
    .from(planDeadlineChanges)
    .leftJoin(accounts, eq(accounts.id, planDeadlineChanges.accountId))
    .where(eq(planDeadlineChanges.planId, planId))
    .orderBy(asc(planDeadlineChanges.at));
}

/**
 * Seed IV.1: the organizations that may derive a plan are the reader's own, below the issuer, that
 * direct organizations of their own (a base committee for its cells).
 */
async function derivableOrganizations(db: DbOrTx, actor: Actor, issuerPath: string) {
  const own = actor.grants
    .filter((grant) => mayDerivePlan([grant], issuerPath, grant.organizationPath))
    .map((grant) => grant.organizationPath);
  if (own.length === 0) return [];
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(inArray(organizations.path, own), isNull(organizations.closedAt), hasChildOrganizations))
    .orderBy(asc(organizations.path));
}

/** The plan with what surrounds it: its parent, the derived plans the actor may read, deadline history. */
export async function getPlan(db: DbOrTx, actor: Actor, id: string) {
  const issued = await planInScope(db, actor, id);
  const parentId = issued.plan.parentPlanId;
  const [parent] = parentId
    ? await db
        .select(issuedPlanColumns)
        .from(plans)
        .innerJoin(organizations, eq(organizations.id, plans.organizationId))
        .where(eq(plans.id, parentId))
    : [];
  const [standing] =
    issued.plan.status === 'draft'
      ? await db
          .select(issuedPlanColumns)
          .from(plans)
          .innerJoin(organizations, eq(organizations.id, plans.organizationId))
          .where(
            and(
              eq(plans.organizationId, issued.plan.organizationId),
              eq(plans.year, issued.plan.year),
              eq(plans.status, 'published'),
            ),
          )
      : [];
  const [replacedBy] =
    issued.plan.status === 'replaced'
      ? await db
          .select(issuedPlanColumns)
          .from(plans)
          .innerJoin(organizations, eq(organizations.id, plans.organizationId))
          .where(eq(plans.replacesPlanId, issued.plan.id))
      : [];
  return {
    issued,
    related: {
      parent: parent ?? null,
      standing: standing ?? null,
      replacedBy: replacedBy ?? null,
      derived: await derivedPlansOf(db, actor, id),
      deadlineChanges: await deadlineChangesOf(db, id),
      determiningPlanId: await determiningPlanId(db, issued.plan),
      documentHeader: (await documentNames(db, issued.plan.organizationId)).header,
      derivableOrganizations:
        issued.plan.status === 'published'
          ? await derivableOrganizations(db, actor, issued.organizationPath)
          : [],
    },
  };
}

export async function getPlanTemplate(
  db: DbOrTx,
  actor: Actor,
  organizationId: string,
  year: number | undefined,
  today: string,
) {
  const organization = await organizationInScope(db, actor, organizationId, PLAN_ISSUERS);
  const names = await documentNames(db, organizationId);
  return planTemplateFor(organization, names, year ?? Number(today.slice(0, 4)), today);
}
