import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './demo/accounts.js';
import { lockDataDir } from './server-database.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const onPostgres = process.env.TEST_DB === 'postgres';
const FIRST_START_MS = 90_000;

interface ServerProcess {
  child: ChildProcess;
  port: number;
  output(): string;
  exitCode: Promise<number | null>;
}

function runServer(env: NodeJS.ProcessEnv): {
  child: ChildProcess;
  output(): string;
  exitCode: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: REPO,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exitCode = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exitCode };
}

async function startServer(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const server = runServer(env);
  const port = await new Promise<number>((resolve, reject) => {
    const look = () => {
      const match = /Đang chạy tại http:\/\/localhost:(\d+)/.exec(server.output());
      if (match) resolve(Number(match[1]));
    };
    server.child.stdout!.on('data', look);
    server.exitCode.then((code) => reject(new Error(`server exited with ${code}:\n${server.output()}`)));
  });
  return { ...server, port };
}

async function login(port: number, username: string, password: string) {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { status: response.status, body: await response.json() };
}

/** The database a server process runs on: a new PostgreSQL database, or a new embedded data directory. */
async function serverDatabase(): Promise<{ env: NodeJS.ProcessEnv; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tuphebinh-main-'));
  if (!onPostgres) {
    return {
      env: { DATA_DIR: dataDir, DATABASE_URL: undefined, DEMO_DATA: 'auto' },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `tuphebinh_main_${process.pid}_${Date.now()}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString(), DEMO_DATA: 'auto' },
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

describe('the server process', () => {
  let database: Awaited<ReturnType<typeof serverDatabase>>;
  let credentials: { username: string; password: string };
  beforeAll(async () => {
    database = await serverDatabase();
  });
  afterAll(() => database.drop());

  it(
    'fills an empty database on first start: the demo when embedded, a one-time administrator on PostgreSQL',
    async () => {
      const server = await startServer(database.env);
      if (onPostgres) {
        const match = /Mật khẩu dùng một lần: (\S+)/.exec(server.output());
        expect(match, server.output()).not.toBeNull();
        credentials = { username: 'admin', password: match![1]! };
      } else {
        expect(server.output()).toContain('Tài khoản dùng thử');
        credentials = { username: 'dangvien', password: DEMO_PASSWORD };
      }
      const signedIn = await login(server.port, credentials.username, credentials.password);
      expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exitCode).toBe(0);
    },
    FIRST_START_MS,
  );

  it('finishes a request in flight when told to stop, then exits cleanly', async () => {
    const server = await startServer(database.env);
    expect(server.output()).not.toContain('Mật khẩu dùng một lần');
    const body = JSON.stringify(credentials);
    const socket = connect(server.port, '127.0.0.1');
    let reply = '';
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
    });
    const closed = new Promise((resolve) => socket.on('close', resolve));
    // The request's headers arrive before the signal and its body after it: it is in flight.
    socket.write(
      `POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    socket.write(body);
    await closed;
    expect(reply).toMatch(/^HTTP\/1\.1 200 /);
    expect(await server.exitCode).toBe(0);
    expect(server.output()).toContain('Đã dừng máy chủ.');
  }, 60_000);
});

/** `npm run demo:reset` as a user runs it: a separate process on the server's database. */
function runDemoReset(env: NodeJS.ProcessEnv, ...args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/demo-reset.ts', ...args], {
    cwd: REPO,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, output })),
  );
}

describe('npm run demo:reset', () => {
  let database: Awaited<ReturnType<typeof serverDatabase>>;
  beforeAll(async () => {
    database = await serverDatabase();
  });
  afterAll(() => database.drop());

  it(
    'puts the demo back as it was after a user changed it',
    async () => {
      if (onPostgres) {
        const unconfirmed = await runDemoReset(database.env);
        expect(unconfirmed.code).toBe(1);
        expect(unconfirmed.output).toContain('--yes');
      }
      const first = await runDemoReset(database.env, '--yes');
      expect(first.code, first.output).toBe(0);

      const changed = 'mat-khau-moi-2026';
      let server = await startServer(database.env);
      const signedIn = await fetch(`http://127.0.0.1:${server.port}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'dangvien', password: DEMO_PASSWORD }),
      });
      expect(signedIn.status).toBe(200);
      const change = await fetch(`http://127.0.0.1:${server.port}/api/v1/me/password`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          cookie: signedIn.headers.get('set-cookie')!.split(';')[0]!,
        },
        body: JSON.stringify({ currentPassword: DEMO_PASSWORD, newPassword: changed }),
      });
      expect(change.status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exitCode).toBe(0);

      const reset = await runDemoReset(database.env, '--yes');
      expect(reset.code, reset.output).toBe(0);
      expect(reset.output).toContain('Đã nạp lại dữ liệu mẫu');
      if (!onPostgres) expect(existsSync(join(database.env.DATA_DIR!, 'pglite.bak'))).toBe(true);

      server = await startServer(database.env);
      expect((await login(server.port, 'dangvien', changed)).status).toBe(401);
      expect((await login(server.port, 'dangvien', DEMO_PASSWORD)).status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exitCode).toBe(0);
    },
    FIRST_START_MS * 2,
  );
});

describe('the embedded database lock', () => {
  it('keeps a second server out of a data directory in use, with a message telling to stop the first', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tuphebinh-lock-'));
    const release = lockDataDir(dataDir);
    try {
      const second = runServer({ DATA_DIR: dataDir, DATABASE_URL: undefined });
      expect(await second.exitCode).toBe(1);
      expect(second.output()).toContain('Hãy dừng máy chủ trước');
    } finally {
      release();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);

  it('takes over a lock left behind by a process that no longer runs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tuphebinh-lock-'));
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.on('exit', resolve));
    const lockFile = join(dataDir, 'pglite.lock');
    writeFileSync(lockFile, `${gone.pid}\n`);
    const release = lockDataDir(dataDir);
    expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile)).toBe(false);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
