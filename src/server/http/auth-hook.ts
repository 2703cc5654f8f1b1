import type { FastifyInstance } from 'fastify';
import { Actor, requireActor } from '../auth/actor.js';
import { loadActor, SESSION_COOKIE } from '../auth/sessions.js';
import { AppError } from '../errors.js';
import { assertSameOrigin } from './security.js';

/** Loads the actor from the session cookie on every API request; routes are private unless marked public. */
export function installAuthHook(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    assertSameOrigin(request);
    if (request.routeOptions.config?.anonymous) return;
    const token = request.cookies[SESSION_COOKIE];
    const { idleMinutes, maxHours } = {
      idleMinutes: app.config.SESSION_IDLE_MINUTES,
      maxHours: app.config.SESSION_MAX_HOURS,
    };
    request.actor = token ? await loadActor(app.db, token, { idleMinutes, maxHours }) : null;
    const routeConfig = request.routeOptions.config;
    if (routeConfig?.public) return;
    const actor = requireActor(request.actor);
    if (routeConfig?.duringAccountSetup) return;
    if (actor.mustChangePassword) {
      throw new AppError('forbidden', 'Bạn cần đổi mật khẩu tạm thời trước khi tiếp tục.');
    }
    if (actor.mustEnrollSecondFactor) {
      throw new AppError(
        'forbidden',
        'Tài khoản của bạn phải bật xác thực hai lớp trước khi tiếp tục (mục "Bảo mật tài khoản").',
      );
    }
  });
}

export { Actor };
