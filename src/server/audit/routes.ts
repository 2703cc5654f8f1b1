import { auditPage, listAuditQuery } from '../../contract/audit.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { listAuditEntries } from './entries.js';

export async function auditRoutes(app: App): Promise<void> {
  app.get(
    '/audit-entries',
    {
      schema: {
        tags: ['Nhật ký'],
        summary: 'Nhật ký thay đổi trong phạm vi quản trị của mình, mới nhất trước',
        querystring: listAuditQuery,
        response: { 200: auditPage },
      },
    },
    async (request) => {
      const { items, total, totalCapped } = await listAuditEntries(
        app.db,
        requireActor(request.actor),
        request.query,
      );
      return { items, total, totalCapped, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
}
