import type { FastifyRequest } from 'fastify';
import { idParams } from '../../contract/common.js';
import {
  commentSent,
  createRemediationItemBody,
  evidenceUploaded,
  myRemediationItems,
  noteParams,
  remediationAnswerBody,
  remediationCommentBody,
  remediationItemView,
  remediationNoteBody,
  remediationPlanList,
  remediationPlanView,
  updateRemediationItemBody,
} from '../../contract/remediation.js';
import { attachmentDisposition } from '../../documents/filename.js';
import { requireActor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { assertCleanText } from '../http/control-characters.js';
import type { App } from '../http/types.js';
import { itemForProgress } from './access.js';
import { answerComment, commentAsMasses } from './comments.js';
import { createItem, updateItem } from './items.js';
import { addNote, evidenceFile, type UploadedEvidence, uploadEvidence } from './notes.js';
import { meetingPlan, myItems, workplacePlans } from './plans.js';

const tags = ['Kế hoạch khắc phục'];

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/** The one file of an evidence upload, within the size limit. */
async function readEvidence(request: FastifyRequest, limitBytes: number): Promise<UploadedEvidence> {
  const tooLarge = new AppError('payload_too_large', `Tệp lớn hơn ${Math.round(limitBytes / 1_048_576)} MB.`);
  let upload: UploadedEvidence | null = null;
  for await (const part of request.parts({ limits: { fileSize: limitBytes } })) {
    if (part.type === 'field') continue;
    if (part.fieldname !== 'file' || upload) {
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
    upload = { originalName: part.filename, content };
  }
  if (!upload || upload.content.length === 0) {
    throw new AppError('bad_request', 'Chưa chọn tệp minh chứng (trường "file").', [
      { path: 'body.file', message: 'Chưa chọn tệp.' },
    ]);
  }
  return upload;
}

export async function remediationRoutes(app: App): Promise<void> {
  app.get(
    '/meetings/:id/remediation',
    {
      config: { personalRead: { of: 'meeting-opinions', action: 'remediation.read' } },
      schema: {
        tags,
        summary: 'Kế hoạch khắc phục của buổi họp: các việc, tình trạng, tiến độ, ý kiến giám sát',
        params: idParams,
        response: { 200: remediationPlanView },
      },
    },
    async (request) => meetingPlan(app.db, requireActor(request.actor), request.params.id),
  );

  app.post(
    '/meetings/:id/remediation-items',
    {
      schema: {
        tags,
        summary: 'Cấp ủy lập một việc khắc phục từ điểm tổng hợp đã tiếp thu (hoặc việc chung của tổ chức)',
        params: idParams,
        body: createRemediationItemBody,
        response: { 201: remediationItemView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createItem(app.db, requireActor(request.actor), request.params.id, request.body)),
  );

  app.patch(
    '/remediation-items/:id',
    {
      schema: {
        tags,
        summary: 'Cấp ủy sửa nội dung hoặc thời hạn của một việc khắc phục',
        params: idParams,
        body: updateRemediationItemBody,
        response: { 200: remediationItemView },
      },
    },
    async (request) => updateItem(app.db, requireActor(request.actor), request.params.id, request.body),
  );

  app.post(
    '/remediation-items/:id/notes',
    {
      schema: {
        tags,
        summary:
          'Ghi tiến độ (có ngày) và cập nhật tình trạng: đảng viên cho việc của mình, cấp ủy cho mọi việc',
        params: idParams,
        body: remediationNoteBody,
        response: { 201: remediationItemView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addNote(app.db, requireActor(request.actor), request.params.id, request.body)),
  );

  app.post(
    '/remediation-items/:id/evidence',
    {
      schema: {
        tags,
        summary:
          'Tải lên một tệp minh chứng (PDF, JPEG, PNG; tối đa 10 MB, trường "file") để kèm vào ghi chú tiến độ tiếp theo',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: evidenceUploaded },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      // 404/403 before the upload is read: nobody outside the item gets to send a file.
      await itemForProgress(app.db, actor, request.params.id);
      const limit = Math.min(app.config.UPLOAD_LIMIT_BYTES, 10 * 1_048_576);
      const upload = await readEvidence(request, limit);
      return reply.status(201).send(await uploadEvidence(app.db, actor, request.params.id, upload));
    },
  );

  app.get(
    '/remediation-items/:id/notes/:noteId/evidence',
    { schema: { tags, summary: 'Tải tệp minh chứng của một ghi chú tiến độ', params: noteParams } },
    async (request, reply) => {
      const file = await evidenceFile(
        app.db,
        requireActor(request.actor),
        request.params.id,
        request.params.noteId,
      );
      const extension = EXTENSIONS[file.mediaType] ?? 'bin';
      const stem = file.originalName.replace(/\.[A-Za-z0-9]{1,5}$/, '');
      return reply
        .type(file.mediaType)
        .header('content-disposition', attachmentDisposition(`${stem}.${extension}`, 'minh-chung'))
        .send(file.content);
    },
  );

  app.get(
    '/me/remediation-items',
    {
      schema: {
        tags,
        summary: 'Các việc khắc phục của chính đảng viên đăng nhập',
        response: { 200: myRemediationItems },
      },
    },
    async (request) => ({ items: await myItems(app.db, requireActor(request.actor)) }),
  );

  app.get(
    '/me/workplace-remediation',
    {
      schema: {
        tags,
        summary: 'Quần chúng: kế hoạch khắc phục của cơ quan, đơn vị nơi mình công tác',
        response: { 200: remediationPlanList },
      },
    },
    async (request) => ({ plans: await workplacePlans(app.db, requireActor(request.actor)) }),
  );

  app.post(
    '/remediation-items/:id/comments',
    {
      schema: {
        tags,
        summary: 'Quần chúng có tài khoản góp ý (có tên) về một việc khắc phục',
        params: idParams,
        body: remediationCommentBody,
        response: { 201: commentSent },
      },
    },
    async (request, reply) => {
      await commentAsMasses(app.db, requireActor(request.actor), request.params.id, request.body.text);
      return reply.status(201).send({ ok: true as const });
    },
  );

  app.post(
    '/remediation-comments/:id/answer',
    {
      schema: {
        tags,
        summary: 'Cấp ủy trả lời ý kiến giám sát của quần chúng',
        params: idParams,
        body: remediationAnswerBody,
        response: { 200: commentSent },
      },
    },
    async (request) => {
      await answerComment(app.db, requireActor(request.actor), request.params.id, request.body);
      return { ok: true as const };
    },
  );
}
