import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from './client.js';
import { auditEntries } from './schema/index.js';
import { createTestDatabase } from './test-database.js';

describe('audit log is append-only in the database itself (R4)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.insert(auditEntries).values({
      action: 'test.written',
      targetType: 'test',
      targetId: 'x',
      organizationPath: '/x/',
      changes: { name: { from: null, to: 'Nguyễn Văn Tám' } },
    });
  });
  afterAll(() => database.close());

  it.each([
    ['UPDATE', sql`update audit_entries set action = 'forged'`],
    ['DELETE', sql`delete from audit_entries`],
    ['TRUNCATE', sql`truncate audit_entries`],
  ])('refuses %s through plain SQL', async (_name, statement) => {
    await expect(database.db.execute(statement)).rejects.toThrow();
    const rows = await queryRows(database.db, sql`select action from audit_entries`);
    expect(rows).toEqual([{ action: 'test.written' }]);
  });
});
