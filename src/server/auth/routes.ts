import { eq, or } from 'drizzle-orm';
import { changePasswordBody, emailBody, loginBody, type Me, me } from '../../contract/auth.js';
import { okBody } from '../../contract/common.js';
import { accounts, meetings, organizations, people, roleAssignments } from '../../db/schema/index.js';
import { passwordWeakness } from '../../domain/password-policy.js';
import type { Role } from '../../domain/roles.js';
import { recordAudit } from '../audit/record.js';
import { AppError } from '../errors.js';
import type { App } from '../http/types.js';
import { requireActor } from './actor.js';
import { authenticate } from './login.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { mustEnrollSecondFactor } from './second-factor-requirement.js';
import { createSession, destroyAccountSessions, destroySession, SESSION_COOKIE } from './sessions.js';
import {
  DEVICE_COOKIE,
  DEVICE_COOKIE_DAYS,
  forgetTrustedDevices,
  newDeviceToken,
  trustDevice,
} from './trusted-devices.js';

export async function authRoutes(app: App): Promise<void> {
  await emailRoutes(app);
  const timeouts = () => ({
    idleMinutes: app.config.SESSION_IDLE_MINUTES,
    maxHours: app.config.SESSION_MAX_HOURS,
  });
  app.post(
    '/sessions',
    {
      config: { public: true },
      schema: {
        tags: ['Phiên đăng nhập'],
        summary: 'Đăng nhập (kèm mã xác thực khi tài khoản bật xác thực hai lớp)',
        body: loginBody,
        response: { 200: me },
      },
    },
    async (request, reply) => {
      const deviceToken = request.cookies[DEVICE_COOKIE];
      const { accountId } = await authenticate(
        app.db,
        { ...request.body, address: request.ip, deviceToken },
        app.clock(),
      );
      const oldToken = request.cookies[SESSION_COOKIE];
      if (oldToken) await destroySession(app.db, oldToken);
      const token = await createSession(app.db, accountId, timeouts(), {
        userAgent: request.headers['user-agent'] ?? '',
        secondFactorRequired: await mustEnrollSecondFactor(app.db, accountId),
      });
      const secure = request.protocol === 'https';
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: app.config.SESSION_MAX_HOURS * 3600,
      });
      // S4: this browser is now one the account signed in on; its tries are delayed on their own.
      const device = deviceToken ?? newDeviceToken();
      await trustDevice(app.db, accountId, device, app.clock());
      reply.setCookie(DEVICE_COOKIE, device, {
        path: '/api/v1/sessions',
        httpOnly: true,
        sameSite: 'strict',
        secure,
        maxAge: DEVICE_COOKIE_DAYS * 86_400,
      });
      return describeAccount(app, accountId);
    },
  );

  app.delete(
    '/sessions/current',
    {
      config: { public: true },
      schema: { tags: ['Phiên đăng nhập'], summary: 'Đăng xuất', response: { 200: okBody } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await destroySession(app.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/me',
    {
      config: { duringAccountSetup: true },
      schema: { tags: ['Phiên đăng nhập'], summary: 'Tài khoản đang đăng nhập', response: { 200: me } },
    },
    async (request) => describeAccount(app, requireActor(request.actor).accountId),
  );

  app.put(
    '/me/password',
    {
      config: { duringAccountSetup: true },
      schema: {
        tags: ['Phiên đăng nhập'],
        summary: 'Đổi mật khẩu của mình',
        body: changePasswordBody,
        response: { 200: okBody },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const [account] = await app.db.select().from(accounts).where(eq(accounts.id, actor.accountId));
      if (!account || !(await verifyPassword(account.passwordHash, request.body.currentPassword))) {
        throw new AppError('bad_request', 'Mật khẩu hiện tại không đúng.', [
          { path: 'body.currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
        ]);
      }
      const weakness = passwordWeakness(request.body.newPassword, account.username);
      if (weakness)
        throw new AppError('bad_request', weakness, [{ path: 'body.newPassword', message: weakness }]);
      const passwordHash = await hashPassword(request.body.newPassword);
      await app.db.transaction(async (tx) => {
        await tx
          .update(accounts)
          .set({
            passwordHash,
            mustChangePassword: false,
            version: account.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(accounts.id, account.id));
        await recordAudit(tx, actor, {
          action: 'account.password_changed',
          targetType: 'account',
          targetId: account.id,
          organizationPath: actor.homeOrganizationPath,
          changes: { passwordHash: { from: '***', to: '***' } },
        });
      });
      await destroyAccountSessions(app.db, account.id, request.cookies[SESSION_COOKIE]);
      await forgetTrustedDevices(app.db, account.id, request.cookies[DEVICE_COOKIE]);
      return { ok: true as const };
    },
  );
}

/** The person's own address for the daily reminder digest (issue 15). */
async function emailRoutes(app: App): Promise<void> {
  app.put(
    '/me/email',
    {
      schema: {
        tags: ['Phiên đăng nhập'],
        summary: 'Đặt hoặc bỏ địa chỉ thư điện tử nhận thư nhắc việc',
        body: emailBody,
        response: { 200: me },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const email = request.body.email === '' ? null : request.body.email;
      await app.db.transaction(async (tx) => {
        const [account] = await tx.select().from(accounts).where(eq(accounts.id, actor.accountId));
        if (!account) throw new AppError('unauthenticated', 'Bạn cần đăng nhập để tiếp tục.');
        await tx.update(accounts).set({ email, updatedAt: new Date() }).where(eq(accounts.id, account.id));
        await recordAudit(tx, actor, {
          action: 'account.email_changed',
          targetType: 'account',
          targetId: account.id,
          organizationPath: actor.homeOrganizationPath,
          changes: { email: { from: account.email, to: email } },
        });
      });
      return describeAccount(app, actor.accountId);
    },
  );
}

async function describeAccount(app: App, accountId: string): Promise<Me> {
  const [account] = await app.db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account) throw new AppError('unauthenticated', 'Bạn cần đăng nhập để tiếp tục.');
  const grants = await app.db
    .select({
      role: roleAssignments.role,
      organizationId: organizations.id,
      organizationName: organizations.name,
    })
    .from(roleAssignments)
    .innerJoin(organizations, eq(organizations.id, roleAssignments.organizationId))
    .where(eq(roleAssignments.accountId, accountId))
    .orderBy(organizations.path);
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    mustChangePassword: account.mustChangePassword,
    mustEnrollSecondFactor: await mustEnrollSecondFactor(app.db, accountId),
    roles: grants.map((grant) => ({ ...grant, role: grant.role as Role })),
    email: account.email,
    capacities: await capacitiesOf(app, account.id, account.personId),
  };
}

/** Whether the account's person is a party member or a non-member on a roster, and whether it keeps meetings. */
async function capacitiesOf(app: App, accountId: string, personId: string | null): Promise<Me['capacities']> {
  const [person] = personId
    ? await app.db
        .select({ isPartyMember: people.isPartyMember, erasedAt: people.erasedAt })
        .from(people)
        .where(eq(people.id, personId))
    : [];
  const [kept] = await app.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(or(eq(meetings.secretaryAccountId, accountId), eq(meetings.chairAccountId, accountId)))
    .limit(1);
  const onRoster = person !== undefined && person.erasedAt === null;
  return {
    partyMember: onRoster && person.isPartyMember,
    nonMember: onRoster && !person.isPartyMember,
    keepsMeetings: kept !== undefined,
  };
}
