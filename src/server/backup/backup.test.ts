import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type DbOrTx, openDatabase, queryRows } from '../../db/client.js';
import { loadPgliteSnapshot } from '../../db/pglite-snapshot.js';
import { ROOT } from '../../paths.js';
import { buildApp } from '../app.js';
import { testConfig } from '../config.js';
import { form, inOneHour, issueCodes } from '../phone-forms/test-helpers.js';
import { prepareRemediation } from '../remediation/test-support.js';
import { openServerDatabase } from '../server-database.js';
import { accountName, TEST_PASSWORD, TestClient, type TestContext } from '../test-support.js';

const onPostgres = process.env.TEST_DB === 'postgres';
const LONG = 240_000;

/** Every row of every table (and every sequence's position), in a stable order, as text. */
async function everyRow(db: DbOrTx): Promise<Record<string, string[]>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select format('%I.%I', table_schema, table_name) as name from information_schema.tables
        where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`,
  );
  const content: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await queryRows<{ row: string }>(
      db,
      sql.raw(`select row_to_json(t)::text as row from ${name} t order by 1`),
    );
    content[name] = rows.map((row) => row.row);
  }
  const sequences = await queryRows<{ name: string; value: string | null }>(
    db,
    sql`select format('%I.%I', schemaname, sequencename) as name, last_value::text as value
        from pg_sequences where schemaname in ('public', 'drizzle') order by 1`,
  );
  content['(sequences)'] = sequences.map((sequence) => `${sequence.name}=${sequence.value}`);
  return content;
}

/** A database target a server and the backup commands are pointed at. */
interface Target {
  env: NodeJS.ProcessEnv;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

const adminUrl = process.env.TEST_DATABASE_URL ?? '';
async function onAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}

async function newTarget(): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tuphebinh-backup-'));
  if (!onPostgres) {
    return {
      env: { DATA_DIR: dataDir, DATABASE_URL: undefined },
      open: () => openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `tuphebinh_backup_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await onAdmin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    open: () => openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 }),
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await onAdmin(`drop database if exists ${name} with (force)`);
    },
  };
}

/** `npm run backup` / `npm run restore` as an operator runs them: the compiled commands, in their own process. */
function command(
  name: 'backup' | 'restore',
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, `dist/server/${name}.js`), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * The whole process on the scope tree, through the API: a published plan, a meeting with its
 * self-criticisms, paper and phone forms (codes, window, ballot box released), the compilation and
 * remediation items, the minutes signed by three and locked, the cell's report submitted and the
 * bloc's upward report written and submitted.
 */
async function runWholeProcess(context: TestContext): Promise<void> {
  const prepared = await prepareRemediation(context);
  const meetingUrl = `/api/v1/meetings/${prepared.meetingId}`;
  const ok = (response: { statusCode: number; body: string }, what: string) => {
    if (response.statusCode >= 300) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
  };
  ok(
    await prepared.secretary.client.post(`${meetingUrl}/paper-forms`, {
      selfCriticismId: prepared.members.a.selfCriticismId,
      authorName: null,
      form: { strengths: { duties: 'Tận tụy với công việc.' }, shortcomings: {}, proposals: '' },
    }),
    'paper form',
  );
  const codes = await issueCodes(prepared.committee, prepared.meetingId, 3);
  ok(await prepared.committee.post(`${meetingUrl}/form-window/open`, { endsAt: inOneHour() }), 'open window');
  const phone = new TestClient(context.app);
  for (const [index, code] of codes.slice(0, 2).entries()) {
    ok(
      await phone.post('/api/v1/phone-form/submit', {
        code,
        selfCriticismId: prepared.members[index === 0 ? 'a' : 'b'].selfCriticismId,
        form: form({ strength: `Phiếu điện thoại số ${index + 1}.`, shortcoming: 'Còn chậm.' }),
      }),
      'phone form',
    );
  }
  ok(await prepared.committee.post(`${meetingUrl}/form-window/close`), 'close window');
  ok(
    await prepared.committee.post(`${meetingUrl}/remediation-items`, {
      pointId: prepared.points.individual,
      action: 'Giải quyết hồ sơ trong ngày.',
      deadline: '2026-12-31',
    }),
    'remediation item',
  );
  ok(await prepared.secretary.client.get(`${meetingUrl}/minutes`), 'minutes draft');
  for (const [capacity, username] of [
    ['chair', accountName('committee', 'cellA1')],
    ['secretary', 'thuky.a1'],
    ['masses_representative', 'quanchung.a1'],
  ] as const) {
    ok(
      await prepared.secretary.client.post(`${meetingUrl}/minutes/signatures`, {
        capacity,
        username,
        password: TEST_PASSWORD,
      }),
      `signature ${capacity}`,
    );
  }
  const narrative = {
    results: 'Đã tổ chức.',
    strengths: 'Nghiêm túc.',
    limits: 'Còn chậm.',
    proposals: 'Không.',
  };
  const reportUrl = (organizationId: string) =>
    `/api/v1/plans/${prepared.planId}/organizations/${organizationId}/report`;
  const board = await TestClient.signIn(context.app, accountName('organization-board', 'bloc'));
  for (const [client, organizationId] of [
    [prepared.committee, prepared.tree.organizations.cellA1],
    [board, prepared.tree.organizations.bloc],
  ] as const) {
    const report = (await client.get(reportUrl(organizationId))).json() as { id: string; version: number };
    const saved = await client.put(`/api/v1/reports/${report.id}`, { version: report.version, narrative });
    ok(saved, 'report narrative');
    ok(
      await client.post(`/api/v1/reports/${report.id}/submit`, {
        version: saved.json().version,
        confirmGaps: true,
      }),
      'report submit',
    );
  }
}

