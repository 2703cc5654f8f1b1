import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import {
  accountName,
  createTestContext,
  seedScopeTree,
  TEST_PASSWORD,
  TestClient,
  type TestContext,
} from '../test-support.js';

describe('sessions', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext();
    await seedScopeTree(context, [
      { role: 'committee', at: 'cellA1' },
      { role: 'member', at: 'cellB1' },
    ]);
  });
  afterAll(() => context.close());

  it('logs in with a HttpOnly SameSite=Lax cookie and answers /me with the roles', async () => {
    const client = new TestClient(context.app);
    const login = await client.request('POST', '/api/v1/sessions', {
      username: 'Committee.CellA1',
      password: TEST_PASSWORD,
    });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'tpb_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await client.get('/api/v1/me');
    expect(me.json()).toMatchObject({
      username: 'committee.cella1',
      roles: [{ role: 'committee', organizationName: 'Chi bộ A1' }],
    });
  });

  it('stores only a hash of the session token', async () => {
    const client = new TestClient(context.app);
    const login = await client.request('POST', '/api/v1/sessions', {
      username: accountName('member', 'cellB1'),
      password: TEST_PASSWORD,
    });
    const token = login.cookies.find((c) => c.name === 'tpb_session')!.value;
    const rows = await queryRows(context.database.db, sql`select token_hash from sessions`);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('answers a wrong password and an unknown account with the same message', async () => {
    const client = new TestClient(context.app);
    const wrong = await client.request('POST', '/api/v1/sessions', {
      username: accountName('committee', 'cellA1'),
      password: 'sai-mat-khau-1',
    });
    const unknown = await client.request('POST', '/api/v1/sessions', {
      username: 'khong-ton-tai',
      password: 'sai-mat-khau-1',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('logout destroys the server-side session', async () => {
    const client = await TestClient.signIn(context.app, accountName('committee', 'cellA1'));
    const stolenCookie = (client as unknown as { cookie: string }).cookie;
    expect((await client.delete('/api/v1/sessions/current')).statusCode).toBe(200);
    const replay = await context.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: stolenCookie },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('refuses a state-changing request from another origin', async () => {
    const client = await TestClient.signIn(context.app, accountName('committee', 'cellA1'));
    const response = await client.request('DELETE', '/api/v1/sessions/current', undefined, {
      origin: 'https://evil.example',
    });
    expect(response.statusCode).toBe(403);
  });

  it('changes the own password, refusing a wrong current one and a weak new one', async () => {
    const client = await TestClient.signIn(context.app, accountName('committee', 'cellA1'));
    const wrongCurrent = await client.put('/api/v1/me/password', {
      currentPassword: 'khong-dung-1',
      newPassword: 'moi-mat-khau-99',
    });
    expect(wrongCurrent.statusCode).toBe(400);
    const weak = await client.put('/api/v1/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'ngan1',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/ít nhất 8 ký tự/);
    const ok = await client.put('/api/v1/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'moi-mat-khau-99',
    });
    expect(ok.statusCode).toBe(200);
    await TestClient.signIn(context.app, accountName('committee', 'cellA1'), 'moi-mat-khau-99');
  });

  it('answers 401 in Vietnamese without a session', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/api/v1/organizations' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toBe('Bạn cần đăng nhập để tiếp tục.');
  });
});
