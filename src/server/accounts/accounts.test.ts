import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../db/schema/index.js';
import {
  accountName,
  createTestContext,
  seedScopeTree,
  TEST_PASSWORD,
  TestClient,
  type TestContext,
} from '../test-support.js';

const NEW_PASSWORD = 'tam-thoi-2024';

describe('account administration', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let baseAdmin: TestClient;
  const newAccount = (username: string, homeOrganizationId: string, extra: object = {}) => ({
    username,
    displayName: 'Nguyễn Văn Tám',
    password: NEW_PASSWORD,
    homeOrganizationId,
    ...extra,
  });

  beforeAll(async () => {
    context = await createTestContext();
    tree = await seedScopeTree(context, [
      { role: 'administrator', at: 'baseA' },
      { role: 'committee', at: 'cellA1' },
      { role: 'committee', at: 'cellB1' },
    ]);
    baseAdmin = await TestClient.signIn(context.app, accountName('administrator', 'baseA'));
  });
  afterAll(() => context.close());

  it('creates an account with a temporary password the person must change at first login', async () => {
    const created = await baseAdmin.post(
      '/api/v1/accounts',
      newAccount('Tam.NV', tree.organizations.cellA1, {
        roles: [{ role: 'member', organizationId: tree.organizations.cellA1 }],
      }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      username: 'tam.nv',
      displayName: 'Nguyễn Văn Tám',
      homeOrganizationName: 'Chi bộ A1',
      mustChangePassword: true,
      disabled: false,
      canManage: true,
      roles: [{ role: 'member', organizationName: 'Chi bộ A1' }],
    });
    const person = await TestClient.signIn(context.app, 'tam.nv', NEW_PASSWORD);
    const blocked = await person.get('/api/v1/organizations');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.message).toMatch(/đổi mật khẩu tạm thời/);
  });

  it('refuses a username already taken with 409', async () => {
    const response = await baseAdmin.post('/api/v1/accounts', newAccount('tam.nv', tree.organizations.baseA));
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe('Tên đăng nhập đã được dùng.');
    expect(response.json().error.issues[0].path).toBe('body.username');
  });

  it('refuses a weak password, naming the field', async () => {
    const response = await baseAdmin.post(
      '/api/v1/accounts',
      newAccount('yeu.mk', tree.organizations.baseA, { password: 'chiconchu' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('Mật khẩu phải có cả chữ và số.');
    expect(response.json().error.issues[0].path).toBe('body.password');
  });

  it('creates accounts and grants roles only inside the administrator subtree', async () => {
    const outside = await baseAdmin.post(
      '/api/v1/accounts',
      newAccount('ngoai.pv', tree.organizations.baseB),
    );
    expect(outside.statusCode).toBe(403);
    const roleOutside = await baseAdmin.post(
      '/api/v1/accounts',
      newAccount('ngoai.pv', tree.organizations.baseA, {
        roles: [{ role: 'committee', organizationId: tree.organizations.bloc }],
      }),
    );
    expect(roleOutside.statusCode).toBe(403);
    const committee = await TestClient.signIn(context.app, accountName('committee', 'cellA1'));
    const notAdmin = await committee.post(
      '/api/v1/accounts',
      newAccount('ngoai.pv', tree.organizations.cellA1),
    );
    expect(notAdmin.statusCode).toBe(403);
  });

  it('lists only accounts homed in the subtree and finds them ignoring diacritics and case', async () => {
    const listed = (await baseAdmin.get('/api/v1/accounts?pageSize=200')).json();
    const names = listed.items.map((a: { username: string }) => a.username);
    expect(names).toContain('committee.cella1');
    expect(names).not.toContain('committee.cellb1');
    expect(names).not.toContain('root-admin');
    expect(listed.total).toBe(names.length);
    const found = (await baseAdmin.get(`/api/v1/accounts?q=${encodeURIComponent('NGUYEN van tam')}`)).json();
    expect(found.items.map((a: { username: string }) => a.username)).toEqual(['tam.nv']);
    const byName = (await tree.admin.get(`/api/v1/accounts?q=${encodeURIComponent('quan tri goc')}`)).json();
    expect(byName.items.map((a: { username: string }) => a.username)).toEqual(['root-admin']);
    const wildcard = (await tree.admin.get('/api/v1/accounts?q=%25')).json();
    expect(wildcard.total).toBe(0);
  });

  it('answers 404 for an unknown account and 403 for one outside the subtree', async () => {
    expect((await baseAdmin.get(`/api/v1/accounts/${crypto.randomUUID()}`)).statusCode).toBe(404);
    const outsider = await findAccount(tree.admin, 'committee.cellb1');
    expect((await baseAdmin.get(`/api/v1/accounts/${outsider.id}`)).statusCode).toBe(403);
  });

  it('refuses a stale version with 409', async () => {
    const target = await findAccount(baseAdmin, 'tam.nv');
    const first = await baseAdmin.patch(`/api/v1/accounts/${target.id}`, {
      version: target.version,
      displayName: 'Nguyễn Văn Tám (A1)',
    });
    expect(first.statusCode).toBe(200);
    const second = await baseAdmin.patch(`/api/v1/accounts/${target.id}`, {
      version: target.version,
      displayName: 'Khác',
    });
    expect(second.statusCode).toBe(409);
  });

  it('disabling an account ends its sessions and refuses its logins; enabling lets it back in', async () => {
    const username = accountName('committee', 'cellA1');
    const victim = await TestClient.signIn(context.app, username);
    const target = await findAccount(baseAdmin, username);
    const disabled = await baseAdmin.patch(`/api/v1/accounts/${target.id}`, {
      version: target.version,
      disabled: true,
    });
    expect(disabled.json().disabled).toBe(true);
    expect((await victim.get('/api/v1/me')).statusCode).toBe(401);
    const login = await new TestClient(context.app).post('/api/v1/sessions', {
      username,
      password: TEST_PASSWORD,
    });
    expect(login.statusCode).toBe(401);
    expect(login.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    await baseAdmin.patch(`/api/v1/accounts/${target.id}`, {
      version: disabled.json().version,
      disabled: false,
    });
    await TestClient.signIn(context.app, username);
  });

  it('does not let an administrator disable themself or drop their last administrator role', async () => {
    const self = await findAccount(baseAdmin, accountName('administrator', 'baseA'));
    const disable = await baseAdmin.patch(`/api/v1/accounts/${self.id}`, {
      version: self.version,
      disabled: true,
    });
    expect(disable.statusCode).toBe(400);
    expect(disable.json().error.message).toMatch(/tự khóa/);
    const revoke = await baseAdmin.delete(`/api/v1/accounts/${self.id}/roles/${self.roles[0].id}`);
    expect(revoke.statusCode).toBe(409);
    expect(revoke.json().error.message).toMatch(/vai trò quản trị cuối cùng/);
  });

  it('resets a password: the old sessions end and the new one is temporary', async () => {
    const username = accountName('committee', 'cellA1');
    const victim = await TestClient.signIn(context.app, username);
    const target = await findAccount(baseAdmin, username);
    const weak = await baseAdmin.post(`/api/v1/accounts/${target.id}/password-reset`, {
      newPassword: 'ngan1',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.issues[0].path).toBe('body.newPassword');
    const reset = await baseAdmin.post(`/api/v1/accounts/${target.id}/password-reset`, {
      newPassword: NEW_PASSWORD,
    });
    expect(reset.statusCode).toBe(200);
    expect((await victim.get('/api/v1/me')).statusCode).toBe(401);
    const again = await TestClient.signIn(context.app, username, NEW_PASSWORD);
    expect((await again.get('/api/v1/me')).json().mustChangePassword).toBe(true);
  });

  it('grants a role once, refuses the same role twice, and revokes it', async () => {
    const target = await findAccount(baseAdmin, 'tam.nv');
    const grant = { role: 'committee', organizationId: tree.organizations.cellA1 };
    const granted = await baseAdmin.post(`/api/v1/accounts/${target.id}/roles`, grant);
    expect(granted.statusCode).toBe(201);
    expect(
      granted
        .json()
        .roles.map((r: { role: string }) => r.role)
        .sort(),
    ).toEqual(['committee', 'member']);
    const twice = await baseAdmin.post(`/api/v1/accounts/${target.id}/roles`, grant);
    expect(twice.statusCode).toBe(409);
    const assignment = granted.json().roles.find((r: { role: string }) => r.role === 'committee');
    const revoked = await baseAdmin.delete(`/api/v1/accounts/${target.id}/roles/${assignment.id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().roles.map((r: { role: string }) => r.role)).toEqual(['member']);
    const gone = await baseAdmin.delete(`/api/v1/accounts/${target.id}/roles/${assignment.id}`);
    expect(gone.statusCode).toBe(404);
  });

  it('leaves an account holding a role above the subtree to a higher administrator', async () => {
    const created = (
      await tree.admin.post(
        '/api/v1/accounts',
        newAccount('cap.tren', tree.organizations.baseA, {
          roles: [{ role: 'administrator', organizationId: tree.organizations.bloc }],
        }),
      )
    ).json();
    const seen = await baseAdmin.get(`/api/v1/accounts/${created.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().canManage).toBe(false);
    const reset = await baseAdmin.post(`/api/v1/accounts/${created.id}/password-reset`, {
      newPassword: 'chiem-quyen-99',
    });
    expect(reset.statusCode).toBe(403);
  });

  it('links an account only to a person on a roster in the subtree', async () => {
    const [inside, outside] = await context.database.db
      .insert(people)
      .values([
        {
          workplaceId: tree.workplaces.wpA1,
          code: 'A1-1',
          fullName: 'Lê Thị Hoa',
          nameSearch: 'le thi hoa',
          employmentType: 'permanent',
        },
        {
          workplaceId: tree.workplaces.wpB1,
          code: 'B1-1',
          fullName: 'Trần Văn Bình',
          nameSearch: 'tran van binh',
          employmentType: 'permanent',
        },
      ])
      .returning({ id: people.id });
    const target = await findAccount(baseAdmin, 'tam.nv');
    const refused = await baseAdmin.patch(`/api/v1/accounts/${target.id}`, {
      version: target.version,
      personId: outside!.id,
    });
    expect(refused.statusCode).toBe(403);
    const linked = await baseAdmin.patch(`/api/v1/accounts/${target.id}`, {
      version: target.version,
      personId: inside!.id,
    });
    expect(linked.json().personId).toBe(inside!.id);
  });

  it('records every change in the audit log without passwords or hashes', async () => {
    const log = (await baseAdmin.get('/api/v1/audit-entries?pageSize=200')).json();
    const actions = new Set(log.items.map((entry: { action: string }) => entry.action));
    for (const action of [
      'account.created',
      'account.updated',
      'account.password_reset',
      'role.granted',
      'role.revoked',
    ]) {
      expect(actions).toContain(action);
    }
    const text = JSON.stringify(log);
    expect(text).not.toContain(NEW_PASSWORD);
    expect(text).not.toContain('$argon2');
  });
});

async function findAccount(client: TestClient, username: string) {
  const response = await client.get(`/api/v1/accounts?q=${encodeURIComponent(username)}`);
  const found = response.json().items.find((a: { username: string }) => a.username === username);
  if (!found) throw new Error(`account ${username} not found: ${response.body}`);
  return found;
}
