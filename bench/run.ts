import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { rebuildPlanProgress } from '../src/server/plans/progress-rollup.js';
import { generateNationalTree, publishNationalPlan, treeSize } from './national-tree.js';
import { measureProgress } from './progress.js';
import { provinceImportBench, scaledProvince } from './province-import.js';
import { machineDescription, writeProgressResults } from './results.js';
import { formatSummary, ms, timed } from './stats.js';

/**
 * `npm run bench`: QUALITY P2 on PostgreSQL. Makes a fresh database `tuphebinh_bench` on the
 * server of BENCH_DATABASE_URL (or TEST_DATABASE_URL), generates the national tree, and measures
 * the progress figure against a round trip measured in the same run.
 */
const DATABASE = 'tuphebinh_bench';
const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const scale = Number(process.env.BENCH_SCALE ?? '1');
const queries = Number(process.env.BENCH_QUERIES ?? '2000');
const moves = Number(process.env.BENCH_MOVES ?? '500');
const P2_P95_MS = 50;

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  if (!(scale > 0 && scale <= 1)) throw new Error('BENCH_SCALE phải trong khoảng (0, 1]');
  const size = treeSize(scale);
  console.log(`P2 — tiến độ kế hoạch, cây cả nước × ${scale}:`, size);
  await onServer(`drop database if exists ${DATABASE} with (force)`);
  await onServer(`create database ${DATABASE}`);
  const url = new URL(serverUrl);
  url.pathname = `/${DATABASE}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
  try {
    const { db } = database;
    const tree = await timed(() => generateNationalTree(db, size));
    console.log(`Sinh cây tổ chức và cơ quan, đơn vị: ${ms(tree.ms)}`);
    const published = await timed(() => publishNationalPlan(db, tree.result));
    console.log(`Ban hành kế hoạch (plan_workplaces cho mọi cơ quan, đơn vị): ${ms(published.ms)}`);
    const planId = published.result;
    const rebuilt = await timed(() => db.transaction((tx) => rebuildPlanProgress(tx, planId)));
    console.log(`rebuildPlanProgress: ${ms(rebuilt.ms)}`);
    await db.execute(sql`analyze plan_progress`);

    const figures = await measureProgress(db, tree.result, planId, queries, moves);
    for (const { depth, nodes, summary } of figures.byDepth)
      console.log(`  độ sâu ${depth} (${nodes} nút mẫu): ${formatSummary(summary)}`);
    console.log(`Tiến độ, mọi độ sâu: ${formatSummary(figures.all)}`);
    console.log(`Mốc so sánh select 1: ${formatSummary(figures.selectOne)}`);
    console.log(`Mốc so sánh tra khóa chính plan_progress: ${formatSummary(figures.primaryKey)}`);
    console.log(
      `Tỉ lệ p95 tiến độ / select 1: ${(figures.all.p95 / figures.selectOne.p95).toFixed(1)}×; / khóa chính: ${(figures.all.p95 / figures.primaryKey.p95).toFixed(1)}×`,
    );
    console.log(`Đếm lại từ đầu cho gốc (không dùng bảng tổng hợp): ${ms(figures.countFromScratchAtRootMs)}`);
    console.log(`setWorkplaceStatus (mọi cấp trên, một giao dịch): ${formatSummary(figures.move)}`);
    console.log(`Bảng tổng hợp khớp với đếm lại ở gốc: ${figures.rollupMatchesRecount ? 'có' : 'KHÔNG'}`);
    const passed =
      figures.byDepth.every(({ summary }) => summary.p95 <= P2_P95_MS) && figures.rollupMatchesRecount;
    console.log(`P2 (p95 ≤ ${P2_P95_MS} ms ở mọi độ sâu): ${passed ? 'ĐẠT' : 'KHÔNG ĐẠT'}`);
    await writeProgressResults({
      scale,
      size,
      machine: await machineDescription(db),
      generationMs: tree.ms,
      publishMs: published.ms,
      rebuildMs: rebuilt.ms,
      figures,
      passed,
      limitMs: P2_P95_MS,
    });
    if (!passed) process.exitCode = 1;
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP !== '1') await onServer(`drop database if exists ${DATABASE} with (force)`);
  }
}

await main();
// Issue 16: the province workbook (preview and apply of 2 000 organizations, 6 000 workplaces, 120 000 people).
if (process.env.BENCH_PROVINCE !== 'off') {
  const province = await provinceImportBench(serverUrl, scaledProvince(scale));
  if (!province.passed) process.exitCode = 1;
}
