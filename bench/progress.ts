import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../src/db/client.js';
import { PROGRESS_LADDER } from '../src/domain/progress.js';
import { Actor } from '../src/server/auth/actor.js';
import { setWorkplaceStatus } from '../src/server/plans/progress-rollup.js';
import { readPlanProgress } from '../src/server/plans/progress-service.js';
import { type Summary, seededRandom, summarize, timeEach } from './stats.js';

export interface ProgressFigures {
  byDepth: { depth: number; nodes: number; summary: Summary }[];
  all: Summary;
  selectOne: Summary;
  primaryKey: Summary;
  move: Summary;
  countFromScratchAtRootMs: number;
  rollupMatchesRecount: boolean;
}

const SAMPLE_PER_DEPTH = 500;

/** A national administrator: reaches every node, so the figure includes the scope check's cost and nothing is refused. */
function nationalAdministrator(rootId: string): Actor {
  return new Actor(
    crypto.randomUUID(),
    'bench',
    'Thử tải',
    `/${rootId}/`,
    [{ role: 'administrator', organizationId: rootId, organizationPath: `/${rootId}/` }],
    false,
  );
}

async function nodesByDepth(db: Db): Promise<Map<number, string[]>> {
  const rows = await queryRows<{ depth: number; ids: string[] }>(
    db,
    sql`select depth, (array_agg(id order by random()))[1:${SAMPLE_PER_DEPTH}::int] as ids
        from organizations group by depth order by depth`,
  );
  return new Map(rows.map((row) => [row.depth, row.ids]));
}

/** The P2 figure: the same service function the progress route calls, for random nodes at every depth. */
export async function measureProgress(
  db: Db,
  rootId: string,
  planId: string,
  queries: number,
  moves: number,
): Promise<ProgressFigures> {
  const random = seededRandom(2025);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const actor = nationalAdministrator(rootId);
  const nodes = await nodesByDepth(db);
  const depths = [...nodes.keys()];
  const plan = depths.flatMap((depth) =>
    Array.from({ length: Math.ceil(queries / depths.length) }, () => ({
      depth,
      id: pick(nodes.get(depth)!),
    })),
  );
  const read = (id: string) => readPlanProgress(db, actor, planId, id);
  await timeEach(plan.slice(0, 100), (node) => read(node.id));

  const order = [...plan].sort(() => random() - 0.5);
  const samples = await timeEach(order, (node) => read(node.id));
  const byDepth = depths.map((depth) => ({
    depth,
    nodes: nodes.get(depth)!.length,
    summary: summarize(samples.filter((_, index) => order[index]!.depth === depth)),
  }));

  const selectOne = summarize(await timeEach(order, () => db.execute(sql`select 1`)));
  const primaryKey = summarize(
    await timeEach(order, (node) =>
      db.execute(sql`select * from plan_progress where plan_id = ${planId} and organization_id = ${node.id}`),
    ),
  );

  const started = performance.now();
  await db.execute(sql`
    select count(*) filter (where status <> 'exempt'), count(*) filter (where status = 'held')
    from plan_workplaces where plan_id = ${planId} and organization_path like ${`/${rootId}/%`}`);
  const countFromScratchAtRootMs = performance.now() - started;

  const movable = await queryRows<{ workplace_id: string; status: (typeof PROGRESS_LADDER)[number] }>(
    db,
    sql`select workplace_id, status from plan_workplaces
        where plan_id = ${planId} and status in ('pending', 'scheduled', 'held', 'minutes_signed', 'compiled')
        order by random() limit ${moves}::int`,
  );
  const move = summarize(
    await timeEach(movable, (row) => {
      const next = PROGRESS_LADDER[PROGRESS_LADDER.indexOf(row.status) + 1]!;
      return db.transaction((tx) => setWorkplaceStatus(tx, planId, row.workplace_id, next));
    }),
  );

  const [check] = await queryRows<{ matches: boolean }>(
    db,
    sql`select (select row(required, exempt, scheduled, held, minutes_signed, compiled, reported)
                from plan_progress where plan_id = ${planId} and organization_id = ${rootId})
             = (select row(count(*) filter (where status <> 'exempt')::int,
                           count(*) filter (where status = 'exempt')::int,
                           count(*) filter (where status in ('scheduled', 'held', 'minutes_signed', 'compiled', 'reported'))::int,
                           count(*) filter (where status in ('held', 'minutes_signed', 'compiled', 'reported'))::int,
                           count(*) filter (where status in ('minutes_signed', 'compiled', 'reported'))::int,
                           count(*) filter (where status in ('compiled', 'reported'))::int,
                           count(*) filter (where status = 'reported')::int)
                from plan_workplaces where plan_id = ${planId}) as matches`,
  );

  return {
    byDepth,
    all: summarize(samples),
    selectOne,
    primaryKey,
    move,
    countFromScratchAtRootMs,
    rollupMatchesRecount: check?.matches === true,
  };
}
