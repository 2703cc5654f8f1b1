import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { MIGRATIONS_DIR } from '../paths.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The one database type the app uses: PGlite and node-postgres both fit it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database or an open transaction: services that write several tables take either. */
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = MIGRATIONS_DIR;
/**
 * P6: PGlite's PostgreSQL keeps its buffer cache inside the WebAssembly memory, which never shrinks.
 * The default 128 MB cache is most of an idle embedded server's memory; 16 MB holds the hot pages of
 * a province's workplaces and costs reads from the operating system's file cache beyond that
 * (measured in bench/RESULTS.md, P6). Given on the command line: the data directory's own
 * postgresql.conf is left as it is.
 */
const PGLITE_MEMORY_SETTINGS = ['-c', 'shared_buffers=16MB'];

/** R6: two instances starting together take turns migrating. */
const MIGRATION_LOCK_KEY = 727_001;

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir?: string; snapshot?: Blob }
  | { kind: 'postgres'; url: string; poolSize?: number };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'pglite') {
    // pg_trgm: the trigram index of people's folded names (migration 0017) on PGlite too.
    // Durability (issue 14, R1): PGlite's default start parameters include `-F` (fsync off), kept
    // on purpose. Turning fsync on changes nothing: PGlite's file layer (Emscripten) makes fsync
    // and fdatasync no-ops, so no data ever reaches the disk by a sync call either way (strace of
    // 300 commits: 0 fsync/fdatasync calls with or without `-F`, the same time per commit). What
    // holds: every commit's WAL is written to the operating system (pwrite) before the answer, so
    // a killed or crashed server process loses no acknowledged write (src/server/crash.test.ts,
    // SIGKILL under load). What does not: a power cut or a kernel crash may lose the last seconds of
    // acknowledged writes (the OS writes dirty pages back within ~30 s) and may leave the directory
    // unusable, to be restored from `npm run backup`. docs/DEPLOY.md says so; PostgreSQL is the
    // database for a province.
    const client = new PGlite({
      dataDir: target.dataDir,
      loadDataDir: target.snapshot,
      startParams: [...PGlite.defaultStartParams, ...PGLITE_MEMORY_SETTINGS],
      extensions: { pg_trgm },
    });
    await client.waitReady;
    await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db: drizzlePglite({ client, schema }) as unknown as Db,
      kind: 'pglite',
      close: () => client.close(),
    };
  }
  // JIT off: the planner's row estimates for the report figures' joins of aggregated CTEs run into
  // the millions, so PostgreSQL compiled the statement with LLVM on every read — 6 s of a 7 s
  // report at 1 % of the country (bench P8, EXPLAIN ANALYZE) for a query that runs in 50 ms. The
  // app's statements are short reads and writes: compiling never pays for itself.
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 10,
    options: '-c jit=off',
  });
  // An idle connection the server ends (a restart, an administrator, a dropped test database) is
  // only taken out of the pool; unhandled, its error would end the whole process.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') console.warn(`Mất một kết nối rỗi tới PostgreSQL: ${error.message}`);
  });
  await migrateWithLock(pool);
  return {
    db: drizzleNodePg({ client: pool, schema }) as unknown as Db,
    kind: 'postgres',
    close: () => pool.end(),
  };
}

async function migrateWithLock(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrateNodePg(drizzleNodePg({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/** Rows of a raw SQL statement, typed by the caller: both drivers answer `{ rows }`. */
export async function queryRows<Row extends Record<string, unknown>>(
  db: DbOrTx,
  statement: SQL,
): Promise<Row[]> {
  const result = (await db.execute(statement)) as unknown as { rows: Row[] };
  return result.rows;
}

/**
 * Rows of a raw SQL statement sent as a NAMED prepared statement on PostgreSQL: each pooled
 * connection parses and plans it once, then only binds and executes (P1: the phone form's one
 * statement is planned anew otherwise, on every request). The text is a constant with `$1…`
 * placeholders, handed to the driver as is: no query builder runs per call (P1: building the
 * phone form's statement with drizzle's `sql` on every request cost more CPU than sending it).
 * On PGlite (one connection, in process) it is an ordinary parameterized query.
 */
export async function preparedRows<Row extends Record<string, unknown>>(
  db: Db,
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  const client = (db as unknown as { $client: pg.Pool | PGlite }).$client;
  if (client instanceof pg.Pool) return (await client.query<Row>({ name, text, values })).rows;
  return (await client.query<Row>(text, values)).rows;
}
