import { eq } from 'drizzle-orm';
import {
  confirmSecondFactorBody,
  ownSessions,
  passwordCheckBody,
  recoveryCodesView,
  secondFactorEnrolment,
  secondFactorView,
  sessionParams,
} from '../../contract/account-security.js';
import { okBody } from '../../contract/common.js';
import { accounts } from '../../db/schema/index.js';
import { describeUserAgent } from '../../domain/user-agent.js';
import { recordAudit } from '../audit/record.js';
import { AppError, notFound } from '../errors.js';
import type { App } from '../http/types.js';
import { type Actor, requireActor } from './actor.js';
import { verifyPassword } from './passwords.js';
import {
  confirmEnrolment,
  regenerateRecoveryCodes,
  removeSecondFactor,
  secondFactorStatus,
  startEnrolment,
} from './second-factor.js';
import { secondFactorRequired } from './second-factor-requirement.js';
import { accountSessions, destroyAccountSessions, endAccountSession, SESSION_COOKIE } from './sessions.js';
import { DEVICE_COOKIE, forgetTrustedDevices } from './trusted-devices.js';

const tags = ['Bảo mật tài khoản'];

/** The signed-in person's own sessions and two-factor sign-in (S3, S4). */
export async function accountSecurityRoutes(app: App): Promise<void> {
  const timeouts = () => ({
    idleMinutes: app.config.SESSION_IDLE_MINUTES,
    maxHours: app.config.SESSION_MAX_HOURS,
  });

  app.get(
    '/me/sessions',
    {
      config: { duringAccountSetup: true },
      schema: {
        tags,
        summary: 'Các phiên đăng nhập đang mở của chính mình (thiết bị, lúc đăng nhập, lần dùng gần nhất)',
        response: { 200: ownSessions },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const rows = await accountSessions(app.db, actor.accountId, timeouts());
      return {
        items: rows.map((row) => ({
          id: row.id,
          createdAt: row.createdAt.toISOString(),
          lastSeenAt: row.lastSeenAt.toISOString(),
          expiresAt: row.expiresAt.toISOString(),
          device: describeUserAgent(row.userAgent),
          current: row.id === actor.sessionId,
        })),
      };
    },
  );

  app.delete(
    '/me/sessions/:id',
    {
      config: { duringAccountSetup: true },
      schema: {
        tags,
        summary: 'Đăng xuất một phiên của chính mình (trên một thiết bị)',
        params: sessionParams,
        response: { 200: okBody },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      if (!(await endAccountSession(app.db, actor.accountId, request.params.id))) {
        throw notFound('phiên đăng nhập này');
      }
      await auditAccount(app, actor, 'account.session_ended', {
        session: { from: request.params.id, to: null },
      });
      if (request.params.id === actor.sessionId) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.delete(
    '/me/sessions',
    {
      config: { duringAccountSetup: true },
      schema: {
        tags,
        summary: 'Đăng xuất khỏi mọi thiết bị: kết thúc mọi phiên, kể cả phiên này',
        response: { 200: okBody },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      await destroyAccountSessions(app.db, actor.accountId);
      await forgetTrustedDevices(app.db, actor.accountId);
      await auditAccount(app, actor, 'account.signed_out_everywhere', {});
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(DEVICE_COOKIE, { path: '/api/v1/sessions' });
      return { ok: true as const };
    },
  );

  app.get(
    '/me/second-factor',
    {
      config: { duringAccountSetup: true },
      schema: {
        tags,
        summary: 'Tình trạng xác thực hai lớp của chính mình',
        response: { 200: secondFactorView },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return {
        ...(await secondFactorStatus(app.db, actor.accountId)),
        required: await secondFactorRequired(app.db, actor.accountId),
      };
    },
  );

  app.post(
    '/me/second-factor/enrolment',
    {
      config: { duringAccountSetup: true },
      schema: {
        tags,
        summary: 'Bắt đầu bật xác thực hai lớp: khóa bí mật, mã QR cho ứng dụng xác thực',
        response: { 201: secondFactorEnrolment },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const enrolment = await startEnrolment(app.db, actor.accountId, actor.username);
      await auditAccount(app, actor, 'account.second_factor_enrolment_started', {});
      return reply.status(201).send(enrolment);
    },
  );

  app.post(
    '/me/second-factor/confirmation',
    {
      config: { duringAccountSetup: true },
      schema: {
        tags,
        summary: 'Xác nhận bằng mã đầu tiên của ứng dụng: bật xác thực hai lớp, nhận mã dự phòng',
        body: confirmSecondFactorBody,
        response: { 200: recoveryCodesView },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const recoveryCodes = await confirmEnrolment(
        app.db,
        actor.accountId,
        actor.username,
        request.body.code,
        app.clock(),
      );
      await auditAccount(app, actor, 'account.second_factor_enabled', {
        secondFactor: { from: false, to: true },
      });
      return { recoveryCodes };
    },
  );

  app.post(
    '/me/second-factor/recovery-codes',
    {
      schema: {
        tags,
        summary: 'Tạo bộ mã dự phòng mới (bộ cũ hết hiệu lực); cần mật khẩu hiện tại',
        body: passwordCheckBody,
        response: { 200: recoveryCodesView },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      await assertOwnPassword(app, actor, request.body.password);
      const recoveryCodes = await regenerateRecoveryCodes(app.db, actor.accountId, app.clock());
      await auditAccount(app, actor, 'account.recovery_codes_replaced', {});
      return { recoveryCodes };
    },
  );

  app.delete(
    '/me/second-factor',
    {
      schema: {
        tags,
        summary: 'Tắt xác thực hai lớp (khi cài đặt không bắt buộc); cần mật khẩu hiện tại',
        body: passwordCheckBody,
        response: { 200: okBody },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      await assertOwnPassword(app, actor, request.body.password);
      if (await secondFactorRequired(app.db, actor.accountId)) {
        throw new AppError(
          'conflict',
          'Cài đặt của hệ thống bắt buộc vai trò của bạn dùng xác thực hai lớp: không thể tắt.',
        );
      }
      await removeSecondFactor(app.db, actor.accountId);
      await auditAccount(app, actor, 'account.second_factor_disabled', {
        secondFactor: { from: true, to: false },
      });
      return { ok: true as const };
    },
  );
}

async function assertOwnPassword(app: App, actor: Actor, password: string): Promise<void> {
  const [account] = await app.db
    .select({ passwordHash: accounts.passwordHash })
    .from(accounts)
    .where(eq(accounts.id, actor.accountId));
  if (!account || !(await verifyPassword(account.passwordHash, password))) {
    throw new AppError('bad_request', 'Mật khẩu hiện tại không đúng.', [
      { path: 'body.password', message: 'Mật khẩu hiện tại không đúng.' },
    ]);
  }
}

async function auditAccount(
  app: App,
  actor: Actor,
  action: string,
  changes: Record<string, { from: unknown; to: unknown }>,
) {
  await recordAudit(app.db, actor, {
    action,
    targetType: 'account',
    targetId: actor.accountId,
    organizationPath: actor.homeOrganizationPath,
    changes,
  });
}
