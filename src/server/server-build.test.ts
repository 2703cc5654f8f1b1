import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../paths.js';

const onPostgres = process.env.TEST_DB === 'postgres';
const adminUrl = process.env.TEST_DATABASE_URL ?? '';
const database = `tuphebinh_build_${process.pid}`;

async function onAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

const build = () =>
  spawnSync(process.execPath, ['scripts/ensure-server-build.mjs'], { cwd: ROOT, encoding: 'utf8' });

/** Issue 14: `npm start` serves compiled JavaScript, rebuilt when a source changes. */
describe('the compiled server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tuphebinh-build-'));
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    if (onPostgres) await onAdmin(`create database ${database}`);
  });
  afterAll(async () => {
    server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    if (onPostgres) await onAdmin(`drop database if exists ${database} with (force)`);
  });

  it('is what npm start runs: plain node on dist/server, no TypeScript loader', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const serving = scripts.start!.split('&&').at(-1)!;
    expect(serving).toMatch(/node .*dist\/server\/main\.js$/);
    expect(serving).not.toMatch(/tsx|ts-node|--import|--loader/);
    expect(scripts.start).toContain('scripts/ensure-server-build.mjs');
  });

  it('is rebuilt when a server source is newer, and not otherwise', () => {
    expect(build().status).toBe(0);
    const fresh = build();
    expect(fresh.status).toBe(0);
    expect(fresh.stdout).not.toContain('Đang biên dịch');
    const source = join(ROOT, 'src/server/health.ts');
    const later = new Date();
    utimesSync(source, later, later);
    const rebuilt = build();
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toContain('src/server/health.ts');
    const bundle = readFileSync(join(ROOT, 'dist/server/main.js'), 'utf8');
    // The document libraries load on first use (P6), and nothing compiles TypeScript at run time.
    for (const library of ['exceljs', 'pdfmake', 'docx', 'qrcode', 'tsx']) {
      expect(bundle, library).not.toMatch(new RegExp(`from ["']${library}["']`));
    }
  }, 60_000);

  it('starts on an empty database and answers /api/ready', async () => {
    const url = new URL(adminUrl || 'postgres://localhost/x');
    url.pathname = `/${database}`;
    server = spawn(process.execPath, ['dist/server/main.js'], {
      cwd: ROOT,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'warn',
        DATA_DIR: dataDir,
        DEMO_DATA: 'off',
        DATABASE_URL: onPostgres ? url.toString() : undefined,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const port = await new Promise<number>((resolve, reject) => {
      const look = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = /Đang chạy tại http:\/\/localhost:(\d+)/.exec(output);
        if (match) resolve(Number(match[1]));
      };
      server!.stdout!.on('data', look);
      server!.stderr!.on('data', look);
      server!.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
    const ready = await fetch(`http://127.0.0.1:${port}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true });
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
