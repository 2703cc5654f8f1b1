/**
 * What the S6 anonymity tests share: an app whose whole log (trace level, behind a trusted proxy
 * so forwarded addresses are read) is captured, and a scan of every column of every table for
 * values that must have left no trace.
 */
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/client.js';
import { createTestDatabase } from '../db/test-database.js';
import { normalizeCode } from '../domain/phone-codes.js';
import { buildApp } from './app.js';
import { testConfig } from './config.js';
import type { TestContext } from './test-support.js';

/** A test context whose log lines are all kept in `log`, as the server would write them. */
export async function createLoggedContext(): Promise<{ context: TestContext; log: string[] }> {
  const log: string[] = [];
  const database = await createTestDatabase();
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => log.push(chunk.toString('utf8')));
  const app = await buildApp({
    config: testConfig({ LOG_LEVEL: 'trace', TRUST_PROXY: true }),
    db: database.db,
    serveWeb: false,
    logStream: stream,
  });
  await app.ready();
  const context: TestContext = {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
  return { context, log };
}

export const auditCount = async (context: TestContext) =>
  Number(
    (
      await queryRows<{ n: number }>(context.database.db, sql`select count(*)::int as n from audit_entries`)
    )[0]!.n,
  );

/** A code as typed, as normalized, and as a plain (unkeyed) hash: none of them may be stored. */
export function codeForms(code: string): string[] {
  const normalized = normalizeCode(code);
  return [normalized, code, createHash('sha256').update(normalized).digest('hex')];
}

/**
 * Looks for each needle in every text-like column of every table; `found` names each
 * `table.column ∋ needle` hit, `scanned` how many columns were read (so an empty scan cannot pass).
 */
export async function findInEveryColumn(
  context: TestContext,
  needles: string[],
): Promise<{ scanned: number; found: string[] }> {
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    context.database.db,
    sql`select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
          and c.data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'uuid', 'ARRAY', 'inet')`,
  );
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    for (const needle of needles) {
      const [row] = await queryRows<{ n: number }>(
        context.database.db,
        sql`select count(*)::int as n from ${sql.identifier(table_name)}
            where ${sql.identifier(column_name)}::text ilike ${`%${needle}%`}`,
      );
      if (Number(row!.n) > 0) found.push(`${table_name}.${column_name} ∋ ${needle}`);
    }
  }
  return { scanned: columns.length, found };
}
