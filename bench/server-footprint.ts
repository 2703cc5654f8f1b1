import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT } from '../src/paths.js';
import { DEMO_PASSWORD } from '../src/server/demo/accounts.js';

/**
 * QUALITY P6: how long a server takes from its start to the first 200, and its resident memory idle
 * and after REQUESTS signed-in requests, for the app on the embedded database and on PostgreSQL,
 * each beside a bare Fastify server started the same way (plain `node`, one JavaScript file) in the
 * same run. The app is the compiled one `npm start` runs (dist/server/main.js), on existing data
 * (the demo, loaded by a first start that is measured apart).
 */
export interface ServerFigures {
  /** From spawning the process to the first 200 of /api/ready. */
  readyMs: number;
  /**
   * The processor time the process used until then (user + system): on a loaded machine the wall
   * time mostly measures the wait for a processor, this what the start itself costs. Linux only.
   */
  readyCpuMs: number | null;
  /** Resident memory IDLE_MS after that first 200. */
  idleRssMb: number;
  /** Resident memory right after `requests` requests of a signed-in user. */
  loadedRssMb: number;
  requests: number;
  perSecond: number;
}

export interface FootprintRun {
  bare: ServerFigures;
  pglite: ServerFigures & { firstStartMs: number; firstStartRssMb: number };
  postgres: ServerFigures & { firstStartMs: number; firstStartRssMb: number };
  load: number;
  passed: boolean;
}

