/**
 * What the S6 anonymity tests share: an app whose whole log (trace level, behind a trusted proxy
 * so forwarded addresses are read) is captured, a scan of every column of every table for values
 * that must have left no trace, and the auditor's tools: the transaction ids (`xmin`, `xmax`) and
 * times left in every row, the sequences, and the size of a table's files.
 */
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../db/client.js';
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

/** Audit entries so far; `excludingReads` leaves out the audited reads of personal data (S8), made by signed-in readers. */
export const auditCount = async (context: TestContext, { excludingReads = false } = {}) =>
  Number(
    (
      await queryRows<{ n: number }>(
        context.database.db,
        excludingReads
          ? sql`select count(*)::int as n from audit_entries where action not like '%.read'`
          : sql`select count(*)::int as n from audit_entries`,
      )
    )[0]!.n,
  );

/** A code as typed, as normalized, and as a plain (unkeyed) hash: none of them may be stored. */
export function codeForms(code: string): string[] {
  const normalized = normalizeCode(code);
  return [normalized, code, createHash('sha256').update(normalized).digest('hex')];
}

/** Every table of the app's schema. */
export async function appTables(db: DbOrTx): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return rows.map((row) => row.table_name);
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
  const count = async (table: string, column: string, patterns: string[]) => {
    const [row] = await queryRows<{ n: number }>(
      context.database.db,
      sql`select count(*)::int as n from ${sql.identifier(table)}
          where ${sql.identifier(column)}::text ilike any (array[${sql.join(
            patterns.map((pattern) => sql`${pattern}`),
            sql`, `,
          )}]::text[])`,
    );
    return Number(row!.n);
  };
  const patternOf = (needle: string) => `%${needle}%`;
  for (const { table_name, column_name } of columns) {
    // One query per column for all needles; only a column with a hit is searched needle by needle.
    if ((await count(table_name, column_name, needles.map(patternOf))) === 0) continue;
    for (const needle of needles) {
      if ((await count(table_name, column_name, [patternOf(needle)])) > 0) {
        found.push(`${table_name}.${column_name} ∋ ${needle}`);
      }
    }
  }
  return { scanned: columns.length, found };
}

/**
 * The current transaction id, as a row's `xmin`/`xmax` shows it (32 bits). Taken in a statement of
 * its own, it uses up one id: the ids strictly between two such marks are those of the
 * transactions that wrote in between.
 */
export async function transactionMark(db: DbOrTx): Promise<number> {
  const [row] = await queryRows<{ xid: string }>(db, sql`select (txid_current() % 4294967296)::text as xid`);
  return Number(row!.xid);
}

/**
 * Every row of every table whose `xmin` (the transaction that wrote it) or `xmax` (one that
 * deleted, updated or only locked it — a foreign key check locks the referenced row) lies strictly
 * between two marks: `table: count` for each table that has any.
 */
export async function rowsTouchedBetween(db: DbOrTx, after: number, before: number): Promise<string[]> {
  const touched: string[] = [];
  for (const table of await appTables(db)) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(table)}
          where (xmin::text::bigint > ${after} and xmin::text::bigint < ${before})
             or (xmax::text::bigint > ${after} and xmax::text::bigint < ${before})`,
    );
    if (Number(row!.n) > 0) touched.push(`${table}: ${row!.n}`);
  }
  return touched;
}

/** Every timestamp column of every table holding an instant within [from, to]: `table.column`. */
export async function timesWithin(db: DbOrTx, from: Date, to: Date): Promise<string[]> {
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.data_type like 'timestamp%'`,
  );
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(table_name)}
          where ${sql.identifier(column_name)} between ${from.toISOString()}::timestamptz and ${to.toISOString()}::timestamptz`,
    );
    if (Number(row!.n) > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}

/** Every sequence with its last value. */
export async function sequenceValues(db: DbOrTx): Promise<Record<string, string | null>> {
  const rows = await queryRows<{ name: string; last_value: string | number | null }>(
    db,
    sql`select schemaname || '.' || sequencename as name, last_value from pg_sequences order by 1`,
  );
  return Object.fromEntries(
    rows.map((row) => [row.name, row.last_value === null ? null : String(row.last_value)]),
  );
}

/** Bytes in a table's own file (its heap, without indexes): 0 once truncated. */
export async function heapBytes(db: DbOrTx, table: string): Promise<number> {
  const [row] = await queryRows<{ bytes: string }>(
    db,
    sql`select pg_relation_size(${table}::regclass)::text as bytes`,
  );
  return Number(row!.bytes);
}

/** Bytes in a table's indexes; an empty B-tree is one 8 kB meta page. */
export async function indexBytes(db: DbOrTx, table: string): Promise<number[]> {
  const rows = await queryRows<{ bytes: string }>(
    db,
    sql`select pg_relation_size(indexrelid)::text as bytes from pg_index where indrelid = ${table}::regclass`,
  );
  return rows.map((row) => Number(row.bytes));
}

/**
 * Whether `released` (send indexes in the order the database shows them) tells the sending order:
 * equal to it or to its reverse.
 */
export function followsSendingOrder(released: number[]): boolean {
  const ascending = [...released].sort((left, right) => left - right);
  const same = released.every((value, index) => value === ascending[index]);
  const reversed = released.every((value, index) => value === ascending[ascending.length - 1 - index]);
  return same || reversed;
}

/** The JSON lines of a captured log. */
export function logLines(log: string[]): Record<string, unknown>[] {
  return log
    .join('')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
