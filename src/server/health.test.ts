import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-database.js';
import { buildApp } from './app.js';
import { testConfig } from './config.js';
import { latestMigrationMillis } from './health.js';
import { createTestContext, type TestContext } from './test-support.js';

describe('health and readiness for a load balancer (issue 14)', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext();
  });
  afterAll(() => context.close());

  it('answers /api/health and /api/ready without a session on a migrated database', async () => {
    const health = await context.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ ok: true });
    const ready = await context.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ ok: true });
  });

  it('knows the newest migration it needs from the journal, and the database recorded it', async () => {
    const rows = (await context.database.db.execute(
      sql`select max(created_at) as latest from drizzle.__drizzle_migrations`,
    )) as unknown as { rows: { latest: string | number }[] };
    expect(Number(rows.rows[0]!.latest)).toBe(latestMigrationMillis());
  });

  it('is not ready on a database whose migrations are missing, then on one that does not answer', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ config: testConfig(), db: database.db, serveWeb: false });
    let closed = false;
    try {
      await database.db.execute(sql`drop table drizzle.__drizzle_migrations`);
      const unmigrated = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(unmigrated.statusCode).toBe(503);
      expect(unmigrated.json().error.message).toContain('Không truy vấn được cơ sở dữ liệu');
      await database.db.execute(
        sql`create table drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
      );
      await database.db.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('old', ${latestMigrationMillis() - 1})`,
      );
      const behind = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(behind.statusCode).toBe(503);
      expect(behind.json().error.message).toContain('chưa được cập nhật đủ');
      // The process itself is alive all along: health does not ask the database.
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      await database.close();
      closed = true;
      const gone = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(gone.statusCode).toBe(503);
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
      if (!closed) await database.close();
    }
  }, 120_000);

  it('logs no probe at info level, while other requests are logged', async () => {
    const stream = new PassThrough();
    const lines: string[] = [];
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    const app = await buildApp({
      config: testConfig({ LOG_LEVEL: 'info' }),
      db: context.database.db,
      serveWeb: false,
      logStream: stream,
    });
    try {
      for (let i = 0; i < 3; i++) {
        expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
        expect((await app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
      }
      expect((await app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
      await new Promise((resolve) => setImmediate(resolve));
      const urls = lines.map((line) => JSON.parse(line) as { req?: { url?: string } }).map((e) => e.req?.url);
      expect(urls).toContain('/api/v1/me');
      expect(urls.filter((url) => url === '/api/health' || url === '/api/ready')).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
