import { sql } from 'drizzle-orm';
import type { PlanProgress, ProgressRow } from '../../contract/progress.js';
import { type Db, queryRows } from '../../db/client.js';
import { depthOf, idsOnPath, isWithin } from '../../domain/organization-path.js';
import { latenessOf, type PlanDeadlines, type ProgressCounts, vietnamToday } from '../../domain/progress.js';
import type { Role } from '../../domain/roles.js';
import type { Actor } from '../auth/actor.js';
import { AppError, forbidden, notFound } from '../errors.js';

/** DESIGN, roles: the organization board and the committee follow progress of their subtree; administrators too. */
export const PROGRESS_READERS: readonly Role[] = ['administrator', 'organization-board', 'committee'];

interface CoveredNode {
  id: string;
  path: string;
}

interface PlanAndNodeRow extends Record<string, unknown> {
  id: string;
  title: string;
  number: string;
  symbol: string;
  status: string;
  organizationId: string;
  meetingsDueOn: string;
  baseReportsDueOn: string;
  upwardReportDueOn: string;
  issuerPath: string;
  issuerName: string;
  nodeId: string | null;
  nodePath: string | null;
}

/**
 * The plan, its issuer and the asked-for node in one round trip; then, in order: the plan exists
 * (404), the actor follows progress at or below its issuer (403), it is published (409), the node
 * exists (404) and is in reach (403) and inside the plan (422).
 */
async function planAndNode(db: Db, actor: Actor, planId: string, organizationId: string | undefined) {
  const [row] = await queryRows<PlanAndNodeRow>(
    db,
    sql`select p.id, p.title, p.number, p.symbol, p.status, p.organization_id as "organizationId",
               p.meetings_due_on::text as "meetingsDueOn", p.base_reports_due_on::text as "baseReportsDueOn",
               p.upward_report_due_on::text as "upwardReportDueOn",
               issuer.path as "issuerPath", issuer.name as "issuerName",
               asked.id as "nodeId", asked.path as "nodePath"
        from plans p
        join organizations issuer on issuer.id = p.organization_id
        left join organizations asked on asked.id = ${organizationId ?? null}
        where p.id = ${planId}`,
  );
  if (!row) throw notFound('kế hoạch');
  const roots = actor.scopeRoots(PROGRESS_READERS);
  const related = roots.some((root) => isWithin(row.issuerPath, root) || isWithin(root, row.issuerPath));
  if (!related) throw forbidden();
  if (row.status !== 'published')
    throw new AppError('conflict', 'Kế hoạch chưa ban hành nên chưa có tiến độ thực hiện.');
  const { issuerPath, issuerName, nodeId, nodePath, ...plan } = row;
  if (!organizationId) return { plan, issuerPath, issuerName, node: defaultNode(roots, issuerPath) };
  if (!nodeId || !nodePath) throw notFound('tổ chức');
  actor.assertReaches(PROGRESS_READERS, nodePath);
  if (!isWithin(nodePath, issuerPath))
    throw new AppError('unprocessable', 'Tổ chức này không thuộc phạm vi của kế hoạch.');
  return { plan, issuerPath, issuerName, node: { id: nodeId, path: nodePath } };
}

/** The actor's topmost organization inside the plan: its issuer when the actor reaches it. */
function defaultNode(roots: string[], issuerPath: string): CoveredNode {
  const path = roots.some((root) => isWithin(issuerPath, root))
    ? issuerPath
    : roots.filter((root) => isWithin(root, issuerPath)).sort((a, b) => a.length - b.length)[0]!;
  return { id: idsOnPath(path).at(-1)!, path };
}

/** The ids from the topmost organization above the node that the actor sees in the plan, down to its parent. */
function trailIds(actor: Actor, nodePath: string, issuerPath: string): string[] {
  const roots = actor.scopeRoots(PROGRESS_READERS);
  const top = roots.some((root) => isWithin(issuerPath, root))
    ? issuerPath
    : roots.find((root) => isWithin(nodePath, root))!;
  return idsOnPath(nodePath).slice(depthOf(top), -1);
}

interface CountedOrganization extends ProgressCounts, Record<string, unknown> {
  id: string;
  name: string;
  kind: string;
  has_children: boolean;
}

/**
 * The node, its children and the trail above it, with their rollup rows, in one query; an
 * organization without a row has zeros.
 */
function countedOrganizations(db: Db, planId: string, nodeId: string, trail: string[]) {
  const onTrail = trail.length
    ? sql` or o.id in (${sql.join(
        trail.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql``;
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
         or (o.parent_id = ${nodeId} and (o.closed_at is null or pp.organization_id is not null))${onTrail}
      order by o.name_search`,
  );
}

function progressRow(row: CountedOrganization, plan: PlanDeadlines, today: string): ProgressRow {
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
  const { plan, issuerPath, issuerName, node } = await planAndNode(db, actor, planId, organizationId);
  const trail = trailIds(actor, node.path, issuerPath);
  const rows = await countedOrganizations(db, planId, node.id, trail);
  const today = vietnamToday(now);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const nodeRow = byId.get(node.id)!;
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
    trail: trail.map((id) => ({ id, name: byId.get(id)!.name })),
    node: progressRow(nodeRow, plan, today),
    children: rows
      .filter((row) => row.id !== node.id && !trail.includes(row.id))
      .map((row) => progressRow(row, plan, today)),
  };
}
