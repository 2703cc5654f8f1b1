import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Bench, type BenchContext, type BenchResult, failedRow } from './harness.js';
import { mergeResults } from './results.js';

/**
 * `npm run bench [-- --quick] [P1 P5 …]`: runs every benchmark of bench/rows (or the ones named),
 * each beside its anchor measured in the same run, and rewrites their sections of bench/RESULTS.md
 * with figure, anchor, target and PASS/FAIL (a failing row says why). `--quick` runs a small
 * version of each, the whole run in under five minutes, to check a change. PostgreSQL from
 * BENCH_DATABASE_URL or TEST_DATABASE_URL (default the local server, trust auth).
 */
const ROWS = fileURLToPath(new URL('./rows/', import.meta.url));
const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const HEADER = `# Benchmark results

Written by \`npm run bench\` (\`-- --quick\` for the small version). Each section is replaced by the
next run of that benchmark; sections of benchmarks not run, and sections written by hand, are kept.
Every figure stands beside an anchor measured in the same run on the same machine: the machines are
shared, so compare ratios, not raw figures across runs. A section whose load average (summary, last
column) is above the machine's processor count was measured under load: its figures are provisional
until run again on a quiet machine.`;

/** `--quick` is for checking a change: every row together within five minutes on the 2-core machine. */
const QUICK_BUDGET_S = 300;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const wanted = args.filter((arg) => !arg.startsWith('--')).map((arg) => arg.toUpperCase());
const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const portBase = Number(process.env.BENCH_PORT_BASE ?? '3171');

async function loadBenches(): Promise<Bench[]> {
  const files = readdirSync(ROWS)
    .filter((file) => file.endsWith('.bench.ts'))
    .sort();
  const benches: Bench[] = [];
  for (const file of files) {
    const bench = ((await import(new URL(file, `file://${ROWS}`).href)) as { default: Bench }).default;
    if (wanted.length === 0 || wanted.some((id) => bench.id.toUpperCase().startsWith(id)))
      benches.push(bench);
  }
  return benches.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

async function machine(): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  let version = 'PostgreSQL (không kết nối được)';
  try {
    await client.connect();
    version = ((await client.query('select version()')).rows[0] as { version: string }).version.split(
      ',',
    )[0]!;
  } catch {
    // the benches that need PostgreSQL will fail with their own reason
  } finally {
    await client.end().catch(() => {});
  }
  const cpu = cpus();
  return `${execSync('uname -srm').toString().trim()}; ${cpu[0]?.model ?? 'CPU'} × ${cpu.length}; RAM ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}; ${version}`;
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function section(bench: Bench, result: BenchResult, seconds: number, load: number, host: string): string {
  const passed = result.rows.every((row) => row.passed);
  const failures = result.rows.filter((row) => !row.passed);
  return [
    `## ${bench.id} — ${bench.title}`,
    '',
    `**${passed ? 'PASS' : 'FAIL'}** — run ${new Date().toISOString()}, ${quick ? '`--quick` (small version)' : 'full size'}, ${seconds.toFixed(0)} s, load average ${load.toFixed(1)} at start. ${host}`,
    '',
    '| what | figure | anchor (same run) | target | result |',
    '|---|---|---|---|---|',
    ...result.rows.map(
      (row) =>
        `| ${cell(row.what)} | ${cell(row.figure)} | ${cell(row.anchor)} | ${cell(row.target)} | ${row.passed ? 'PASS' : '**FAIL**'} |`,
    ),
    ...(failures.length > 0
      ? ['', ...failures.map((row) => `- FAIL ${row.what}: ${row.reason ?? 'no reason given'}`)]
      : []),
    ...(result.notes && result.notes.length > 0 ? ['', ...result.notes.map((note) => `- ${note}`)] : []),
  ].join('\n');
}

/** Replaces the sections of the benches that ran and keeps every other section (see results.ts). */
function writeResults(sections: Map<string, string>): void {
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
  writeFileSync(RESULTS, mergeResults(current, sections, HEADER));
}

async function main(): Promise<void> {
  const benches = await loadBenches();
  if (benches.length === 0) throw new Error(`Không có bài đo nào khớp với: ${wanted.join(', ')}`);
  const host = await machine();
  console.log(
    `Đo hiệu năng ${quick ? '(bản nhỏ --quick)' : '(đầy đủ)'}: ${benches.map((b) => b.id).join(', ')}`,
  );
  const sections = new Map<string, string>();
  const durations: { id: string; seconds: number; load: number }[] = [];
  let failed = 0;
  for (const bench of benches) {
    const started = performance.now();
    const load = loadavg()[0] ?? 0;
    const context: BenchContext = {
      quick,
      serverUrl,
      port: (index) => portBase + index,
      log: (message) => console.log(`  [${bench.id}] ${message}`),
    };
    console.log(`${bench.id} — ${bench.title}…`);
    if (load > cpus().length)
      console.log(
        `  [${bench.id}] tải trung bình ${load.toFixed(1)} trên ${cpus().length} lõi: số đo chỉ tạm, cần đo lại khi máy rảnh.`,
      );
    let result: BenchResult;
    try {
      result = await bench.run(context);
    } catch (error) {
      console.error(error);
      result = { rows: [failedRow(bench.title, `the benchmark stopped: ${(error as Error).message}`)] };
    }
    const seconds = (performance.now() - started) / 1000;
    for (const row of result.rows) {
      console.log(
        `  ${row.passed ? 'ĐẠT      ' : 'KHÔNG ĐẠT'} ${row.what}: ${row.figure} | mốc: ${row.anchor} | mục tiêu: ${row.target}${row.reason ? ` — ${row.reason}` : ''}`,
      );
      if (!row.passed) failed++;
    }
    durations.push({ id: bench.id, seconds, load });
    console.log(
      `  [${bench.id}] xong sau ${seconds.toFixed(0)} s (tải trung bình lúc bắt đầu ${load.toFixed(1)})`,
    );
    sections.set(bench.id, section(bench, result, seconds, load, host));
    writeResults(sections);
  }
  const total = durations.reduce((sum, row) => sum + row.seconds, 0);
  console.log(
    `Thời gian từng bài: ${durations.map((row) => `${row.id} ${row.seconds.toFixed(0)} s`).join(', ')}; tổng ${total.toFixed(0)} s, tải trung bình lúc kết thúc ${(loadavg()[0] ?? 0).toFixed(1)}.`,
  );
  if (quick && total > QUICK_BUDGET_S)
    console.log(
      `Bản nhỏ vượt ${QUICK_BUDGET_S / 60} phút (${total.toFixed(0)} s): xem bài nào lâu nhất ở dòng trên (máy đang tải thì thời gian dài ra tương ứng).`,
    );
  console.log(`Đã ghi ${RESULTS}; ${failed} dòng không đạt.`);
  if (failed > 0) process.exitCode = 1;
}

await main();
