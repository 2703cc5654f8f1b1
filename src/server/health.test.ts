import { PassThrough } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client.js';
import * as schema from '../db/schema/index.js';
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
    const client = new PGlite();
    const db = drizzle({ client, schema }) as unknown as Db;
    const app = await buildApp({ config: testConfig(), db, serveWeb: false });
    try {
      const unmigrated = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(unmigrated.statusCode).toBe(503);
      expect(unmigrated.json().error.message).toContain('Không truy vấn được cơ sở dữ liệu');
      await client.exec('create schema drizzle');
      await client.exec(
        'create table drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)',
      );
      await client.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [
        'old',
        latestMigrationMillis() - 1,
      ]);
      const behind = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(behind.statusCode).toBe(503);
      expect(behind.json().error.message).toContain('chưa được cập nhật đủ');
      // The process itself is alive all along: health does not ask the database.
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      await client.close();
      const closed = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(closed.statusCode).toBe(503);
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

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
