import { idParams } from '../../contract/common.js';
import { planProgress, progressQuery } from '../../contract/progress.js';
import { attachmentDisposition } from '../../documents/filename.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { XLSX_TYPE } from '../people/roster-workbook.js';
import { progressWorkbook } from './progress-export.js';
import { readPlanProgress } from './progress-service.js';

const tags = ['Tiến độ thực hiện kế hoạch'];

export async function progressRoutes(app: App): Promise<void> {
  app.get(
    '/plans/:id/progress',
    {
      schema: {
        tags,
        summary: 'Tiến độ của một tổ chức và các tổ chức trực thuộc, kèm cảnh báo chậm, chưa triển khai',
        params: idParams,
        querystring: progressQuery,
        response: { 200: planProgress },
      },
    },
    async (request) =>
      readPlanProgress(app.db, requireActor(request.actor), request.params.id, request.query.organizationId),
  );

  app.get(
    '/plans/:id/progress.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất bảng tiến độ (.xlsx)',
        params: idParams,
        querystring: progressQuery,
      },
    },
    async (request, reply) => {
      const progress = await readPlanProgress(
        app.db,
        requireActor(request.actor),
        request.params.id,
        request.query.organizationId,
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          attachmentDisposition(`Tiến độ - ${progress.node.organization.name}.xlsx`, 'tien-do'),
        )
        .header('cache-control', 'no-store')
        .send(await progressWorkbook(progress));
    },
  );
}
