import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import {
  accountName,
  createTestContext,
  seedScopeTree,
  TestClient,
  type TestContext,
} from '../test-support.js';
import { forgetParsedWorkbooks } from './jobs.js';
import { applyWorkbookJob, previewWorkbook, provinceFile, variedProvince } from './workbook-fixtures.js';

/**
 * Issue 16: import jobs live in the database (province_imports, migration 0019), so any instance
 * polls and applies them. The two-process case is in instances.postgres.test.ts.
 */
describe('province import jobs in the database', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let admin: TestClient;
  const job = async (id: string) =>
    (
      await queryRows<{ state: string; kept: boolean; preview: unknown }>(
        context.database.db,
        sql`select state, content is not null as kept, preview from province_imports where id = ${id}`,
      )
    )[0];

  beforeAll(async () => {
    context = await createTestContext();
    tree = await seedScopeTree(context, [{ role: 'administrator', at: 'baseA' }]);
    admin = await TestClient.signIn(context.app, accountName('administrator', 'baseA'));
  });
  afterAll(() => context?.close());

  it('keeps state, preview and file in its row; an instance that never parsed the file applies it', async () => {
    const varied = variedProvince(60, 'J');
    const preview = await previewWorkbook(admin, tree.organizations.baseA, await provinceFile(varied));
    expect(preview.state).toBe('ready');
    expect(await job(preview.id)).toMatchObject({ state: 'ready', kept: true, preview: preview.preview });

    forgetParsedWorkbooks();
    const applied = await applyWorkbookJob(admin, preview.id);
    expect(applied.failure).toBeNull();
    expect(applied.state).toBe('applied');
    // Applied in the same transaction as the rows; the file is dropped.
    expect(await job(preview.id)).toMatchObject({ state: 'applied', kept: false });
    const [people] = await queryRows<{ count: number }>(
      context.database.db,
      sql`select count(*)::int as count from people where code like 'NV-%'`,
    );
    expect(people!.count).toBe(varied.people.length);
  });

  it('keeps no file of a workbook with errors, and refuses to apply it', async () => {
    const broken = await provinceFile({
      organizations: [{ code: '', name: 'Không mã', kind: 'Chi bộ trực thuộc' }],
    });
    const preview = await previewWorkbook(admin, tree.organizations.baseA, broken);
    expect(preview.preview!.errorCount).toBeGreaterThan(0);
    expect(await job(preview.id)).toMatchObject({ state: 'ready', kept: false });
    expect((await admin.post(`/api/v1/province-imports/${preview.id}/apply`)).statusCode).toBe(409);
  });

  it('shows a job whose instance stopped as failed, and another account cannot see it', async () => {
    const preview = await previewWorkbook(
      admin,
      tree.organizations.baseA,
      await provinceFile(variedProvince(10, 'K')),
    );
    // As if the instance applying it had died three minutes ago mid-transaction.
    await context.database.db.execute(
      sql`update province_imports set state = 'applying', phase = 'applying', updated_at = now() - interval '3 minutes' where id = ${preview.id}`,
    );
    const polled = await admin.get(`/api/v1/province-imports/${preview.id}`);
    expect(polled.statusCode).toBe(200);
    expect(polled.json()).toMatchObject({
      state: 'failed',
      failure: { message: expect.stringMatching(/đã dừng/) },
    });
    expect(await job(preview.id)).toMatchObject({ state: 'failed', kept: false });

    const other = await TestClient.signIn(context.app, 'root-admin');
    expect((await other.get(`/api/v1/province-imports/${preview.id}`)).statusCode).toBe(404);
  });
});
