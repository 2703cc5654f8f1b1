import {
  commentSent,
  remediationPlanView,
  superviseCommentBody,
  superviseOpenBody,
} from '../../contract/remediation.js';
import type { App } from '../http/types.js';
import { loadCodeKey } from '../phone-forms/codes.js';
import { UnknownCodeError } from '../phone-forms/service.js';
import { CodeAttemptThrottle } from '../phone-forms/throttle.js';
import { commentWithCode, openWithCode } from './comments.js';

const tags = ['Giám sát kế hoạch khắc phục'];

/**
 * S6, as for the phone form: no session looked up (a signed-in browser leaves no trace on its
 * account) and no request line logged (no address, time or path).
 */
const ANONYMOUS = { config: { public: true, anonymous: true }, logLevel: 'silent' } as const;

export async function superviseRoutes(app: App): Promise<void> {
  const key = await loadCodeKey(app.config);
  const throttle = new CodeAttemptThrottle();

  /** Runs a code lookup, counting an unknown code against the client's address (memory only). */
  async function withCodeThrottle<T>(address: string, work: () => Promise<T>): Promise<T> {
    throttle.check(address);
    try {
      return await work();
    } catch (error) {
      if (error instanceof UnknownCodeError) throttle.fail(address);
      throw error;
    }
  }

  app.post(
    '/supervise/open',
    {
      ...ANONYMOUS,
      schema: {
        tags,
        summary:
          'Quần chúng mở kế hoạch khắc phục của cơ quan bằng mã nhận tại buổi họp (trong năm kế hoạch)',
        body: superviseOpenBody,
        response: { 200: remediationPlanView },
      },
    },
    async (request) => withCodeThrottle(request.ip, () => openWithCode(app.db, key, request.body.code)),
  );

  app.post(
    '/supervise/comment',
    {
      ...ANONYMOUS,
      schema: {
        tags,
        summary: 'Quần chúng góp ý ẩn danh về một việc khắc phục bằng mã (không lưu mã, tên, giờ)',
        body: superviseCommentBody,
        response: { 201: commentSent },
      },
    },
    async (request, reply) => {
      await withCodeThrottle(request.ip, () => commentWithCode(app.db, key, request.body));
      return reply.status(201).send({ ok: true as const });
    },
  );
}
