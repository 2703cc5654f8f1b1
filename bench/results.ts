import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../src/db/client.js';
import type { TreeSize } from './national-tree.js';
import type { ProgressFigures } from './progress.js';
import type { Summary } from './stats.js';

const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const HEADER = `# Benchmark results

Written by \`npm run bench\`. Each section is replaced by the next run of the same benchmark at the
same scale. Timings come from shared machines: compare the ratios to the baseline measured in the
same run, not the raw figures across machines.
`;

export async function machineDescription(db: Db): Promise<string> {
  const [version] = await queryRows<{ version: string }>(db, sql`select version()`);
  const cpu = cpus();
  return [
    `- \`${execSync('uname -a').toString().trim()}\``,
    `- CPU: ${cpu[0]?.model ?? 'không rõ'} × ${cpu.length}, RAM ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${process.version}; ${version?.version.split(',')[0] ?? 'PostgreSQL'}`,
  ].join('\n');
}

const row = (label: string, summary: Summary) =>
  `| ${label} | ${summary.count} | ${summary.p50.toFixed(2)} | ${summary.p95.toFixed(2)} | ${summary.p99.toFixed(2)} | ${summary.max.toFixed(2)} |`;

export interface ProgressRun {
  scale: number;
  size: TreeSize;
  machine: string;
  generationMs: number;
  publishMs: number;
  rebuildMs: number;
  figures: ProgressFigures;
  passed: boolean;
  limitMs: number;
}

function progressSection(run: ProgressRun): string {
  const { figures, size } = run;
  const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
  return [
    `## P2 — progress figure of any organization (BENCH_SCALE=${run.scale})`,
    '',
    `Run ${new Date().toISOString()} — **${run.passed ? 'PASS' : 'FAIL'}** (p95 ≤ ${run.limitMs} ms at every depth, rollup equal to a recount).`,
    '',
    run.machine,
    '',
    `Tree: 1 root, ${size.provinces} provinces, ${size.districts} district/bloc committees, ${size.bases} base organizations, ${size.cells} cells, ${size.cells} workplaces (one published plan, a plan_workplaces row each). Generated in ${seconds(run.generationMs)}, plan published in ${seconds(run.publishMs)}, \`rebuildPlanProgress\` ${seconds(run.rebuildMs)}.`,
    '',
    '| what (ms) | n | p50 | p95 | p99 | max |',
    '|---|---|---|---|---|---|',
    ...figures.byDepth.map(({ depth, summary }) => row(`progress, depth ${depth}`, summary)),
    row('**progress, every depth**', figures.all),
    row('baseline: `select 1`', figures.selectOne),
    row('baseline: plan_progress primary key', figures.primaryKey),
    row('setWorkplaceStatus (all ancestors, one transaction)', figures.move),
    '',
    `Ratio of p95: progress / \`select 1\` = ${(figures.all.p95 / figures.selectOne.p95).toFixed(1)}×, progress / primary key = ${(figures.all.p95 / figures.primaryKey.p95).toFixed(1)}×. Counting the root from scratch instead of reading the rollup: ${figures.countFromScratchAtRootMs.toFixed(0)} ms. Rollup equal to a recount at the root after the moves: ${figures.rollupMatchesRecount ? 'yes' : 'NO'}.`,
    '',
  ].join('\n');
}

/** Replaces this benchmark's section for the same scale, keeping every other section. */
export async function writeProgressResults(run: ProgressRun): Promise<void> {
  const title = `## P2 — progress figure of any organization (BENCH_SCALE=${run.scale})`;
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : HEADER;
  const sections = current.split(/\n(?=## )/);
  const kept = sections.filter((section) => !section.startsWith(title));
  writeFileSync(
    RESULTS,
    `${[...kept.map((section) => section.trimEnd()), progressSection(run)].join('\n\n')}`,
  );
  console.log(`Đã ghi ${RESULTS}`);
}
