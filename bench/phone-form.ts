import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, queryRows } from '../src/db/client.js';
import { feedbackCodes } from '../src/db/schema/index.js';
import { buildApp } from '../src/server/app.js';
import { readConfig } from '../src/server/config.js';
import { prepareMeeting } from '../src/server/meetings/test-support.js';
import { hashCode, newCode } from '../src/server/phone-forms/codes.js';
import { machineDescription } from './results.js';
import { formatSummary, type Summary, summarize } from './stats.js';

/**
 * QUALITY P1: a phone form submitted with a one-time code (validated, one transaction) on
 * PostgreSQL, 32 concurrent clients, driven from this process against the server in a second
 * process over loopback; compared with pgbench running one single-row INSERT at the same client
 * count in the same run. `npx tsx bench/phone-form.ts` (BENCH_DATABASE_URL or TEST_DATABASE_URL).
 */
const DATABASE = 'tuphebinh_bench_phone';
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? '32');
const CODES = Number(process.env.BENCH_CODES ?? '2000');
const PGBENCH_SECONDS = Number(process.env.BENCH_PGBENCH_SECONDS ?? '15');
const SECRET = 'khoa-do-hieu-nang-phieu-dien-thoai-0123456789';
const P99_LIMIT_MS = 50;
const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function databaseUrl(): string {
  const url = new URL(serverUrl);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

/** The meeting, its two members, `CODES` codes and an open window, made through the app itself. */
async function prepare() {
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl(), poolSize: 4 });
  const config = { ...readConfig({ LOG_LEVEL: 'silent', FORM_CODE_SECRET: SECRET }) };
  const app = await buildApp({ config, db: database.db, serveWeb: false });
  await app.ready();
  try {
    const meeting = await prepareMeeting({ app, database, close: async () => {} });
    const [committee] = await queryRows<{ id: string }>(
      database.db,
      sql`select id from accounts where username = 'committee.cella1'`,
    );
    const codes = Array.from({ length: CODES }, newCode);
    const key = Buffer.from(SECRET, 'utf8');
    for (let start = 0; start < codes.length; start += 500) {
      await database.db.insert(feedbackCodes).values(
        codes.slice(start, start + 500).map((code) => ({
          meetingId: meeting.meetingId,
          codeHash: hashCode(key, code),
          issuedBy: committee!.id,
        })),
      );
    }
    const endsAt = new Date(Date.now() + 2 * 60 * 60_000).toISOString();
    const opened = await meeting.committee.post(`/api/v1/meetings/${meeting.meetingId}/form-window/open`, {
      endsAt,
    });
    if (opened.statusCode !== 200) throw new Error(opened.body);
    const members = [meeting.members.a.selfCriticismId, meeting.members.b.selfCriticismId];
    return codes.flatMap((code) => members.map((selfCriticismId) => ({ code, selfCriticismId })));
  } finally {
    await app.close();
    await database.close();
  }
}

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(),
      PORT: String(port),
      HOST: '127.0.0.1',
      FORM_CODE_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'off',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Đang chạy tại')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return child;
}

const FORM = {
  strengths: { duties: 'Hoàn thành tốt nhiệm vụ được giao.' },
  shortcomings: { discipline: 'Có lúc đến muộn.' },
  proposals: 'Đề nghị phát huy.',
};

/** 32 workers, each sending the next (code, member) pair as soon as its previous answer came back. */
async function drive(baseUrl: string, pairs: { code: string; selfCriticismId: string }[]) {
  const samples: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let index = next++; index < pairs.length; index = next++) {
        const sentAt = performance.now();
        const response = await fetch(`${baseUrl}/api/v1/phone-form/submit`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...pairs[index], form: FORM }),
        });
        await response.arrayBuffer();
        samples.push(performance.now() - sentAt);
        if (response.status !== 200) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { summary: summarize(samples), perSecond: samples.length / seconds, failures };
}

