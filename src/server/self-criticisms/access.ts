import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { accounts, organizations, plans, selfCriticisms, workplaces } from '../../db/schema/index.js';
import type { Role } from '../../domain/roles.js';
import type { SelfCriticismCapacity } from '../../domain/self-criticism.js';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound } from '../errors.js';

export type SelfCriticismRow = typeof selfCriticisms.$inferSelect;

/** A report with the paths its policy looks at and the plan list its answer refers to. */
export interface LocatedReport {
  report: SelfCriticismRow;
  cellPath: string;
  workplaceOrganizationPath: string;
  manifestations: string[];
}

/** Officers above the cell: they follow how far reports have got, not what members wrote. */
export const STATUS_READERS: readonly Role[] = ['administrator', 'organization-board', 'committee'];

const cell = alias(organizations, 'cell');
const workplaceOrganization = alias(organizations, 'workplace_organization');

export const selectLocated = (db: DbOrTx) =>
  db
    .select({
      report: selfCriticisms,
      cellPath: cell.path,
      workplaceOrganizationPath: workplaceOrganization.path,
      manifestations: plans.manifestations,
    })
    .from(selfCriticisms)
    .innerJoin(cell, eq(cell.id, selfCriticisms.cellId))
    .innerJoin(workplaces, eq(workplaces.id, selfCriticisms.workplaceId))
    .innerJoin(workplaceOrganization, eq(workplaceOrganization.id, workplaces.organizationId))
    .innerJoin(plans, eq(plans.id, selfCriticisms.planId));

export async function personOf(db: DbOrTx, actor: Actor): Promise<string | null> {
  const [row] = await db
    .select({ personId: accounts.personId })
    .from(accounts)
    .where(eq(accounts.id, actor.accountId));
  return row?.personId ?? null;
}

/**
 * DESIGN roles: the member writes their own report; the committee of the member's cell (or of the
 * workplace's organization) reviews it. A committee higher up holds no role at that cell, so it is
 * "other" here and sees the status only.
 */
export function capacityOf(
  actor: Actor,
  personId: string | null,
  located: LocatedReport,
): SelfCriticismCapacity {
  if (personId !== null && personId === located.report.personId) return 'author';
  const atThisCell = actor.grants.some(
    (grant) =>
      grant.role === 'committee' &&
      (grant.organizationPath === located.cellPath ||
        grant.organizationPath === located.workplaceOrganizationPath),
  );
  return atThisCell ? 'committee' : 'other';
}

export function readsStatus(actor: Actor, located: LocatedReport): boolean {
  return (
    actor.reaches(STATUS_READERS, located.cellPath) ||
    actor.reaches(STATUS_READERS, located.workplaceOrganizationPath)
  );
}

export interface ReportInReach extends LocatedReport {
  capacity: SelfCriticismCapacity;
  contentVisible: boolean;
}

/** The report by id (404) when the actor may at least see its status (403). */
export async function reportInReach(db: DbOrTx, actor: Actor, id: string): Promise<ReportInReach> {
  const [located] = await selectLocated(db).where(eq(selfCriticisms.id, id));
  if (!located) throw notFound('bản tự phê bình');
  const capacity = capacityOf(actor, await personOf(db, actor), located);
  const contentVisible = capacity !== 'other';
  if (!contentVisible && !readsStatus(actor, located)) throw forbidden();
  return { ...located, capacity, contentVisible };
}
