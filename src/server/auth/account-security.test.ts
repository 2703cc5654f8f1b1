import { eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, recoveryCodes, totpCredentials } from '../../db/schema/index.js';
import {
  accountName,
  createTestContext,
  seedScopeTree,
  TEST_PASSWORD,
  TestClient,
  type TestContext,
} from '../test-support.js';

const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe("an account's own security: sessions and two-factor sign-in", () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let now = new Date(Date.UTC(2026, 10, 25, 2, 0, 0));
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  const codeAt = (secret: string, at = now) =>
    new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });

  const signInFrom = async (username: string, userAgent: string, extra: object = {}) => {
    const client = new TestClient(context.app);
    const response = await client.request(
      'POST',
      '/api/v1/sessions',
      { username, password: TEST_PASSWORD, ...extra },
      { 'user-agent': userAgent },
    );
    return { client, response };
  };
  const auditActions = async (accountId: string) =>
    (await context.database.db.select().from(auditEntries).where(eq(auditEntries.targetId, accountId))).map(
      (entry) => entry.action,
    );

  beforeAll(async () => {
    context = await createTestContext({ clock: () => now });
    tree = await seedScopeTree(context, [
      { role: 'member', at: 'cellA1' },
      { role: 'committee', at: 'cellA1' },
      { role: 'organization-board', at: 'bloc' },
    ]);
  });
  afterAll(() => context.close());

  it('lists the own sessions with their devices, ends one, then all of them ("đăng xuất khỏi mọi thiết bị")', async () => {
    const username = accountName('member', 'cellA1');
    const office = await signInFrom(username, CHROME_WINDOWS);
    const phone = await signInFrom(username, SAFARI_IPHONE);
    const listed = (await office.client.get('/api/v1/me/sessions')).json();
    expect(listed.items).toHaveLength(2);
    expect(listed.items.map((item: { device: string }) => item.device).sort()).toEqual([
      'Chrome 131 trên Windows',
      'Safari 17 trên iPhone/iPad',
    ]);
    const phoneSession = listed.items.find((item: { current: boolean }) => !item.current);
    expect(phoneSession.device).toBe('Safari 17 trên iPhone/iPad');
    const stranger = await TestClient.signIn(context.app, accountName('committee', 'cellA1'));
    expect((await stranger.delete(`/api/v1/me/sessions/${phoneSession.id}`)).statusCode).toBe(404);
    expect((await office.client.delete(`/api/v1/me/sessions/${phoneSession.id}`)).statusCode).toBe(200);
    expect((await phone.client.get('/api/v1/me')).statusCode).toBe(401);
    expect((await office.client.get('/api/v1/me')).statusCode).toBe(200);
    const again = await signInFrom(username, SAFARI_IPHONE);
    expect((await again.client.delete('/api/v1/me/sessions')).statusCode).toBe(200);
    expect((await again.client.get('/api/v1/me')).statusCode).toBe(401);
    expect((await office.client.get('/api/v1/me')).statusCode).toBe(401);
    const accountId = (await (await signInFrom(username, CHROME_WINDOWS)).client.get('/api/v1/me')).json().id;
    expect(await auditActions(accountId)).toEqual(
      expect.arrayContaining(['account.session_ended', 'account.signed_out_everywhere']),
    );
  });

  it('turns two-factor sign-in on with a QR code and a first code, then signs in with a generated code', async () => {
    const username = accountName('committee', 'cellA1');
    const { client } = await signInFrom(username, CHROME_WINDOWS);
    expect((await client.get('/api/v1/me/second-factor')).json()).toEqual({
      enabled: false,
      required: false,
      recoveryCodesLeft: 0,
    });
    const enrolment = (await client.post('/api/v1/me/second-factor/enrolment')).json();
    expect(enrolment.qrSvg).toMatch(/^<svg/);
    expect(enrolment.otpauthUri).toContain(`otpauth://totp/`);
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
    const wrong = await client.post('/api/v1/me/second-factor/confirmation', { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.issues[0].path).toBe('body.code');
    const confirmed = await client.post('/api/v1/me/second-factor/confirmation', {
      code: codeAt(enrolment.secret),
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const codes: string[] = confirmed.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    const stored = await context.database.db.select().from(recoveryCodes);
    expect(JSON.stringify(stored)).not.toContain(codes[0]);

    advance(30_000);
    const withoutCode = await signInFrom(username, CHROME_WINDOWS);
    expect(withoutCode.response.statusCode).toBe(401);
    expect(withoutCode.response.json().error).toMatchObject({ code: 'second_factor_required' });
    const code = codeAt(enrolment.secret);
    const withCode = await signInFrom(username, CHROME_WINDOWS, { code });
    expect(withCode.response.statusCode, withCode.response.body).toBe(200);
    // A code is good once: seen over a shoulder, it opens nothing.
    const replay = await signInFrom(username, CHROME_WINDOWS, { code });
    expect(replay.response.statusCode).toBe(401);
    expect(replay.response.json().error.message).toContain('Mã xác thực không đúng');
    const recovery = await signInFrom(username, SAFARI_IPHONE, { code: codes[0]!.toUpperCase() });
    expect(recovery.response.statusCode).toBe(200);
    expect((await signInFrom(username, SAFARI_IPHONE, { code: codes[0] })).response.statusCode).toBe(401);
    expect((await recovery.client.get('/api/v1/me/second-factor')).json()).toEqual({
      enabled: true,
      required: false,
      recoveryCodesLeft: 9,
    });
  });

  it('replaces the recovery codes and turns two-factor off only with the current password', async () => {
    const username = accountName('committee', 'cellA1');
    advance(30_000);
    const [credential] = await context.database.db.select().from(totpCredentials);
    const { client } = await signInFrom(username, CHROME_WINDOWS, { code: codeAt(credential!.secret) });
    const refused = await client.post('/api/v1/me/second-factor/recovery-codes', {
      password: 'sai-mat-khau-1',
    });
    expect(refused.statusCode).toBe(400);
    const replaced = await client.post('/api/v1/me/second-factor/recovery-codes', {
      password: TEST_PASSWORD,
    });
    expect(replaced.json().recoveryCodes).toHaveLength(10);
    const off = await client.request('DELETE', '/api/v1/me/second-factor', { password: TEST_PASSWORD });
    expect(off.statusCode, off.body).toBe(200);
    advance(30_000);
    expect((await signInFrom(username, CHROME_WINDOWS)).response.statusCode).toBe(200);
  });

  it('makes administrators and organization boards set it up when the settings require it', async () => {
    const board = accountName('organization-board', 'bloc');
    expect((await signInFrom(board, CHROME_WINDOWS)).response.statusCode).toBe(200);
    const settings = (await tree.admin.get('/api/v1/settings/security')).json();
    expect(settings).toMatchObject({ requireSecondFactorForOfficers: false, nonMemberRetentionMonths: 24 });
    const saved = await tree.admin.put('/api/v1/settings/security', {
      version: settings.version,
      requireSecondFactorForOfficers: true,
      nonMemberRetentionMonths: 24,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const { client } = await signInFrom(board, CHROME_WINDOWS);
    expect((await client.get('/api/v1/me')).json().mustEnrollSecondFactor).toBe(true);
    const blocked = await client.get('/api/v1/organizations');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.message).toContain('xác thực hai lớp');
    const { secret } = (await client.post('/api/v1/me/second-factor/enrolment')).json();
    await client.post('/api/v1/me/second-factor/confirmation', { code: codeAt(secret) });
    expect((await client.get('/api/v1/organizations')).statusCode).toBe(200);
    const off = await client.request('DELETE', '/api/v1/me/second-factor', { password: TEST_PASSWORD });
    expect(off.statusCode).toBe(409);
    // A member is not asked for it.
    advance(30_000);
    const member = await signInFrom(accountName('member', 'cellA1'), CHROME_WINDOWS);
    expect((await member.client.get('/api/v1/me')).json().mustEnrollSecondFactor).toBe(false);
    // A lost phone: an administrator turns it off and the board sets it up again at the next sign-in.
    const boardId = (await client.get('/api/v1/me')).json().id;
    expect((await tree.admin.post(`/api/v1/accounts/${boardId}/second-factor-reset`)).statusCode).toBe(200);
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
    const after = await signInFrom(board, CHROME_WINDOWS);
    expect((await after.client.get('/api/v1/me')).json().mustEnrollSecondFactor).toBe(true);
    expect(await auditActions(boardId)).toEqual(
      expect.arrayContaining(['account.second_factor_enabled', 'account.second_factor_reset']),
    );
  });
});
