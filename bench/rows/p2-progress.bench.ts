import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client.js';
import { rebuildPlanProgress } from '../../src/server/plans/progress-rollup.js';
import { type Bench, type BenchRow, freshDatabase, limitRow, ms, p } from '../harness.js';
import { generateNationalTree, publishNationalPlan, treeSize } from '../national-tree.js';
import { measureProgress } from '../progress.js';
import { timed } from '../stats.js';

const P95_LIMIT_MS = 50;

/** QUALITY P2: the progress figure of any organization of the national tree, beside a primary-key read. */
const bench: Bench = {
  id: 'P2',
  title: 'progress figure of any organization of the national tree',
  async run({ quick, serverUrl, log }) {
    const scale = quick ? 0.02 : Number(process.env.BENCH_SCALE ?? '1');
    const queries = quick ? 300 : 2000;
    const size = treeSize(scale);
    const database = await freshDatabase(serverUrl, 'tuphebinh_bench_p2');
    const opened = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 4 });
    try {
      const { db } = opened;
      const tree = await timed(() => generateNationalTree(db, size));
      const published = await timed(() => publishNationalPlan(db, tree.result));
      const planId = published.result;
      const rebuilt = await timed(() => db.transaction((tx) => rebuildPlanProgress(tx, planId)));
      await db.execute(sql`analyze`);
      log(`cây ${JSON.stringify(size)} sinh trong ${ms(tree.ms)}`);
      const figures = await measureProgress(db, tree.result, planId, queries, quick ? 100 : 500);
      const anchor = `plan_progress primary key: ${p(figures.primaryKey)}`;
      const rows: BenchRow[] = figures.byDepth.map(({ depth, summary }) => {
        const row = limitRow({
          what: `progress, depth ${depth}`,
          measured: summary.p95,
          limit: P95_LIMIT_MS,
          label: 'p95',
          figure: p(summary),
          base: { value: figures.primaryKey.p95, of: 'the primary key' },
          anchor,
          target: `p95 ≤ ${P95_LIMIT_MS} ms, rollup equal to a recount`,
        });
        return figures.rollupMatchesRecount
          ? row
          : {
              ...row,
              passed: false,
              reason: 'the rollup differs from a recount of plan_workplaces at the root',
            };
      });
      rows.push({
        what: 'setWorkplaceStatus (all ancestors, one transaction)',
        figure: p(figures.move),
        anchor: `\`select 1\`: ${p(figures.selectOne)}`,
        target: 'no target (shown)',
        passed: true,
      });
      return {
        rows,
        notes: [
          `Tree: ${size.provinces} provinces, ${size.districts} district/bloc committees, ${size.bases} base organizations, ${size.cells} cells and workplaces (scale ${scale}); generated in ${ms(tree.ms)}, plan published in ${ms(published.ms)}, rebuildPlanProgress ${ms(rebuilt.ms)}.`,
          `Counting the root from scratch instead of reading the rollup: ${ms(figures.countFromScratchAtRootMs)}.`,
        ],
      };
    } finally {
      await opened.close();
      await database.drop();
    }
  },
};

export default bench;
