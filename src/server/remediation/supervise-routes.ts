import {
  commentSent,
  remediationPlanView,
  superviseCommentBody,
  superviseOpenBody,
} from '../../contract/remediation.js';
import type { App } from '../http/types.js';
import { ANONYMOUS_ROUTE } from '../phone-forms/anonymous-routes.js';
import { loadCodeKey } from '../phone-forms/codes.js';
import { CodeThrottle } from '../phone-forms/throttle.js';
import { commentWithCode, openWithCode } from './comments.js';

const tags = ['Giám sát kế hoạch khắc phục'];

export async function superviseRoutes(app: App): Promise<void> {
  const key = await loadCodeKey(app.config);
  const throttle = new CodeThrottle(app.db, key, 'supervise');

  app.post(
    '/supervise/open',
    {
      ...ANONYMOUS_ROUTE,
      schema: {
        tags,
        summary:
          'Quần chúng mở kế hoạch khắc phục của cơ quan bằng mã nhận tại buổi họp (trong năm kế hoạch)',
        body: superviseOpenBody,
        response: { 200: remediationPlanView },
      },
    },
    async (request) => throttle.run(request.ip, () => openWithCode(app.db, key, request.body.code)),
  );

  app.post(
    '/supervise/comment',
    {
      ...ANONYMOUS_ROUTE,
      schema: {
        tags,
        summary:
          'Quần chúng góp ý ẩn danh về một việc khắc phục bằng mã (không lưu mã, tên, giờ; công bố vào ngày hôm sau)',
        body: superviseCommentBody,
        response: { 201: commentSent },
      },
    },
    async (request, reply) => {
      await throttle.run(request.ip, () => commentWithCode(app.db, key, request.body));
      return reply.status(201).send({ ok: true as const });
    },
  );
}