async function pgbench(): Promise<number> {
  await onServer(`drop table if exists bench_single_insert`);
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  await client.query(
    'create table bench_single_insert (id uuid primary key default gen_random_uuid(), text text not null)',
  );
  await client.end();
  const dir = await mkdtemp(join(tmpdir(), 'tpb-pgbench-'));
  try {
    const script = join(dir, 'insert.sql');
    await writeFile(
      script,
      "insert into bench_single_insert (text) values ('Hoàn thành tốt nhiệm vụ được giao.');\n",
    );
    const url = new URL(databaseUrl());
    const output = execFileSync(
      'pgbench',
      [
        '-n',
        '-c',
        String(CLIENTS),
        '-j',
        '2',
        '-T',
        String(PGBENCH_SECONDS),
        '-f',
        script,
        '-h',
        url.hostname,
        '-p',
        url.port || '5432',
        '-U',
        decodeURIComponent(url.username) || 'postgres',
        DATABASE,
      ],
      { encoding: 'utf8', env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) } },
    );
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output);
    if (!tps) throw new Error(`pgbench output not understood:\n${output}`);
    return Number(tps[1]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface P1Run {
  machine: string;
  /** The machine's 1-minute load average when the load started: other work shares the cores. */
  load: number;
  submissions: Summary;
  perSecond: number;
  failures: number;
  pgbenchTps: number;
  passed: boolean;
}

function writeResults(run: P1Run): void {
  const title = '## P1 — phone form submitted with a one-time code';
  const row = (summary: Summary) =>
    `| ${summary.count} | ${summary.p50.toFixed(2)} | ${summary.p95.toFixed(2)} | ${summary.p99.toFixed(2)} | ${summary.max.toFixed(2)} |`;
  const section = [
    title,
    '',
    `Run ${new Date().toISOString()} — **${run.passed ? 'PASS' : 'FAIL'}** (throughput ≥ 50 % of pgbench's single-row INSERT at ${CLIENTS} clients, p99 ≤ ${P99_LIMIT_MS} ms).`,
    '',
    run.machine,
    '',
    `Server in its own process (PostgreSQL, pool 10), load from the benchmark process over loopback: ${CLIENTS} clients, each submitting the next form as soon as the previous answer arrived; ${CODES} codes × 2 members, every submission a distinct (code, member) pair.`,
    '',
    '| submissions (ms) | n | p50 | p95 | p99 | max |',
    '|---|---|---|---|---|---|',
    `| POST /phone-form/submit ${row(run.submissions)}`,
    '',
    `Load average (1 min) when the load started: ${run.load.toFixed(1)}. Throughput ${run.perSecond.toFixed(0)} forms/s (${run.failures} failed answers); pgbench single-row INSERT, ${CLIENTS} clients, ${PGBENCH_SECONDS} s: ${run.pgbenchTps.toFixed(0)} tps. Ratio ${((100 * run.perSecond) / run.pgbenchTps).toFixed(0)} %.`,
    '',
  ].join('\n');
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  const kept = current.split(/\n(?=## )/).filter((part) => !part.startsWith(title));
  writeFileSync(RESULTS, `${[...kept.map((part) => part.trimEnd()), section].join('\n\n')}`);
  console.log(`Đã ghi ${RESULTS}`);
}

async function main(): Promise<void> {
  await onServer(`drop database if exists ${DATABASE} with (force)`);
  await onServer(`create database ${DATABASE}`);
  let server: ChildProcess | undefined;
  try {
    console.log(`P1 — chuẩn bị buổi họp, ${CODES} mã…`);
    const pairs = await prepare();
    const port = 3900 + Math.floor(Math.random() * 90);
    server = await startServer(port);
    const baseUrl = `http://127.0.0.1:${port}`;
    const warm = pairs.splice(0, CLIENTS * 2);
    await drive(baseUrl, warm);
    const loadAverage = loadavg()[0] ?? 0;
    const load = await drive(baseUrl, pairs);
    console.log(
      `Gửi phiếu: ${formatSummary(load.summary)}; ${load.perSecond.toFixed(0)} phiếu/giây; lỗi: ${load.failures}`,
    );
    server.kill('SIGTERM');
    server = undefined;
    const tps = await pgbench();
    console.log(`pgbench (INSERT một dòng, ${CLIENTS} kết nối): ${tps.toFixed(0)} tps`);
    const passed = load.failures === 0 && load.perSecond >= tps / 2 && load.summary.p99 <= P99_LIMIT_MS;
    console.log(`P1: ${passed ? 'ĐẠT' : 'KHÔNG ĐẠT'} (tỉ lệ ${((100 * load.perSecond) / tps).toFixed(0)} %)`);
    const database = await openDatabase({ kind: 'postgres', url: databaseUrl(), poolSize: 1 });
    const machine = await machineDescription(database.db);
    await database.close();
    writeResults({
      machine,
      load: loadAverage,
      submissions: load.summary,
      perSecond: load.perSecond,
      failures: load.failures,
      pgbenchTps: tps,
      passed,
    });
    if (!passed) process.exitCode = 1;
  } finally {
    server?.kill('SIGTERM');
    if (process.env.BENCH_KEEP !== '1') await onServer(`drop database if exists ${DATABASE} with (force)`);
  }
}

await main();
