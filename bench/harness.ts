import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { ms, times } from './stats.js';

/**
 * The shape every benchmark of `npm run bench` takes. A benchmark is a file `bench/rows/*.bench.ts`
 * whose default export is a `Bench`: the runner (bench/run.ts) finds it by its file name, runs it
 * and writes its rows into bench/RESULTS.md. To add one, add a file; nothing else to register.
 */
export interface Bench {
  /** Short id shown first and usable on the command line: `npm run bench -- P5`. */
  id: string;
  /** What QUALITY promise it measures, one line. */
  title: string;
  run(context: BenchContext): Promise<BenchResult>;
}

export interface BenchResult {
  rows: BenchRow[];
  /** Free lines (setup, scale, extra figures) written under the table. */
  notes?: string[];
}

/** One line of the results: the project's figure beside its anchor measured in the same run. */
export interface BenchRow {
  /** What was measured, e.g. "sign-in page, slow 3G, cold". */
  what: string;
  /** The project's figure, already formatted ("123 forms/s, p99 31 ms"). */
  figure: string;
  /** The floor it is compared with, measured in the same run ("bare Fastify + pg: 3 400 forms/s"). */
  anchor: string;
  /** The target as written in the issue or QUALITY ("≥ 60 % of the anchor, p99 ≤ 50 ms"). */
  target: string;
  passed: boolean;
  /** When it fails: what was measured and why it falls short. */
  reason?: string;
}

export interface BenchContext {
  /** `--quick`: a small version of every benchmark (the whole run under five minutes). */
  quick: boolean;
  /** A PostgreSQL server URL (database `postgres`), trust auth: benches make their own databases. */
  serverUrl: string;
  /** Ports this run may listen on: `port(0)`… `port(8)` (BENCH_PORT_BASE, default 3171, onwards). */
  port(index: number): number;
  log(message: string): void;
}

/** A FAIL row for a bench that could not run at all (missing tool, crash): still written to RESULTS.md. */
export function failedRow(what: string, reason: string): BenchRow {
  return { what, figure: '—', anchor: '—', target: '—', passed: false, reason };
}

export { kb, ms, p, seconds, times } from './stats.js';

/** What `limitRow` needs: one measured value against its limit, beside the anchor of the same run. */
export interface LimitCheck {
  what: string;
  /** The value compared with the limit (a p95, a duration…), in the unit `format` writes. */
  measured: number;
  limit: number;
  anchor: string;
  /** The figure as shown; `format(measured)` when absent. */
  figure?: string;
  /** The anchor's own value and what it is ("the primary key"): the figure shows how many times it. */
  base?: { value: number; of: string };
  /** Written before the value in the target and the reason, e.g. "p95". */
  label?: string;
  /** The target as shown; `≤ limit` when absent. */
  target?: string;
  /** What else explains a failure (written after the measured value). */
  why?: string;
  format?: (value: number) => string;
}

/**
 * One row that passes when the measured value is within its limit: the figure with its ratio to
 * the anchor, the target, and on failure the measured reason ("p95 309 ms over 100 ms, 21× …").
 */
export function limitRow(check: LimitCheck): BenchRow {
  const format = check.format ?? ms;
  const label = check.label ? `${check.label} ` : '';
  const ratio = check.base ? ` (${times(check.measured, check.base.value)} ${check.base.of})` : '';
  const passed = check.measured <= check.limit;
  return {
    what: check.what,
    figure: `${check.figure ?? format(check.measured)}${ratio}`,
    anchor: check.anchor,
    target: check.target ?? `${label}≤ ${format(check.limit)}`,
    passed,
    ...(passed
      ? {}
      : {
          reason: `${label}${format(check.measured)} over ${format(check.limit)}${ratio}${check.why ? `; ${check.why}` : ''}`,
        }),
  };
}

/** Is a command on the PATH? Benches that need one (wrk, pgbench) fail with the line that installs it. */
export function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh database for one bench; dropped again by the returned function (unless BENCH_KEEP=1). */
export async function freshDatabase(serverUrl: string, database: string) {
  await onServer(serverUrl, `drop database if exists ${database} with (force)`);
  await onServer(serverUrl, `create database ${database}`);
  return {
    url: databaseUrl(serverUrl, database),
    async drop() {
      if (process.env.BENCH_KEEP !== '1')
        await onServer(serverUrl, `drop database if exists ${database} with (force)`);
    },
  };
}
