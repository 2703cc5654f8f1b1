import { sql } from 'drizzle-orm';
import type { YearEndHeader } from '../../contract/year-end.js';
import { type Db, queryRows } from '../../db/client.js';
import { idsOnPath, isWithin } from '../../domain/organization-path.js';
import { vietnamToday } from '../../domain/progress.js';
import type { Role } from '../../domain/roles.js';
import type { Actor } from '../auth/actor.js';
import { AppError, forbidden, notFound } from '../errors.js';

/** DESIGN step 10: the committee and the organization board of the organization or above, and administrators. */
export const YEAR_END_READERS: readonly Role[] = ['administrator', 'organization-board', 'committee'];

interface PlanRow extends Record<string, unknown> {
  id: string;
  title: string;
  number: string;
  symbol: string;
  year: number;
  status: string;
  rootId: string;
  baseReportsDueOn: string;
  issuerPath: string;
  nodeId: string | null;
  nodePath: string | null;
  nodeName: string | null;
}

export interface YearEndScope {
  header: YearEndHeader;
  /** The determining (root) plan: self-criticisms, meetings and reports hang on it. */
  rootPlanId: string;
  nodePath: string;
  /** The report deadline used when an organization has no report row yet. */
  baseReportsDueOn: string;
  today: string;
  now: Date;
}

/**
 * The plan, its root and the asked-for organization in one round trip; then, in order: the plan
 * exists (404), the actor reads year-end results at or below its issuer (403), it is published
 * (409), the organization exists (404), is in reach (403) and inside the plan (422).
 */
export async function yearEndScope(
  db: Db,
  actor: Actor,
  planId: string,
  organizationId: string | undefined,
  now = new Date(),
): Promise<YearEndScope> {
  const [row] = await queryRows<PlanRow>(
    db,
    sql`with recursive up as (
          select id, parent_plan_id from plans where id = ${planId}
          union all
          select p.id, p.parent_plan_id from plans p join up on p.id = up.parent_plan_id
        )
        select p.id, p.title, p.number, p.symbol, p.year, p.status,
               (select id from up where parent_plan_id is null) as "rootId",
               p.base_reports_due_on::text as "baseReportsDueOn",
               issuer.path as "issuerPath",
               asked.id as "nodeId", asked.path as "nodePath", asked.name as "nodeName"
        from plans p
        join organizations issuer on issuer.id = p.organization_id
        left join organizations asked on asked.id = ${organizationId ?? null}
        where p.id = ${planId}`,
  );
  if (!row) throw notFound('kế hoạch');
  const roots = actor.scopeRoots(YEAR_END_READERS);
  const related = roots.some((root) => isWithin(row.issuerPath, root) || isWithin(root, row.issuerPath));
  if (!related) throw forbidden();
  if (row.status !== 'published')
    throw new AppError('conflict', 'Kế hoạch chưa ban hành nên chưa có kết quả tổng kết năm.');
  const node = organizationId ? askedNode(actor, row) : await defaultNode(db, roots, row.issuerPath);
  const today = vietnamToday(now);
  return {
    header: {
      plan: { id: row.id, title: row.title, number: row.number, symbol: row.symbol, year: row.year },
      organization: { id: node.id, name: node.name },
      today,
    },
    rootPlanId: row.rootId,
    nodePath: node.path,
    baseReportsDueOn: row.baseReportsDueOn,
    today,
    now,
  };
}

function askedNode(actor: Actor, row: PlanRow) {
  if (!row.nodeId || !row.nodePath || row.nodeName === null) throw notFound('tổ chức');
  actor.assertReaches(YEAR_END_READERS, row.nodePath);
  if (!isWithin(row.nodePath, row.issuerPath))
    throw new AppError('unprocessable', 'Tổ chức này không thuộc phạm vi của kế hoạch.');
  return { id: row.nodeId, path: row.nodePath, name: row.nodeName };
}

/** The actor's topmost organization inside the plan: its issuer when the actor reaches it. */
async function defaultNode(db: Db, roots: string[], issuerPath: string) {
  const path = roots.some((root) => isWithin(issuerPath, root))
    ? issuerPath
    : roots.filter((root) => isWithin(root, issuerPath)).sort((a, b) => a.length - b.length)[0]!;
  const id = idsOnPath(path).at(-1)!;
  const [found] = await queryRows<{ name: string }>(db, sql`select name from organizations where id = ${id}`);
  return { id, path, name: found!.name };
}
