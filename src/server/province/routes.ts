import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { idParams } from '../../contract/common.js';
import { importJob } from '../../contract/province.js';
import { attachmentDisposition } from '../../documents/filename.js';
import { requireActor } from '../auth/actor.js';
import { ADMINISTRATORS } from '../auth/roles.js';
import type { App } from '../http/types.js';
import { organizationInScope } from '../organizations/access.js';
import { readUploadedFile } from '../people/roster-upload.js';
import { XLSX_TYPE } from '../people/roster-workbook.js';
import { getImport, startApply, startImport } from './jobs.js';
import { exportProvinceWorkbook, provinceTemplate } from './workbook.js';

const tags = ['Sổ nhập cả tỉnh (Excel)'];

/** Issue 16: the province workbook — template, subtree export, import with preview, then apply. */
export async function provinceRoutes(app: App): Promise<void> {
  const sendFile = (reply: FastifyReply, fileName: string, content: Buffer) =>
    reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', attachmentDisposition(fileName))
      .header('cache-control', 'no-store')
      .send(content);
  const logError = (error: unknown) => app.log.error({ err: error }, 'province workbook import failed');

  app.get(
    '/province-workbook/template',
    { schema: { tags, summary: 'Tải mẫu sổ nhập (tổ chức, cơ quan, nhân sự)' } },
    async (request, reply) => {
      requireActor(request.actor);
      return sendFile(reply, 'Mẫu sổ nhập tổ chức, cơ quan, nhân sự.xlsx', await provinceTemplate());
    },
  );

  app.get(
    '/organizations/:id/province-workbook.xlsx',
    { schema: { tags, summary: 'Xuất cả cây của tổ chức ra sổ nhập (nhập lại được)', params: idParams } },
    async (request, reply) => {
      const file = await exportProvinceWorkbook(app.db, requireActor(request.actor), request.params.id);
      return sendFile(reply, file.fileName, file.content);
    },
  );

  app.post(
    '/organizations/:id/province-imports',
    {
      schema: {
        tags,
        summary: 'Tải sổ nhập lên để kiểm tra (chưa ghi gì); theo dõi tiến độ ở /province-imports/:id',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 202: importJob },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      // 404/403 before the upload is read.
      await organizationInScope(app.db, actor, request.params.id, ADMINISTRATORS);
      const buffer = await readUploadedFile(request, app.config.WORKBOOK_UPLOAD_LIMIT_BYTES);
      const job = await startImport(app.db, actor, request.params.id, 'so-nhap.xlsx', buffer, logError);
      return reply.status(202).send(job);
    },
  );

  app.get(
    '/province-imports/:id',
    {
      schema: {
        tags,
        summary: 'Tiến độ, bản xem trước hoặc lỗi của một lần nhập',
        params: idParams,
        response: { 200: importJob },
      },
    },
    async (request) => getImport(app.db, requireActor(request.actor), request.params.id),
  );

  app.post(
    '/province-imports/:id/apply',
    {
      schema: {
        tags,
        summary: 'Nhập sổ đã kiểm tra không lỗi: tất cả hoặc không gì cả',
        params: idParams,
        body: z.object({}).optional(),
        response: { 202: importJob },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await startApply(app.db, requireActor(request.actor), request.params.id, logError)),
  );
}
