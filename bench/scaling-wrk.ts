import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  numberedForm,
  prepareFormLoad,
  serverDatabase,
  signInOver,
  startServerProcess,
} from '../src/server/server-process-support.js';

/**
 * The figures docs/SCALING.md is worked out from, measured with wrk against one server process on
 * PostgreSQL (TEST_DATABASE_URL): an authenticated read (GET /api/v1/me), a phone opening its form
 * (POST /phone-form/open) and phone forms sent (POST /phone-form/submit, each a distinct code and
 * member), 32 connections each; the server's resident memory after them.
 * `TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/scaling-wrk.ts`
 */
const SECONDS = Number(process.env.BENCH_WRK_SECONDS ?? '15');
const CONNECTIONS = process.env.BENCH_CONNECTIONS ?? '32';
const CODES = Number(process.env.BENCH_CODES ?? '4000');
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

function rss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

function wrk(url: string, script: string, dir: string): string {
  const file = join(dir, 'script.lua');
  writeFileSync(file, script);
  return execFileSync('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--latency', '-s', file, url], {
    encoding: 'utf8',
  });
}

function summary(output: string): string {
  const rate = /Requests\/sec:\s+([\d.]+)/.exec(output)?.[1];
  const p50 = /\s50%\s+(\S+)/.exec(output)?.[1];
  const p99 = /\s99%\s+(\S+)/.exec(output)?.[1];
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? '0';
  return `${rate} req/s, p50 ${p50}, p99 ${p99}, non-2xx ${errors}`;
}

const database = await serverDatabase('postgres', 'scaling');
const dir = mkdtempSync(join(tmpdir(), 'tpb-wrk-'));
try {
  console.log(`Chuẩn bị ${CODES} mã…`);
  const load = await prepareFormLoad(database, CODES);
  const server = await startServerProcess({ ...database.env, LOG_LEVEL: 'warn' });
  const pid = server.child.pid!;
  const cookie = await signInOver(server.baseUrl, load.members[0]!.username, load.members[0]!.password);
  console.log(`Tải 1 phút lúc bắt đầu: ${loadavg()[0]!.toFixed(1)}; RSS khi rỗi: ${rss(pid).toFixed(0)} MB`);

  const me = wrk(
    `${server.baseUrl}/api/v1/me`,
    `wrk.method = "GET"\nwrk.headers["cookie"] = "${cookie}"\n`,
    dir,
  );
  console.log(`GET /api/v1/me: ${summary(me)}`);

  // The secretary's live page as it polls (every 2 s in the web app): only what changed since its cursor.
  const secretary = await signInOver(server.baseUrl, 'thuky.a1', load.members[0]!.password);
  const meetingUrl = `${server.baseUrl}/api/v1/meetings/${load.meetingId}`;
  const { version } = (await (await fetch(meetingUrl, { headers: { cookie: secretary } })).json()) as {
    version: number;
  };
  const started = await fetch(`${meetingUrl}/agenda`, {
    method: 'PUT',
    headers: { cookie: secretary, 'content-type': 'application/json' },
    body: JSON.stringify({ step: 'opening', version }),
  });
  if (started.status !== 200) throw new Error(await started.text());
  const { cursor } = (await (
    await fetch(`${meetingUrl}/live`, { headers: { cookie: secretary } })
  ).json()) as {
    cursor: number;
  };
  const live = wrk(`${meetingUrl}/live?after=${cursor}`, `wrk.headers["cookie"] = "${secretary}"\n`, dir);
  console.log(`GET /meetings/:id/live?after=: ${summary(live)}`);

  const open = wrk(
    `${server.baseUrl}/api/v1/phone-form/open`,
    `wrk.method = "POST"\nwrk.headers["content-type"] = "application/json"\nwrk.body = '${JSON.stringify({ code: load.pairs[0]!.code })}'\n`,
    dir,
  );
  console.log(`POST /phone-form/open: ${summary(open)}`);

  const bodies = load.pairs.map((pair, index) => JSON.stringify({ ...pair, form: numberedForm(index) }));
  writeFileSync(join(dir, 'bodies.txt'), `${bodies.join('\n')}\n`);
  const submit = wrk(
    `${server.baseUrl}/api/v1/phone-form/submit`,
    `local bodies = {}
for line in io.lines("${join(dir, 'bodies.txt')}") do bodies[#bodies + 1] = line end
local counter = 0
local threads = 0
function setup(thread) thread:set("offset", threads); threads = threads + 1 end
function init(args) counter = offset end
function request()
  counter = counter + 2
  local body = bodies[counter] or bodies[1]
  return wrk.format("POST", nil, { ["content-type"] = "application/json" }, body)
end
`,
    dir,
  );
  console.log(`POST /phone-form/submit: ${summary(submit)} (${bodies.length} distinct forms available)`);
  console.log(`RSS sau tải: ${rss(pid).toFixed(0)} MB; tải 1 phút: ${loadavg()[0]!.toFixed(1)}`);
  server.child.kill('SIGTERM');
  await server.exitCode;
} finally {
  rmSync(dir, { recursive: true, force: true });
  await database.drop();
}
