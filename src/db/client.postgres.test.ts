import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from './client.js';
import { createTestDatabase } from './test-database.js';

// PostgreSQL only: the pool's connection settings (PGlite has no JIT to turn off).
describe('the PostgreSQL pool', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('runs every connection with JIT off (LLVM compiled the report figures on each read)', async () => {
    const settings = await Promise.all(
      Array.from({ length: 3 }, () => queryRows<{ jit: string }>(database.db, sql`show jit`)),
    );
    expect(settings.map(([row]) => row?.jit)).toEqual(['off', 'off', 'off']);
  });
});