describe('backup and restore (R2)', () => {
  let source: Target;
  let restored: Target;
  let server: { database: Database; context: TestContext };
  let expected: Record<string, string[]>;
  const work = mkdtempSync(join(tmpdir(), 'tuphebinh-backup-files-'));
  const backupFile = join(work, onPostgres ? 'sao-luu.dump' : 'sao-luu.tar.gz');

  beforeAll(async () => {
    const built = spawnSync(process.execPath, ['scripts/ensure-server-build.mjs'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`server build failed: ${built.stdout}${built.stderr}`);
    source = await newTarget();
    restored = await newTarget();
    // The source runs like a server: on the embedded database it holds DATA_DIR's lock, so the
    // backup command must get its copy from this process while it serves.
    const snapshot = process.env.TEST_PGLITE_SNAPSHOT;
    const database = onPostgres
      ? await source.open()
      : await openServerDatabase(testConfig({ DATA_DIR: source.env.DATA_DIR! }), {
          snapshot: snapshot ? loadPgliteSnapshot(snapshot) : undefined,
        });
    const app = await buildApp({ config: testConfig(), db: database.db, serveWeb: false });
    await app.ready();
    const context: TestContext = { app, database, close: async () => {} };
    server = { database, context };
    await runWholeProcess(context);
  }, LONG);

  afterAll(async () => {
    await server?.context.app.close();
    await server?.database.close();
    await source?.drop();
    await restored?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it(
    'backs up a database after the whole process while it serves, restores it into an empty one, every row equal',
    async () => {
      expected = await everyRow(server.database.db);
      for (const table of [
        'public.plans',
        'public.meetings',
        'public.feedback_forms',
        'public.minutes',
        'public.minutes_signatures',
        'public.reports',
        'public.audit_entries',
        'drizzle.__drizzle_migrations',
      ]) {
        expect(expected[table]?.length ?? 0, table).toBeGreaterThan(0);
      }
      const backup = await command('backup', [backupFile], source.env);
      expect(backup.code, backup.output).toBe(0);
      expect(backup.output).toContain('Đã sao lưu vào');
      // The server went on serving during the copy, and still does.
      expect((await server.context.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);

      const restore = await command('restore', [backupFile], restored.env);
      expect(restore.code, restore.output).toBe(0);
      expect(restore.output).toContain('Đã khôi phục xong');
      const copy = await restored.open();
      try {
        const actual = await everyRow(copy.db);
        expect(Object.keys(actual)).toEqual(Object.keys(expected));
        for (const table of Object.keys(expected)) expect(actual[table], table).toEqual(expected[table]);
      } finally {
        await copy.close();
      }
    },
    LONG,
  );

  it(
    'refuses a database with data without --yes, and a truncated or foreign file even with it: a Vietnamese message, nothing changed',
    async () => {
      const unchanged = async () => {
        const copy = await restored.open();
        try {
          expect(await everyRow(copy.db)).toEqual(expected);
        } finally {
          await copy.close();
        }
      };
      const again = await command('restore', [backupFile], restored.env);
      expect(again.code).toBe(1);
      expect(again.output).toContain('đã có dữ liệu');
      expect(again.output).toContain('--yes');

      const whole = readFileSync(backupFile);
      const truncated = join(work, onPostgres ? 'cat-cut.dump' : 'cat-cut.tar.gz');
      writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
      const cut = await command('restore', [truncated, '--yes'], restored.env);
      expect(cut.code, cut.output).toBe(1);
      expect(cut.output).toContain('bị hỏng hoặc không trọn vẹn');
      expect(cut.output).toContain('cơ sở dữ liệu giữ nguyên');

      const foreign = join(work, 'bang-tinh.xlsx');
      writeFileSync(foreign, Buffer.from('PK\u0003\u0004 không phải bản sao lưu'));
      const alien = await command('restore', [foreign, '--yes'], restored.env);
      expect(alien.code, alien.output).toBe(1);
      expect(alien.output).toContain('không phải bản sao lưu của tuphebinh');

      // A gzip that is not a database copy (embedded), or a copy of the other kind of database.
      const gzip = join(work, onPostgres ? 'nhung.tar.gz' : 'khac.tar.gz');
      writeFileSync(gzip, (await import('node:zlib')).gzipSync(Buffer.from('một tệp nén khác')));
      const other = await command('restore', [gzip, '--yes'], restored.env);
      expect(other.code, other.output).toBe(1);
      expect(other.output).toMatch(
        onPostgres ? /cơ sở dữ liệu nhúng/ : /không phải bản sao lưu của tuphebinh/,
      );
      expect(other.output).not.toMatch(/at .*\.js:\d+/);
      await unchanged();

      // With --yes a good backup replaces what is there, and the result is the backup again.
      const replace = await command('restore', [backupFile, '--yes'], restored.env);
      expect(replace.code, replace.output).toBe(0);
      await unchanged();
    },
    LONG,
  );
});
