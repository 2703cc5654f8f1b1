import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountName,
  createTestContext,
  seedScopeTree,
  TestClient,
  type TestContext,
} from '../test-support.js';

describe('reading the audit log', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let baseAdmin: TestClient;

  beforeAll(async () => {
    context = await createTestContext();
    tree = await seedScopeTree(context, [
      { role: 'administrator', at: 'baseA' },
      { role: 'organization-board', at: 'bloc' },
      { role: 'committee', at: 'cellA1' },
    ]);
    baseAdmin = await TestClient.signIn(context.app, accountName('administrator', 'baseA'));
    const cell = (await tree.admin.get(`/api/v1/organizations/${tree.organizations.cellB1}`)).json();
    await tree.admin.patch(`/api/v1/organizations/${cell.id}`, {
      version: cell.version,
      name: 'Chi bộ B1 mới',
    });
    const wp = (await baseAdmin.get(`/api/v1/workplaces/${tree.workplaces.wpA1}`)).json();
    await baseAdmin.patch(`/api/v1/workplaces/${wp.id}`, { version: wp.version, address: 'Số 1 đường Thử' });
  });
  afterAll(() => context.close());

  it('shows an administrator the entries of their subtree only, newest first, with the account name', async () => {
    const log = (await baseAdmin.get('/api/v1/audit-entries?pageSize=200')).json();
    expect(log.total).toBe(log.items.length);
    expect(log.items.map((e: { targetId: string }) => e.targetId)).not.toContain(tree.organizations.cellB1);
    expect(log.items[0]).toMatchObject({
      action: 'workplace.updated',
      targetId: tree.workplaces.wpA1,
      accountName: accountName('administrator', 'baseA'),
      changes: { address: { from: '', to: 'Số 1 đường Thử' } },
    });
    const times = log.items.map((e: { at: string }) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('shows the root administrator everything, filtered by target, action prefix and organization', async () => {
    const byTarget = (
      await tree.admin.get(`/api/v1/audit-entries?targetId=${tree.organizations.cellB1}`)
    ).json();
    expect(byTarget.items.map((e: { action: string }) => e.action)).toEqual([
      'organization.updated',
      'organization.created',
    ]);
    const workplaces = (await tree.admin.get('/api/v1/audit-entries?action=workplace.')).json();
    expect(workplaces.items.every((e: { action: string }) => e.action.startsWith('workplace.'))).toBe(true);
    expect(workplaces.total).toBe(3);
    const underB = (
      await tree.admin.get(`/api/v1/audit-entries?organizationId=${tree.organizations.baseB}`)
    ).json();
    expect(underB.items.map((e: { targetId: string }) => e.targetId).sort()).toEqual(
      [
        tree.organizations.baseB,
        tree.organizations.cellB1,
        tree.organizations.cellB1,
        tree.workplaces.wpB1,
      ].sort(),
    );
  });

  it('filters by calendar day in Vietnam time', async () => {
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const all = (await tree.admin.get('/api/v1/audit-entries')).json().total;
    expect((await tree.admin.get(`/api/v1/audit-entries?from=${today}&to=${today}`)).json().total).toBe(all);
    expect((await tree.admin.get('/api/v1/audit-entries?to=2000-01-01')).json().total).toBe(0);
  });

  it('counts at most 1 000 entries and says there are more, still paging newest first', async () => {
    const { rows } = (await context.database.db.execute(
      `select path from organizations where id = '${tree.organizations.cellA1}'` as never,
    )) as unknown as { rows: { path: string }[] };
    await context.database.db.execute(
      `insert into audit_entries (action, target_type, target_id, organization_path, at)
       select 'test.many', 'test', 'n' || n, '${rows[0]!.path}', now() - n * interval '1 second'
       from generate_series(1, 1005) as n` as never,
    );
    const many = (await tree.admin.get('/api/v1/audit-entries?action=test.many&pageSize=10&page=2')).json();
    expect(many).toMatchObject({ total: 1000, totalCapped: true, page: 2 });
    expect(many.items.map((e: { targetId: string }) => e.targetId)).toEqual(
      Array.from({ length: 10 }, (_, index) => `n${index + 11}`),
    );
    const few = (await tree.admin.get('/api/v1/audit-entries?action=workplace.')).json();
    expect(few).toMatchObject({ total: 3, totalCapped: false });
  });

  it('refuses anyone but an administrator, and an organization outside the subtree', async () => {
    for (const username of [accountName('organization-board', 'bloc'), accountName('committee', 'cellA1')]) {
      const client = await TestClient.signIn(context.app, username);
      expect((await client.get('/api/v1/audit-entries')).statusCode).toBe(403);
    }
    const outside = await baseAdmin.get(`/api/v1/audit-entries?organizationId=${tree.organizations.baseB}`);
    expect(outside.statusCode).toBe(403);
  });
});
