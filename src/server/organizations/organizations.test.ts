import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountName,
  createTestContext,
  seedScopeTree,
  TestClient,
  type TestContext,
} from '../test-support.js';

describe('organizations', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  beforeAll(async () => {
    context = await createTestContext();
    tree = await seedScopeTree(context, [{ role: 'administrator', at: 'baseA' }]);
  });
  afterAll(() => context.close());

  it('lists the top of the caller scope, then children on demand', async () => {
    const baseAdmin = await TestClient.signIn(context.app, accountName('administrator', 'baseA'));
    const tops = (await baseAdmin.get('/api/v1/organizations')).json().items;
    expect(tops.map((o: { name: string }) => o.name)).toEqual(['Đảng bộ cơ sở A']);
    expect(tops[0].childCount).toBe(1);
    const children = (
      await baseAdmin.get(`/api/v1/organizations?parentId=${tree.organizations.baseA}`)
    ).json().items;
    expect(children.map((o: { name: string }) => o.name)).toEqual(['Chi bộ A1']);
  });

  it('shows only ancestors inside the scope in the breadcrumb', async () => {
    const baseAdmin = await TestClient.signIn(context.app, accountName('administrator', 'baseA'));
    const detail = (await baseAdmin.get(`/api/v1/organizations/${tree.organizations.cellA1}`)).json();
    expect(detail.ancestors.map((o: { name: string }) => o.name)).toEqual(['Đảng bộ cơ sở A']);
    expect(detail.permissions.editTree).toBe(true);
  });

  it('stores names in NFC whatever form arrives', async () => {
    const nfd = 'Chi bộ Kiểm thử'.normalize('NFD');
    const created = await tree.admin.post('/api/v1/organizations', {
      parentId: tree.organizations.baseB,
      kind: 'cell',
      name: nfd,
      shortName: '',
      headerSuperior: '',
      headerIssuer: '',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().name).toBe('Chi bộ Kiểm thử'.normalize('NFC'));
  });

  it('moves a subtree and keeps it reachable under its new parent', async () => {
    const cell = (await tree.admin.get(`/api/v1/organizations/${tree.organizations.cellB1}`)).json();
    const moved = await tree.admin.post(`/api/v1/organizations/${cell.id}/move`, {
      version: cell.version,
      parentId: tree.organizations.baseA,
    });
    expect(moved.statusCode).toBe(200);
    const baseAdmin = await TestClient.signIn(context.app, accountName('administrator', 'baseA'));
    expect((await baseAdmin.get(`/api/v1/organizations/${cell.id}`)).statusCode).toBe(200);
    expect((await baseAdmin.get(`/api/v1/workplaces/${tree.workplaces.wpB1}`)).statusCode).toBe(200);
  });

  it('refuses to move an organization under its own descendant', async () => {
    const base = (await tree.admin.get(`/api/v1/organizations/${tree.organizations.baseA}`)).json();
    const response = await tree.admin.post(`/api/v1/organizations/${base.id}/move`, {
      version: base.version,
      parentId: tree.organizations.cellA1,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/chính nó/);
  });

  it('refuses a stale version with 409 and a Vietnamese message', async () => {
    const bloc = (await tree.admin.get(`/api/v1/organizations/${tree.organizations.bloc}`)).json();
    const first = await tree.admin.patch(`/api/v1/organizations/${bloc.id}`, {
      version: bloc.version,
      shortName: 'ĐUK',
    });
    expect(first.statusCode).toBe(200);
    const second = await tree.admin.patch(`/api/v1/organizations/${bloc.id}`, {
      version: bloc.version,
      shortName: 'KHÁC',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toMatch(/người khác thay đổi/);
  });

  it('closes only an organization with nothing open below it, and can reopen it', async () => {
    const base = (await tree.admin.get(`/api/v1/organizations/${tree.organizations.baseB}`)).json();
    const refused = await tree.admin.post(`/api/v1/organizations/${base.id}/close`, {
      version: base.version,
    });
    expect(refused.statusCode).toBe(409);
    const created = (
      await tree.admin.post('/api/v1/organizations', {
        parentId: base.id,
        kind: 'cell',
        name: 'Chi bộ tạm',
        shortName: '',
        headerSuperior: '',
        headerIssuer: '',
      })
    ).json();
    const closed = await tree.admin.post(`/api/v1/organizations/${created.id}/close`, {
      version: created.version,
    });
    expect(closed.json().closed).toBe(true);
    const reopened = await tree.admin.post(`/api/v1/organizations/${created.id}/reopen`, {
      version: closed.json().version,
    });
    expect(reopened.json().closed).toBe(false);
  });
});
