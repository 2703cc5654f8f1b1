import { idParams } from '../../contract/common.js';
import {
  reopenReportBody,
  reportDetail,
  reportList,
  reportListQuery,
  reportParams,
  submitReportBody,
  updateReportBody,
} from '../../contract/reports.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { reportDocumentRoutes } from './document-routes.js';
import { getReport, listReports, reopenReport, submitReport, updateReport } from './service.js';

const tags = ['Báo cáo'];
const detail = { 200: reportDetail };

export async function reportRoutes(app: App): Promise<void> {
  app.get(
    '/plans/:planId/organizations/:organizationId/report',
    {
      schema: {
        tags,
        summary: 'Báo cáo của một tổ chức cho kế hoạch, kèm số liệu và các báo cáo gửi lên nó',
        params: reportParams,
        response: detail,
      },
    },
    async (request) =>
      getReport(app.db, requireActor(request.actor), request.params.planId, request.params.organizationId),
  );

  app.put(
    '/reports/:id',
    {
      schema: {
        tags,
        summary: 'Cấp ủy sửa phần nội dung báo cáo',
        params: idParams,
        body: updateReportBody,
        response: detail,
      },
    },
    async (request) => updateReport(app.db, requireActor(request.actor), request.params.id, request.body),
  );

  app.post(
    '/reports/:id/submit',
    {
      schema: {
        tags,
        summary: 'Nộp báo cáo: chốt số liệu, so với thời hạn',
        params: idParams,
        body: submitReportBody,
        response: detail,
      },
    },
    async (request) => submitReport(app.db, requireActor(request.actor), request.params.id, request.body),
  );

  app.post(
    '/reports/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Cấp nhận báo cáo mở lại báo cáo đã nộp, kèm lý do (giữ lại bản đã nộp)',
        params: idParams,
        body: reopenReportBody,
        response: detail,
      },
    },
    async (request) => reopenReport(app.db, requireActor(request.actor), request.params.id, request.body),
  );

  app.get(
    '/plans/:id/reports',
    {
      schema: {
        tags,
        summary: 'Các báo cáo gửi về một cấp: đúng hạn, trễ hạn, chưa nộp, chưa đến hạn',
        params: idParams,
        querystring: reportListQuery,
        response: { 200: reportList },
      },
    },
    async (request) =>
      listReports(app.db, requireActor(request.actor), request.params.id, request.query.organizationId),
  );

  await reportDocumentRoutes(app);
}
