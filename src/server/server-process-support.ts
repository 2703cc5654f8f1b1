/**
 * Tests that need the server as a separate process (a signal, a crash, two instances): the
 * process is started the way `npm start` starts it, on a database of its own, and driven over
 * HTTP like a browser or a phone would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, queryRows } from '../db/client.js';
import { loadPgliteSnapshot } from '../db/pglite-snapshot.js';
import { feedbackCodes } from '../db/schema/index.js';
import { buildApp } from './app.js';
import { TEST_FORM_CODE_SECRET, testConfig } from './config.js';
import { prepareMeeting } from './meetings/test-support.js';
import { hashCode, newCode } from './phone-forms/codes.js';
import { openServerDatabase, pgliteDir } from './server-database.js';
import { TEST_PASSWORD } from './test-support.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The serving process's command line, as `npm start` runs it after building the web app. One
 * place to change when the server is started differently.
 */
export const SERVER_COMMAND: readonly string[] = ['--import', 'tsx', 'src/server/main.ts'];

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  output(): string;
  exitCode: Promise<number | null>;
}

/** Starts a server process and waits until it listens (its "Đang chạy tại" line). */
export async function startServerProcess(
  env: NodeJS.ProcessEnv,
  timeoutMs = 150_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...SERVER_COMMAND], {
    cwd: REPO,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      FORM_CODE_SECRET: TEST_FORM_CODE_SECRET,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exitCode = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const look = () => {
      const match = /Đang chạy tại http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', look);
    exitCode.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return { child, port, baseUrl: `http://127.0.0.1:${port}`, output: () => output, exitCode };
}

/** The database server processes run on: a new PostgreSQL database, or a new embedded data directory. */
export interface ServerDatabase {
  kind: 'pglite' | 'postgres';
  env: NodeJS.ProcessEnv;
  dataDir: string;
  /** Opens it in this process (the embedded one only while no server holds it). */
  open(): Promise<Database>;
  drop(): Promise<void>;
}

/** Runs one statement on the PostgreSQL server of TEST_DATABASE_URL, outside any test database. */
export async function onPostgresServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

export async function serverDatabase(kind: 'pglite' | 'postgres', prefix: string): Promise<ServerDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), `tuphebinh-${prefix}-`));
  if (kind === 'pglite') {
    const env = { DATA_DIR: dataDir, DATABASE_URL: undefined, DEMO_DATA: 'off' };
    // The first opening starts from the migrated snapshot of the test run (seconds saved).
    let snapshot = process.env.TEST_PGLITE_SNAPSHOT;
    return {
      kind,
      env,
      dataDir,
      open: () => {
        const options = snapshot ? { snapshot: loadPgliteSnapshot(snapshot) } : {};
        snapshot = undefined;
        return openServerDatabase({ DATA_DIR: dataDir, DATABASE_URL: undefined }, options);
      },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('a PostgreSQL server process needs TEST_DATABASE_URL');
  const name = `tuphebinh_${prefix.replace(/\W/g, '_')}_${process.pid}_${Date.now()}`;
  await onPostgresServer(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString(), DEMO_DATA: 'off' },
    dataDir,
    open: () => openServerDatabase({ DATA_DIR: dataDir, DATABASE_URL: url.toString() }),
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await onPostgresServer(`drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * PostgreSQL's own record of how the embedded cluster was left (pg_control's state): 1 after a
 * clean shutdown, 6 ("in production") when the process died with it open.
 */
export function embeddedClusterState(database: ServerDatabase): 'shut down' | 'in production' | number {
  const state = readFileSync(
    join(pgliteDir({ DATA_DIR: database.dataDir }), 'global', 'pg_control'),
  ).readUInt32LE(16);
  if (state === 1) return 'shut down';
  if (state === 6) return 'in production';
  return state;
}

export interface FormLoad {
  meetingId: string;
  /** Every (code, member) pair a phone can send a form for: codes × 2 members. */
  pairs: { code: string; selfCriticismId: string }[];
  members: { username: string; password: string; selfCriticismId: string }[];
  committee: { username: string; password: string };
}

/**
 * A meeting (meetings/test-support's `prepareMeeting`) with `codeCount` codes and its form
 * window open for two hours (unless told not to), written in this process before any server starts on the database.
 */
export async function prepareFormLoad(
  database: ServerDatabase,
  codeCount: number,
  options: { openWindow?: boolean } = {},
): Promise<FormLoad> {
  const opened = await database.open();
  const app = await buildApp({
    config: testConfig({ DATA_DIR: database.dataDir }),
    db: opened.db,
    serveWeb: false,
  });
  await app.ready();
  try {
    const meeting = await prepareMeeting({ app, database: opened, close: async () => {} });
    const [committee] = await queryRows<{ id: string }>(
      opened.db,
      sql`select id from accounts where username = 'committee.cella1'`,
    );
    const codes = Array.from({ length: codeCount }, newCode);
    const key = Buffer.from(TEST_FORM_CODE_SECRET, 'utf8');
    for (let start = 0; start < codes.length; start += 500) {
      await opened.db.insert(feedbackCodes).values(
        codes.slice(start, start + 500).map((code) => ({
          meetingId: meeting.meetingId,
          codeHash: hashCode(key, code),
          issuedBy: committee!.id,
        })),
      );
    }
    const window =
      options.openWindow === false
        ? { statusCode: 200, body: '' }
        : await meeting.committee.post(`/api/v1/meetings/${meeting.meetingId}/form-window/open`, {
            endsAt: new Date(Date.now() + 2 * 60 * 60_000).toISOString(),
          });
    if (window.statusCode !== 200) throw new Error(`opening the window failed: ${window.body}`);
    const members = [
      { username: 'dangvien.a', password: TEST_PASSWORD, selfCriticismId: meeting.members.a.selfCriticismId },
      { username: 'dangvien.b', password: TEST_PASSWORD, selfCriticismId: meeting.members.b.selfCriticismId },
    ];
    return {
      meetingId: meeting.meetingId,
      pairs: codes.flatMap((code) =>
        members.map((member) => ({ code, selfCriticismId: member.selfCriticismId })),
      ),
      members,
      committee: { username: 'committee.cella1', password: TEST_PASSWORD },
    };
  } finally {
    await app.close();
    await opened.close();
  }
}

/** Signs in over HTTP; returns the session cookie to send back. */
export async function signInOver(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith('tpb_session='));
  return cookie!.split(';')[0]!;
}

/** The phone form sent for pair number `index`: its text names the pair, so it can be found again. */
export function numberedForm(index: number) {
  return {
    strengths: { duties: `Ưu điểm của phiếu số ${index}.` },
    shortcomings: { discipline: `Khuyết điểm của phiếu số ${index}.` },
    proposals: `Đề xuất của phiếu số ${index}.`,
  };
}
