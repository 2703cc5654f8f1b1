import { idParams } from '../../contract/common.js';
import { attachmentDisposition } from '../../documents/filename.js';
import { DOCUMENT_FORMATS } from '../../documents/formats.js';
import { buildReportDocument } from '../../documents/report-document.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { documentNames } from '../organizations/document-names.js';
import { XLSX_TYPE } from '../people/roster-workbook.js';
import { reportDocumentInput, reportWorkbook } from './documents.js';
import { reportById } from './service.js';

const tags = ['Báo cáo'];

const fileSafe = (name: string) => name.replace(/[\\/:*?"<>|]+/g, '-').trim();

export async function reportDocumentRoutes(app: App): Promise<void> {
  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/reports/:id/document.${format}`,
      {
        schema: {
          tags,
          summary: `Tải báo cáo theo thể thức văn bản của Đảng (.${format})`,
          params: idParams,
        },
      },
      async (request, reply) => {
        const { detail, organization, place } = await reportById(
          app.db,
          requireActor(request.actor),
          request.params.id,
        );
        const { type, render } = DOCUMENT_FORMATS[format];
        const names = await documentNames(app.db, organization.id);
        const file = await render(
          buildReportDocument(reportDocumentInput(detail, organization, names, place)),
        );
        return reply
          .type(type)
          .header(
            'content-disposition',
            attachmentDisposition(`Báo cáo - ${fileSafe(organization.name)}.${format}`, 'bao-cao'),
          )
          .header('cache-control', 'no-store')
          .send(file);
      },
    );
  }

  app.get(
    '/reports/:id/figures.xlsx',
    { schema: { tags, summary: 'Xuất số liệu báo cáo (.xlsx)', params: idParams } },
    async (request, reply) => {
      const { detail, organization } = await reportById(
        app.db,
        requireActor(request.actor),
        request.params.id,
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          attachmentDisposition(`Số liệu báo cáo - ${fileSafe(organization.name)}.xlsx`, 'so-lieu-bao-cao'),
        )
        .header('cache-control', 'no-store')
        .send(await reportWorkbook(detail));
    },
  );
}
