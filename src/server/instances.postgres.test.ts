import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../db/client.js';
import { codesOnSheet } from './phone-forms/test-helpers.js';
import { provinceFile, variedProvince } from './province/workbook-fixtures.js';
import {
  type FormLoad,
  prepareFormLoad,
  type ServerDatabase,
  type ServerProcess,
  serverDatabase,
  signInOver,
  startServerProcess,
} from './server-process-support.js';

/**
 * Issue 14, "Done means" 6: two server processes on one PostgreSQL database behave as one. Each
 * has a data directory of its own, as two machines would; they share FORM_CODE_SECRET.
 */
const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
  entries: unknown[];
};

async function query<Row>(url: string, statement: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(statement)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** A second instance's environment: the same database, a data directory of its own. */
function elsewhere(database: ServerDatabase, directories: string[], extra: NodeJS.ProcessEnv = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tuphebinh-instance-'));
  directories.push(dataDir);
  return { ...database.env, DATA_DIR: dataDir, ...extra };
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  expect(await server.exitCode).toBe(0);
}

describe('two instances starting together on an empty PostgreSQL database', () => {
  let database: ServerDatabase;
  const directories: string[] = [];
  beforeAll(async () => {
    database = await serverDatabase('postgres', 'instances-empty');
  });
  afterAll(async () => {
    for (const directory of directories) rmSync(directory, { recursive: true, force: true });
    await database?.drop();
  });

  it('migrate and fill it once; a third with another code key is refused with a clear message', async () => {
    const [first, second] = await Promise.all([
      startServerProcess(database.env),
      startServerProcess(elsewhere(database, directories)),
    ]);
    const url = database.env.DATABASE_URL!;
    const applied = await query<{ count: number }>(
      url,
      'select count(*)::int as count from drizzle.__drizzle_migrations',
    );
    expect(applied[0]!.count).toBe(journal.entries.length);
    const filled = await query<{ organizations: number; accounts: number }>(
      url,
      `select (select count(*) from organizations)::int as organizations,
              (select count(*) from accounts)::int as accounts`,
    );
    expect(filled[0]).toEqual({ organizations: 1, accounts: 1 });
    const told = [first, second].filter((server) => server.output().includes('Mật khẩu dùng một lần'));
    expect(told).toHaveLength(1);

    const third = startServerProcess(
      elsewhere(database, directories, { FORM_CODE_SECRET: 'mot-khoa-khac-hoan-toan-0123456789abcdef' }),
    );
    const refusal = await third.then(
      () => '',
      (error: Error) => error.message,
    );
    expect(refusal).toContain('server exited with 1');
    expect(refusal).toContain('FORM_CODE_SECRET');
    await Promise.all([stop(first), stop(second)]);
  }, 300_000);
});

describe('two instances serving one PostgreSQL database', () => {
  let database: ServerDatabase;
  let load: FormLoad;
  let a: ServerProcess;
  let b: ServerProcess;
  const directories: string[] = [];
  const meetingPath = (path = '') => `/api/v1/meetings/${load.meetingId}${path}`;

  const call = async (
    server: ServerProcess,
    method: string,
    path: string,
    cookie?: string,
    body?: unknown,
  ) => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const buffer = Buffer.from(await response.arrayBuffer());
    const json = () => JSON.parse(buffer.toString('utf8'));
    return { status: response.status, buffer, json, text: buffer.toString('utf8') };
  };

  beforeAll(async () => {
    database = await serverDatabase('postgres', 'instances');
    load = await prepareFormLoad(database, 0, { openWindow: false });
    [a, b] = await Promise.all([
      startServerProcess(database.env),
      startServerProcess(elsewhere(database, directories)),
    ]);
  }, 300_000);
  afterAll(async () => {
    for (const server of [a, b]) if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    for (const directory of directories) rmSync(directory, { recursive: true, force: true });
    await database?.drop();
  }, 120_000);

  it('a session made on one works on the other, and signing out on one ends it on both', async () => {
    const cookie = await signInOver(a.baseUrl, load.members[0]!.username, load.members[0]!.password);
    const onB = await call(b, 'GET', '/api/v1/me', cookie);
    expect(onB.status, onB.text).toBe(200);
    expect(onB.json().username).toBe(load.members[0]!.username);
    expect((await call(b, 'DELETE', '/api/v1/sessions/current', cookie)).status).toBe(200);
    expect((await call(a, 'GET', '/api/v1/me', cookie)).status).toBe(401);
  }, 120_000);

  it('a form window opened on one takes the codes it printed on the other', async () => {
    const committee = await signInOver(a.baseUrl, load.committee.username, load.committee.password);
    const sheet = await call(a, 'POST', meetingPath('/phone-codes/sheet.pdf'), committee, { count: 2 });
    expect(sheet.status, sheet.text).toBe(200);
    const codes = await codesOnSheet(sheet.buffer);
    expect(codes).toHaveLength(2);
    const endsAt = new Date(Date.now() + 60 * 60_000).toISOString();
    const opened = await call(a, 'POST', meetingPath('/form-window/open'), committee, { endsAt });
    expect(opened.status, opened.text).toBe(200);

    const shown = await call(b, 'POST', '/api/v1/phone-form/open', undefined, { code: codes[0] });
    expect(shown.status, shown.text).toBe(200);
    const form = { strengths: { duties: 'Gương mẫu, tận tụy.' }, shortcomings: {}, proposals: '' };
    const member = load.members[0]!.selfCriticismId;
    const sent = await call(b, 'POST', '/api/v1/phone-form/submit', undefined, {
      code: codes[0],
      selfCriticismId: member,
      form,
    });
    expect(sent.status, sent.text).toBe(200);
    // The same code for the same member, now on the first instance: already used.
    const again = await call(a, 'POST', '/api/v1/phone-form/submit', undefined, {
      code: codes[0],
      selfCriticismId: member,
      form,
    });
    expect(again.status).toBe(409);

    const closed = await call(b, 'POST', meetingPath('/form-window/close'), committee, {});
    expect(closed.status, closed.text).toBe(200);
    const released = await call(a, 'GET', meetingPath('/phone-forms'), committee);
    expect(released.status, released.text).toBe(200);
    expect(released.json().phoneForms).toBe(1);
  }, 120_000);

  it('the secretary’s live page on one sees an opinion typed on the other', async () => {
    const secretary = await signInOver(a.baseUrl, 'thuky.a1', load.members[0]!.password);
    const committee = await signInOver(b.baseUrl, load.committee.username, load.committee.password);
    const { version } = (await call(a, 'GET', meetingPath(), secretary)).json();
    const started = await call(a, 'PUT', meetingPath('/agenda'), secretary, { step: 'opening', version });
    expect(started.status, started.text).toBe(200);
    const before = await call(a, 'GET', meetingPath('/live'), secretary);
    expect(before.status, before.text).toBe(200);
    const { cursor } = before.json();

    const text = 'Đồng chí cần chủ động hơn trong công việc được giao.';
    const typed = await call(b, 'POST', meetingPath('/feedback'), committee, {
      id: crypto.randomUUID(),
      selfCriticismId: load.members[1]!.selfCriticismId,
      area: 'duties',
      kind: 'shortcoming',
      text,
      speakerName: 'Bà Đỗ Thị Năm',
      dissenting: false,
    });
    expect(typed.status, typed.text).toBe(201);
    const after = await call(a, 'GET', meetingPath(`/live?after=${cursor}`), secretary);
    expect(after.status, after.text).toBe(200);
    expect(after.json().entries.map((entry: { text: string }) => entry.text)).toContain(text);
  }, 120_000);

  it('a province import previewed on one is polled and applied on the other', async () => {
    const admin = await signInOver(a.baseUrl, 'root-admin', load.members[0]!.password);
    const [base] = await query<{ id: string }>(
      database.env.DATABASE_URL!,
      `select id from organizations where name = 'Đảng bộ cơ sở B'`,
    );
    const body = new FormData();
    const file = await provinceFile(variedProvince(120, 'I'));
    body.append('file', new Blob([new Uint8Array(file)]), 'so-nhap.xlsx');
    const uploaded = await fetch(`${a.baseUrl}/api/v1/organizations/${base!.id}/province-imports`, {
      method: 'POST',
      headers: { cookie: admin },
      body,
    });
    expect(uploaded.status, await uploaded.clone().text()).toBe(202);
    const { id } = (await uploaded.json()) as { id: string };
    const settledOn = async (server: ServerProcess) => {
      for (let attempt = 0; attempt < 600; attempt++) {
        const job = (await call(server, 'GET', `/api/v1/province-imports/${id}`, admin)).json();
        if (job.state !== 'checking' && job.state !== 'applying') return job;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error('import did not settle');
    };
    // Polled on B: the preview A made.
    const preview = await settledOn(b);
    expect(preview.state).toBe('ready');
    expect(preview.preview.errors).toEqual([]);
    expect(preview.preview.counts.people.create).toBeGreaterThan(100);
    // Applied on B, which never parsed the file: it reads it from the job's row.
    const applying = await call(b, 'POST', `/api/v1/province-imports/${id}/apply`, admin, {});
    expect(applying.status, applying.text).toBe(202);
    expect((await call(a, 'POST', `/api/v1/province-imports/${id}/apply`, admin, {})).status).toBe(409);
    const applied = await settledOn(a);
    expect(applied.failure).toBeNull();
    expect(applied.state).toBe('applied');
    const [people] = await query<{ count: number; kept: number }>(
      database.env.DATABASE_URL!,
      `select (select count(*) from people p join workplaces w on w.id = p.workplace_id where w.code like 'I-%')::int as count,
              (select count(*) from province_imports where content is not null)::int as kept`,
    );
    expect(people).toEqual({ count: preview.preview.counts.people.create, kept: 0 });
  }, 120_000);

  it('throttles count the tries made on both', async () => {
    // Wrong codes: the limit is reached by tries split between the two, then both refuse.
    const wrong = { code: 'ABCDE-FGHJK' };
    for (let attempt = 0; attempt < 20; attempt++) {
      const answer = await call(attempt % 2 ? b : a, 'POST', '/api/v1/phone-form/open', undefined, wrong);
      expect(answer.status, answer.text).toBe(404);
    }
    for (const server of [a, b]) {
      const answer = await call(server, 'POST', '/api/v1/phone-form/open', undefined, wrong);
      expect(answer.status).toBe(429);
    }

    // Wrong passwords for one account: three judged (two free, then a delay starts), split over both.
    const guess = { username: load.members[1]!.username, password: 'khong-dung-mat-khau' };
    for (const server of [a, b, a]) {
      expect((await call(server, 'POST', '/api/v1/sessions', undefined, guess)).status).toBe(401);
    }
    const delayed = await call(b, 'POST', '/api/v1/sessions', undefined, guess);
    expect(delayed.status).toBe(429);
    expect(delayed.json().error.details.retryAfterSeconds).toBeGreaterThan(0);

    await Promise.all([stop(a), stop(b)]);
  }, 120_000);
});
