import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../db/client.js';
import { createTestDatabase } from '../../db/test-database.js';
import { loadDemo } from './load.js';
import { demoWorkbook, loadDemoFromWorkbook } from './workbook.js';

/** The tree, workplaces and people of a database, by names (ids and codes differ between loads). */
async function contents(database: Database) {
  const { db } = database;
  const orgs = await queryRows(
    db,
    sql`select o.name, o.kind, o.depth, p.name as parent from organizations o
        left join organizations p on p.id = o.parent_id order by o.name`,
  );
  const wps = await queryRows(
    db,
    sql`select w.name, w.address, o.name as organization from workplaces w
        join organizations o on o.id = w.organization_id order by w.name`,
  );
  const persons = await queryRows(
    db,
    sql`select w.name as workplace, p.code, p.full_name, p.birth_date::text as birth_date, p.gender,
               p.job_title, p.employment_type, p.is_party_member, c.name as cell, p.party_office,
               p.government_office, p.is_committee_member, p.assigned_duty, p.distinct_confirmed,
               (select count(*) from employment_periods e where e.person_id = p.id and e.left_on is null
                  and e.started_on is null)::int as open_periods
        from people p join workplaces w on w.id = p.workplace_id
        left join organizations c on c.id = p.organization_id order by w.name, p.code`,
  );
  return { orgs, wps, persons };
}

describe('the demo loaded from its province workbook (issue 16)', () => {
  let seeded: Database;
  let imported: Database;
  beforeAll(async () => {
    seeded = await createTestDatabase();
    imported = await createTestDatabase();
  });
  afterAll(async () => {
    await seeded?.close();
    await imported?.close();
  });

  it('gives the same tree, workplaces and people as the demo seed', async () => {
    await loadDemo(seeded.db);
    const applied = await loadDemoFromWorkbook(imported.db, await demoWorkbook());
    expect(applied.errorCount).toBe(0);
    const [expected, got] = [await contents(seeded), await contents(imported)];
    expect(got.orgs.length).toBeGreaterThan(5);
    expect(got.persons.length).toBeGreaterThan(100);
    expect(got).toEqual(expected);
  }, 120_000);
});
