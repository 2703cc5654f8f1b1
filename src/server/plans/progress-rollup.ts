import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { PlanWorkplaceStatus } from '../../domain/plans.js';
import { checkStatusMove, countsDelta, PROGRESS_LADDER, REACHED_COUNTERS } from '../../domain/progress.js';
import { AppError, notFound, staleVersion } from '../errors.js';

const COLUMN: Record<(typeof REACHED_COUNTERS)[number][0], string> = {
  scheduled: 'scheduled',
  held: 'held',
  minutesSigned: 'minutes_signed',
  compiled: 'compiled',
  reported: 'reported',
};

/** `count(*) filter (...)` of the workplaces that reached a step: the ladder's later statuses, as SQL literals. */
const reachedCount = (step: PlanWorkplaceStatus) => {
  const from = (PROGRESS_LADDER as readonly PlanWorkplaceStatus[]).indexOf(step);
  const statuses = PROGRESS_LADDER.slice(from).map((status) => `'${status}'`);
  return sql.raw(`count(*) filter (where pw.status in (${statuses.join(', ')}))::int`);
};

/**
 * Recounts a plan's rollup from its plan_workplaces rows, set-based: each row's snapshot path is
 * split into the ids of its ancestors, and only those at or below the issuing organization keep a
 * row. Organizations without workplaces get none; readers take a missing row as zeros.
 */
export async function rebuildPlanProgress(tx: DbOrTx, planId: string): Promise<void> {
  await tx.execute(sql`delete from plan_progress where plan_id = ${planId}`);
  await tx.execute(sql`
    insert into plan_progress
      (plan_id, organization_id, workplaces, required, exempt, scheduled, held, minutes_signed, compiled, reported)
    select pw.plan_id, ancestor.id::uuid,
           count(*)::int,
           count(*) filter (where pw.status <> 'exempt')::int,
           count(*) filter (where pw.status = 'exempt')::int,
           ${reachedCount('scheduled')}, ${reachedCount('held')}, ${reachedCount('minutes_signed')},
           ${reachedCount('compiled')}, ${reachedCount('reported')}
    from plan_workplaces pw
    cross join lateral unnest(string_to_array(trim(both '/' from pw.organization_path), '/'))
      with ordinality as ancestor(id, position)
    where pw.plan_id = ${planId}
      and ancestor.position > (select issuer.depth from plans p
                               join organizations issuer on issuer.id = p.organization_id
                               where p.id = ${planId})
    group by pw.plan_id, ancestor.id`);
}

/**
 * Moves one workplace's contribution in every ancestor's counts, in one UPDATE: the ancestors are
 * the ids on the row's snapshot path that have a rollup row (those at or below the issuer).
 */
export async function moveWorkplaceInProgress(
  tx: DbOrTx,
  planId: string,
  workplaceId: string,
  from: PlanWorkplaceStatus,
  to: PlanWorkplaceStatus,
): Promise<void> {
  const delta = countsDelta(from, to);
  const changes = [
    sql`required = pp.required + ${delta.required}::int`,
    sql`exempt = pp.exempt + ${delta.exempt}::int`,
    ...REACHED_COUNTERS.map(
      ([counter]) =>
        sql`${sql.raw(COLUMN[counter])} = pp.${sql.raw(COLUMN[counter])} + ${delta[counter]}::int`,
    ),
  ];
  await tx.execute(sql`
    update plan_progress pp set ${sql.join(changes, sql`, `)}
    where pp.plan_id = ${planId}
      and pp.organization_id = any(
        select unnest(string_to_array(trim(both '/' from pw.organization_path), '/'))::uuid
        from plan_workplaces pw
        where pw.plan_id = ${planId} and pw.workplace_id = ${workplaceId})`);
}

export interface MovedWorkplace {
  planId: string;
  workplaceId: string;
  organizationPath: string;
  from: PlanWorkplaceStatus;
  to: PlanWorkplaceStatus;
  version: number;
}

/**
 * Moves a workplace to a new status within the caller's transaction: locks its row, checks the
 * move, writes it and moves the rollup of every ancestor. An exempt ⇄ pending move also flips
 * `required`, which the table keeps equal to "not exempt".
 */
export async function setWorkplaceStatus(
  tx: DbOrTx,
  planId: string,
  workplaceId: string,
  to: PlanWorkplaceStatus,
  expectedVersion?: number,
): Promise<MovedWorkplace> {
  const [row] = (
    (await tx.execute(sql`
      select status, version, organization_path from plan_workplaces
      where plan_id = ${planId} and workplace_id = ${workplaceId}
      for update`)) as unknown as {
      rows: { status: PlanWorkplaceStatus; version: number; organization_path: string }[];
    }
  ).rows;
  if (!row) throw notFound('cơ quan, đơn vị trong kế hoạch');
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw staleVersion();
  const check = checkStatusMove(row.status, to);
  if (!check.ok) throw new AppError('conflict', check.message);
  await tx.execute(sql`
    update plan_workplaces
    set status = ${to}, required = ${to !== 'exempt'}, status_changed_at = now(), version = version + 1
    where plan_id = ${planId} and workplace_id = ${workplaceId}`);
  await moveWorkplaceInProgress(tx, planId, workplaceId, row.status, to);
  return {
    planId,
    workplaceId,
    organizationPath: row.organization_path,
    from: row.status,
    to,
    version: row.version + 1,
  };
}
