import type { FastifyRequest } from 'fastify';
import { idParams } from '../../contract/common.js';
import {
  addendumBody,
  minutesView,
  paperSignatureFields,
  signatureParams,
  signMinutesBody,
  updateMinutesBody,
} from '../../contract/minutes.js';
import { attachmentDisposition } from '../../documents/filename.js';
import { DOCUMENT_FORMATS } from '../../documents/formats.js';
import { buildMinutesDocument } from '../../documents/minutes-document.js';
import { requireActor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { assertCleanText } from '../http/control-characters.js';
import type { App } from '../http/types.js';
import { minutesDocumentInput } from './documents.js';
import { meetingForMinutes, readMinutes, updateDraft } from './service.js';
import {
  addAddendum,
  signatureScan,
  signOnPaper,
  signWithAccount,
  type UploadedScan,
  withdrawSignature,
} from './signing.js';

const tags = ['Biên bản'];

const SCAN_EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/** The paper signature's fields and its one scan, read from the multipart body within the size limit. */
async function readPaperSignature(request: FastifyRequest, limitBytes: number) {
  const tooLarge = new AppError('payload_too_large', `Tệp lớn hơn ${Math.round(limitBytes / 1_048_576)} MB.`);
  const fields: Record<string, string> = {};
  let scan: UploadedScan | null = null;
  for await (const part of request.parts({ limits: { fileSize: limitBytes } })) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    if (part.fieldname !== 'file' || scan) {
      await part.toBuffer();
      continue;
    }
    let content: Buffer;
    try {
      content = await part.toBuffer();
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge;
      throw error;
    }
    if (part.file.truncated) throw tooLarge;
    assertCleanText(part.filename, 'body.file');
    scan = { originalName: part.filename, content };
  }
  // A missing field reads as empty, so the refusal is the field's own Vietnamese message.
  const parsed = paperSignatureFields.safeParse({
    capacity: fields.capacity ?? '',
    signerName: fields.signerName ?? '',
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: ['body', ...issue.path.map(String)].join('.'),
      message: issue.message,
    }));
    throw new AppError(
      'bad_request',
      `Dữ liệu không hợp lệ ở "${issues[0]?.path}": ${issues[0]?.message}`,
      issues,
    );
  }
  if (!scan || scan.content.length === 0) {
    throw new AppError('bad_request', 'Chưa chọn bản chụp biên bản đã ký (trường "file").', [
      { path: 'body.file', message: 'Chưa chọn tệp.' },
    ]);
  }
  return { fields: parsed.data, scan };
}

export async function minutesRoutes(app: App): Promise<void> {
  app.get(
    '/meetings/:id/minutes',
    {
      config: { personalRead: { of: 'meeting-opinions', action: 'minutes.read' } },
      schema: {
        tags,
        summary: 'Biên bản buổi họp: dự thảo lập từ dữ liệu đã ghi, chữ ký, khóa và phụ lục',
        params: idParams,
        response: { 200: minutesView },
      },
    },
    async (request) => readMinutes(app.db, requireActor(request.actor), request.params.id),
  );

  app.put(
    '/meetings/:id/minutes',
    {
      schema: {
        tags,
        summary: 'Thư ký sửa phần lời văn của biên bản (trước khi có chữ ký)',
        params: idParams,
        body: updateMinutesBody,
        response: { 200: minutesView },
      },
    },
    async (request) => updateDraft(app.db, requireActor(request.actor), request.params.id, request.body),
  );

  app.post(
    '/meetings/:id/minutes/signatures',
    {
      schema: {
        tags,
        summary:
          'Ký biên bản bằng tài khoản và mật khẩu của chính người ký (chủ trì, thư ký, đại diện quần chúng)',
        params: idParams,
        body: signMinutesBody,
        response: { 201: minutesView },
      },
    },
    async (request, reply) => {
      const view = await signWithAccount(
        app.db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.ip,
      );
      return reply.status(201).send(view);
    },
  );

  app.post(
    '/meetings/:id/minutes/signatures/paper',
    {
      schema: {
        tags,
        summary:
          'Ghi nhận chữ ký trên giấy kèm bản chụp (trường capacity, signerName và tệp "file": PDF, JPEG hoặc PNG)',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: minutesView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      // 404/403 before the upload is read: nobody outside the meeting gets to send a file.
      await meetingForMinutes(app.db, actor, request.params.id);
      const { fields, scan } = await readPaperSignature(request, app.config.UPLOAD_LIMIT_BYTES);
      return reply.status(201).send(await signOnPaper(app.db, actor, request.params.id, fields, scan));
    },
  );

  app.delete(
    '/meetings/:id/minutes/signatures/:signatureId',
    {
      schema: {
        tags,
        summary: 'Rút một chữ ký (chỉ trước khi biên bản khóa)',
        params: signatureParams,
        response: { 200: minutesView },
      },
    },
    async (request) =>
      withdrawSignature(app.db, requireActor(request.actor), request.params.id, request.params.signatureId),
  );

  app.get(
    '/meetings/:id/minutes/signatures/:signatureId/scan',
    { schema: { tags, summary: 'Tải bản chụp chữ ký trên giấy', params: signatureParams } },
    async (request, reply) => {
      const { file, label } = await signatureScan(
        app.db,
        requireActor(request.actor),
        request.params.id,
        request.params.signatureId,
      );
      const extension = SCAN_EXTENSIONS[file.mediaType] ?? 'bin';
      return reply
        .type(file.mediaType)
        .header('content-disposition', attachmentDisposition(`Chữ ký ${label}.${extension}`, 'chu-ky'))
        .send(file.content);
    },
  );

  app.post(
    '/meetings/:id/minutes/addenda',
    {
      schema: {
        tags,
        summary: 'Lập phụ lục đính chính sau khi biên bản đã khóa (không sửa biên bản gốc)',
        params: idParams,
        body: addendumBody,
        response: { 201: minutesView },
      },
    },
    async (request, reply) => {
      const view = await addAddendum(
        app.db,
        requireActor(request.actor),
        request.params.id,
        request.body.text,
      );
      return reply.status(201).send(view);
    },
  );

  for (const format of ['docx', 'pdf'] as const) {
    const { type, render } = DOCUMENT_FORMATS[format];
    app.get(
      `/meetings/:id/minutes.${format}`,
      {
        config: { personalRead: { of: 'meeting-opinions', action: 'minutes.document.read' } },
        schema: {
          tags,
          summary: `Tải biên bản theo thể thức văn bản của Đảng (.${format})`,
          params: idParams,
        },
      },
      async (request, reply) => {
        const input = await minutesDocumentInput(app.db, requireActor(request.actor), request.params.id);
        return reply
          .type(type)
          .header(
            'content-disposition',
            attachmentDisposition(`Biên bản - ${input.content.workplaceName}.${format}`, 'bien-ban'),
          )
          .send(await render(buildMinutesDocument(input)));
      },
    );
  }
}
