import type { FastifyReply } from 'fastify';
import { idParams } from '../../contract/common.js';
import { rosterImportResult } from '../../contract/people.js';
import { attachmentDisposition } from '../../documents/filename.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { exportOrganizationRoster, exportWorkplaceRoster, type RosterFile } from './roster-export.js';
import { importRoster } from './roster-import.js';
import { readUploadedFile } from './roster-upload.js';
import { rosterTemplate, XLSX_TYPE } from './roster-workbook.js';

const tags = ['Danh sách nhân sự (Excel)'];

export async function rosterRoutes(app: App): Promise<void> {
  const sendFile = (reply: FastifyReply, file: RosterFile) =>
    reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', attachmentDisposition(file.fileName))
      .header('cache-control', 'no-store')
      .send(file.content);

  app.get(
    '/roster-template',
    { schema: { tags, summary: 'Tải mẫu danh sách nhân sự (.xlsx)' } },
    async (request, reply) => {
      requireActor(request.actor);
      return sendFile(reply, { fileName: 'Mẫu danh sách nhân sự.xlsx', content: await rosterTemplate() });
    },
  );

  app.get(
    '/workplaces/:id/roster.xlsx',
    { schema: { tags, summary: 'Xuất danh sách nhân sự của cơ quan, đơn vị', params: idParams } },
    async (request, reply) =>
      sendFile(reply, await exportWorkplaceRoster(app.db, requireActor(request.actor), request.params.id)),
  );

  app.get(
    '/organizations/:id/roster.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất danh sách nhân sự của mọi cơ quan, đơn vị thuộc tổ chức',
        params: idParams,
      },
    },
    async (request, reply) =>
      sendFile(reply, await exportOrganizationRoster(app.db, requireActor(request.actor), request.params.id)),
  );

  app.post(
    '/workplaces/:id/roster-imports',
    {
      schema: {
        tags,
        summary: 'Nhập danh sách nhân sự từ tệp .xlsx (trường "file"); tệp có lỗi thì không ghi gì',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: rosterImportResult },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return importRoster(app.db, actor, request.params.id, () =>
        readUploadedFile(request, app.config.UPLOAD_LIMIT_BYTES),
      );
    },
  );
}
