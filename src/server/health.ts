import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/client.js';
import { MIGRATIONS_DIR } from '../paths.js';
import type { App } from './http/types.js';

/**
 * For a load balancer or a supervisor, asked every few seconds: never logged at info level (a line
 * per probe would drown the log), a failure still is (warn and above).
 */
function probeOptions(app: App) {
  const quieter = ['error', 'fatal', 'silent'].includes(app.config.LOG_LEVEL);
  return {
    config: { public: true },
    schema: { hide: true },
    logLevel: quieter ? app.config.LOG_LEVEL : 'warn',
  };
}

/** The `when` of the newest migration this code carries: drizzle records it as `created_at`. */
export function latestMigrationMillis(): number {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return Math.max(...journal.entries.map((entry) => entry.when));
}

export type Readiness = { ready: true } | { ready: false; reason: string };

/** The database answers and holds every migration this code needs. */
export async function checkReadiness(app: App, expected: number): Promise<Readiness> {
  try {
    const rows = await queryRows<{ latest: string | number | null }>(
      app.db,
      sql`select max(created_at) as latest from drizzle.__drizzle_migrations`,
    );
    const latest = Number(rows[0]?.latest ?? 0);
    if (latest < expected) {
      return { ready: false, reason: 'Cơ sở dữ liệu chưa được cập nhật đủ các bản chuyển đổi (migration).' };
    }
    return { ready: true };
  } catch {
    return { ready: false, reason: 'Không truy vấn được cơ sở dữ liệu.' };
  }
}

/**
 * `GET /api/health`: the process is alive (answers without touching the database).
 * `GET /api/ready`: the database answers and its migrations are applied; 503 otherwise, so the
 * balancer sends no request to an instance that cannot serve it.
 */
export function healthRoutes(app: App): void {
  const expected = latestMigrationMillis();
  const PROBE = probeOptions(app);
  app.get('/api/health', PROBE, () => ({ ok: true }));
  app.get('/api/ready', PROBE, async (request, reply) => {
    const readiness = await checkReadiness(app, expected);
    if (readiness.ready) return reply.header('cache-control', 'no-store').send({ ok: true });
    request.log.warn({ reason: readiness.reason }, 'chưa sẵn sàng');
    return reply
      .code(503)
      .header('cache-control', 'no-store')
      .send({ error: { code: 'not_ready', message: readiness.reason, issues: [] } });
  });
}