const IDLE_MS = 3000;
const CONCURRENCY = 8;
const PG_READY_MS = 3000;
const PG_RSS_MB = 250;
const DATABASE = 'tuphebinh_bench_p6';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function cpuMs(pid: number): number | null {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return null;
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = readFileSync(stat, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}

function residentMb(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (existsSync(status)) {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
    if (match) return Number(match[1]) / 1024;
  }
  return (
    Number(
      execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
        .toString()
        .trim(),
    ) / 1024
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Started {
  child: ChildProcess;
  base: string;
  readyMs: number;
  readyCpuMs: number | null;
  output(): string;
  stop(): Promise<void>;
}

async function start(args: string[], env: NodeJS.ProcessEnv): Promise<Started> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const began = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Máy chủ dừng khi khởi động:\n${output}`);
    try {
      const response = await fetch(`${base}/api/ready`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    await sleep(10);
  }
  const readyMs = performance.now() - began;
  const readyCpuMs = cpuMs(child.pid!);
  return {
    child,
    base,
    readyMs,
    readyCpuMs,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(15_000).then(() => child.kill('SIGKILL'))]);
      await exited;
    },
  };
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'dangvien', password: DEMO_PASSWORD }),
  });
  const cookie = (response.headers.getSetCookie?.() ?? []).find((line) => line.startsWith('tpb_session='));
  await response.arrayBuffer();
  if (response.status !== 200 || !cookie) throw new Error(`Không đăng nhập được (HTTP ${response.status}).`);
  return cookie.split(';')[0]!;
}

/**
 * `requests` requests, CONCURRENCY at a time: one in ten a signed-in GET /api/v1/me (the session
 * read and touched in the database), the others GET /api/ready (one query each).
 */
async function load(base: string, cookie: string, requests: number): Promise<number> {
  let next = 0;
  let failed = 0;
  const began = performance.now();
  const worker = async () => {
    while (next < requests) {
      const path = next++ % 10 === 0 ? '/api/v1/me' : '/api/ready';
      const response = await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });
      await response.arrayBuffer();
      if (response.status !== 200) failed++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (failed > 0) throw new Error(`${failed} yêu cầu không trả về 200.`);
  return requests / ((performance.now() - began) / 1000);
}

async function measure(server: Started, requests: number, signedIn: boolean): Promise<ServerFigures> {
  try {
    await sleep(IDLE_MS);
    const idleRssMb = residentMb(server.child.pid!);
    const cookie = signedIn ? await signIn(server.base) : '';
    const perSecond = await load(server.base, cookie, requests);
    const loadedRssMb = residentMb(server.child.pid!);
    return {
      readyMs: server.readyMs,
      readyCpuMs: server.readyCpuMs,
      idleRssMb,
      loadedRssMb,
      requests,
      perSecond,
    };
  } finally {
    await server.stop();
  }
}

const APP = ['dist/server/main.js'];

/** The first start fills the empty database with the demo; the measured start is the second one. */
async function measureApp(env: NodeJS.ProcessEnv, requests: number) {
  const first = await start(APP, { ...env, DEMO_DATA: 'on' });
  const firstStartRssMb = residentMb(first.child.pid!);
  await first.stop();
  const figures = await measure(await start(APP, env), requests, true);
  return { ...figures, firstStartMs: first.readyMs, firstStartRssMb };
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function measureServerFootprint(
  serverUrl: string,
  requests = Number(process.env.BENCH_P6_REQUESTS ?? '10000'),
): Promise<FootprintRun> {
  // Built the way `npm start` builds them, before any clock starts.
  for (const script of ['scripts/ensure-web-build.mjs', 'scripts/ensure-server-build.mjs']) {
    const built = spawnSync(process.execPath, [script], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error(`${script} thất bại`);
  }
  const load1 = loadavg()[0] ?? 0;
  const bare = await measure(await start(['bench/bare-fastify.mjs'], {}), requests, false);
  const dataDir = mkdtempSync(join(tmpdir(), 'tuphebinh-p6-'));
  let pglite: FootprintRun['pglite'];
  try {
    pglite = await measureApp({ DATA_DIR: dataDir, DATABASE_URL: undefined }, requests);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  await onServer(serverUrl, `drop database if exists ${DATABASE} with (force)`);
  await onServer(serverUrl, `create database ${DATABASE}`);
  let postgres: FootprintRun['postgres'];
  const url = new URL(serverUrl);
  url.pathname = `/${DATABASE}`;
  const pgDataDir = mkdtempSync(join(tmpdir(), 'tuphebinh-p6-'));
  try {
    postgres = await measureApp({ DATA_DIR: pgDataDir, DATABASE_URL: url.toString() }, requests);
  } finally {
    rmSync(pgDataDir, { recursive: true, force: true });
    await onServer(serverUrl, `drop database if exists ${DATABASE} with (force)`);
  }
  const passed =
    postgres.readyMs <= PG_READY_MS && postgres.idleRssMb <= PG_RSS_MB && postgres.loadedRssMb <= PG_RSS_MB;
  return { bare, pglite, postgres, load: load1, passed };
}

export function footprintLines(run: FootprintRun): string[] {
  const ratio = (value: number, base: number) => `${(value / base).toFixed(1)}×`;
  const cpu = (figures: ServerFigures) =>
    figures.readyCpuMs === null || run.bare.readyCpuMs === null
      ? '—'
      : `${(figures.readyCpuMs / 1000).toFixed(2)} s (${ratio(figures.readyCpuMs, run.bare.readyCpuMs)})`;
  const row = (label: string, figures: ServerFigures) =>
    `| ${label} | ${(figures.readyMs / 1000).toFixed(2)} s (${ratio(figures.readyMs, run.bare.readyMs)}) | ${cpu(figures)} | ${figures.idleRssMb.toFixed(0)} MB (${ratio(figures.idleRssMb, run.bare.idleRssMb)}) | ${figures.loadedRssMb.toFixed(0)} MB (${ratio(figures.loadedRssMb, run.bare.loadedRssMb)}) | ${figures.perSecond.toFixed(0)} |`;
  return [
    '| server | start → first 200 (× bare) | processor time until then (× bare) | RSS idle (× bare) | RSS after requests (× bare) | requests/s |',
    '|---|---|---|---|---|---|',
    row('bare Fastify (`node bench/bare-fastify.mjs`)', run.bare),
    row('app, embedded PGlite', run.pglite),
    row('app, PostgreSQL', run.postgres),
    '',
    `${run.bare.requests} requests each (${CONCURRENCY} at a time; one in ten a signed-in \`GET /api/v1/me\`, the others \`GET /api/ready\`, each reading the database); RSS read ${IDLE_MS / 1000} s after the first 200 and right after the requests. Load average (1 min) at the start: ${run.load.toFixed(1)}.`,
    'Resident memory is the Node.js process alone: on PostgreSQL the database server runs apart and is not counted; the embedded database lives inside the process — PostgreSQL compiled to WebAssembly, whose linear memory starts at 128 MB and is never given back, plus its buffer cache (`shared_buffers` 16 MB, set in src/db/client.ts; PGlite’s default is 128 MB).',
    `First start on an empty database (demo loaded): PGlite ${(run.pglite.firstStartMs / 1000).toFixed(1)} s, ${run.pglite.firstStartRssMb.toFixed(0)} MB; PostgreSQL ${(run.postgres.firstStartMs / 1000).toFixed(1)} s, ${run.postgres.firstStartRssMb.toFixed(0)} MB.`,
  ];
}

const RESULTS = join(ROOT, 'bench/RESULTS.md');
const TITLE = '## P6 — start time and memory of the server';

export function writeFootprintResults(run: FootprintRun, machine: string): void {
  const section = [
    TITLE,
    '',
    `Run ${new Date().toISOString()} — PostgreSQL **${run.passed ? 'PASS' : 'FAIL'}** (ready ≤ ${PG_READY_MS / 1000} s, RSS ≤ ${PG_RSS_MB} MB idle and after the requests).`,
    '',
    machine,
    '',
    ...footprintLines(run),
    '',
  ].join('\n');
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  const kept = current.split(/\n(?=## )/).filter((part) => !part.startsWith(TITLE));
  writeFileSync(RESULTS, `${[...kept.map((part) => part.trimEnd()), section].join('\n\n')}`);
  console.log(`Đã ghi ${RESULTS}`);
}

/** Measures, prints and records P6; `npm run bench` calls it after P2. */
export async function benchServerFootprint(serverUrl: string, machine: string): Promise<boolean> {
  const run = await measureServerFootprint(serverUrl);
  console.log('P6 — thời gian khởi động và bộ nhớ của máy chủ:');
  for (const line of footprintLines(run)) console.log(line);
  console.log(`P6 trên PostgreSQL: ${run.passed ? 'ĐẠT' : 'KHÔNG ĐẠT'}`);
  writeFootprintResults(run, machine);
  return run.passed;
}

/** `npm run bench` and `npm run bench:p6`: P6 on the PostgreSQL server of `serverUrl`; a failure sets the exit code. */
export async function runServerFootprintBench(serverUrl: string): Promise<void> {
  const cpu = cpus();
  const machine = `- CPU: ${cpu[0]?.model ?? 'không rõ'} × ${cpu.length}, RAM ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}`;
  if (!(await benchServerFootprint(serverUrl, machine))) process.exitCode = 1;
}
