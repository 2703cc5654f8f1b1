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
    ['UPDATE of a value', sql`update audit_entries set changes = '{"name": {"from": null, "to": "Khác"}}'`],
    ['UPDATE dropping a field', sql`update audit_entries set changes = '{}'`],
    ['DELETE', sql`delete from audit_entries`],
    ['TRUNCATE', sql`truncate audit_entries`],
  ])('refuses %s through plain SQL', async (_name, statement) => {
    await expect(database.db.execute(statement)).rejects.toThrow();
    const rows = await queryRows(database.db, sql`select action, changes from audit_entries`);
    expect(rows).toEqual([
      { action: 'test.written', changes: { name: { from: null, to: 'Nguyễn Văn Tám' } } },
    ]);
  });

  it('accepts one change only: every value redacted (S8, erasing a non-member), the rest kept', async () => {
    await database.db.execute(sql`update audit_entries set changes = audit_redacted(changes)`);
    const rows = await queryRows(database.db, sql`select action, target_id, changes from audit_entries`);
    expect(rows).toEqual([
      { action: 'test.written', target_id: 'x', changes: { name: { from: '***', to: '***' } } },
    ]);
  });
});
