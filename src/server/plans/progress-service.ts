import { eq, inArray, sql } from 'drizzle-orm';
import type { PlanProgress, ProgressRow } from '../../contract/progress.js';
import { type Db, queryRows } from '../../db/client.js';
import { organizations, plans } from '../../db/schema/index.js';
import { depthOf, idsOnPath, isWithin } from '../../domain/organization-path.js';
import { latenessOf, type ProgressCounts, vietnamToday } from '../../domain/progress.js';
import type { Role } from '../../domain/roles.js';
import type { Actor } from '../auth/actor.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { organizationInScope } from '../organizations/access.js';

/** DESIGN, roles: the organization board and the committee follow progress of their subtree; administrators too. */
export const PROGRESS_READERS: readonly Role[] = ['administrator', 'organization-board', 'committee'];

type PlanRow = typeof plans.$inferSelect;

interface CoveredNode {
  id: string;
  path: string;
}

/** The plan and its issuer (404), when the actor follows progress at or below its issuer (403). */
async function planForProgress(db: Db, actor: Actor, planId: string) {
  const [row] = await db
    .select({ plan: plans, issuerPath: organizations.path, issuerName: organizations.name })
    .from(plans)
    .innerJoin(organizations, eq(organizations.id, plans.organizationId))
    .where(eq(plans.id, planId));
  if (!row) throw notFound('kế hoạch');
  const roots = actor.scopeRoots(PROGRESS_READERS);
  const related = roots.some((root) => isWithin(row.issuerPath, root) || isWithin(root, row.issuerPath));
  if (!related) throw forbidden();
  if (row.plan.status !== 'published')
    throw new AppError('conflict', 'Kế hoạch chưa ban hành nên chưa có tiến độ thực hiện.');
  return row;
}

/** The actor's topmost organization inside the plan: its issuer when the actor reaches it. */
function defaultNode(actor: Actor, issuerPath: string): CoveredNode {
  const roots = actor.scopeRoots(PROGRESS_READERS);
  const path = roots.some((root) => isWithin(issuerPath, root))
    ? issuerPath
    : roots.filter((root) => isWithin(root, issuerPath)).sort((a, b) => a.length - b.length)[0]!;
  return { id: idsOnPath(path).at(-1)!, path };
}

async function chosenNode(db: Db, actor: Actor, organizationId: string, issuerPath: string) {
  const organization = await organizationInScope(db, actor, organizationId, PROGRESS_READERS);
  if (!isWithin(organization.path, issuerPath))
    throw new AppError('unprocessable', 'Tổ chức này không thuộc phạm vi của kế hoạch.');
  return organization;
}

/** The organizations from the topmost one above the node that the actor sees in the plan, down to its parent. */
async function trailTo(db: Db, actor: Actor, node: CoveredNode, issuerPath: string) {
  const roots = actor.scopeRoots(PROGRESS_READERS);
  const top = roots.some((root) => isWithin(issuerPath, root))
    ? issuerPath
    : roots.find((root) => isWithin(node.path, root))!;
  const ids = idsOnPath(node.path).slice(depthOf(top), -1);
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)!);
}

interface CountedOrganization extends ProgressCounts, Record<string, unknown> {
  id: string;
  name: string;
  kind: string;
  has_children: boolean;
}

/** The node and its children with their rollup rows; an organization without a row has zeros. */
function countedOrganizations(db: Db, planId: string, nodeId: string) {
  return queryRows<CountedOrganization>(
    db,
    sql`
      select o.id, o.name, o.kind,
             exists(select 1 from organizations c where c.parent_id = o.id) as has_children,
             coalesce(pp.workplaces, 0) as workplaces, coalesce(pp.required, 0) as required,
             coalesce(pp.exempt, 0) as exempt, coalesce(pp.scheduled, 0) as scheduled,
             coalesce(pp.held, 0) as held, coalesce(pp.minutes_signed, 0) as "minutesSigned",
             coalesce(pp.compiled, 0) as compiled, coalesce(pp.reported, 0) as reported
      from organizations o
      left join plan_progress pp on pp.plan_id = ${planId} and pp.organization_id = o.id
      where o.id = ${nodeId}
         or (o.parent_id = ${nodeId} and (o.closed_at is null or pp.organization_id is not null))
      order by o.name_search`,
  );
}

function progressRow(row: CountedOrganization, plan: PlanRow, today: string): ProgressRow {
  const counts: ProgressCounts = {
    workplaces: row.workplaces,
    required: row.required,
    exempt: row.exempt,
    scheduled: row.scheduled,
    held: row.held,
    minutesSigned: row.minutesSigned,
    compiled: row.compiled,
    reported: row.reported,
  };
  return {
    organization: { id: row.id, name: row.name, kind: row.kind, hasChildren: row.has_children },
    counts,
    ...latenessOf(counts, row.kind, plan, today),
  };
}

/**
 * The progress figure of one organization for a plan and of its direct children, read from the
 * maintained rollup (QUALITY P2: never counted from scratch per request), with the late flags.
 */
export async function readPlanProgress(
  db: Db,
  actor: Actor,
  planId: string,
  organizationId?: string,
  now = new Date(),
): Promise<PlanProgress> {
  const { plan, issuerPath, issuerName } = await planForProgress(db, actor, planId);
  const node = organizationId
    ? await chosenNode(db, actor, organizationId, issuerPath)
    : defaultNode(actor, issuerPath);
  const [rows, trail] = await Promise.all([
    countedOrganizations(db, planId, node.id),
    trailTo(db, actor, node, issuerPath),
  ]);
  const today = vietnamToday(now);
  const nodeRow = rows.find((row) => row.id === node.id)!;
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      number: plan.number,
      symbol: plan.symbol,
      organizationId: plan.organizationId,
      organizationName: issuerName,
      meetingsDueOn: plan.meetingsDueOn,
      baseReportsDueOn: plan.baseReportsDueOn,
      upwardReportDueOn: plan.upwardReportDueOn,
    },
    today,
    trail,
    node: progressRow(nodeRow, plan, today),
    children: rows.filter((row) => row !== nodeRow).map((row) => progressRow(row, plan, today)),
  };
}
