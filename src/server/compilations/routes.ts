import { idParams } from '../../contract/common.js';
import {
  compilationView,
  feedbackIdParams,
  finalizeCompilationBody,
  mergePointBody,
  myCompiledPointsView,
  updatePointBody,
} from '../../contract/compilations.js';
import { buildCompilationDocument } from '../../documents/compilation-document.js';
import { attachmentDisposition } from '../../documents/filename.js';
import { DOCUMENT_FORMATS } from '../../documents/formats.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { createCompilation, syncCompilation } from './create.js';
import { compilationDocumentInput } from './documents.js';
import { finalizeCompilation } from './finalize.js';
import { myCompiledPoints } from './mine.js';
import { mergePoints, splitOpinion, updatePoint } from './points.js';
import { readCompilation } from './read.js';

const tags = ['Tổng hợp ý kiến'];
const view = { 200: compilationView };

export async function compilationRoutes(app: App): Promise<void> {
  app.post(
    '/meetings/:id/compilation',
    {
      schema: {
        tags,
        summary: 'Cấp ủy lập dự thảo tổng hợp ý kiến của buổi họp đã tổ chức (gọi lại trả về bản đã có)',
        params: idParams,
        response: { 200: compilationView, 201: compilationView },
      },
    },
    async (request, reply) => {
      const { created, view: body } = await createCompilation(
        app.db,
        requireActor(request.actor),
        request.params.id,
      );
      return reply.status(created ? 201 : 200).send(body);
    },
  );

  app.get(
    '/meetings/:id/compilation',
    {
      config: { personalRead: { of: 'meeting-opinions', action: 'compilation.read' } },
      schema: {
        tags,
        summary: 'Bản tổng hợp ý kiến theo đối tượng và lĩnh vực (cấp trên chỉ xem trạng thái)',
        params: idParams,
        response: view,
      },
    },
    async (request) => readCompilation(app.db, requireActor(request.actor), request.params.id),
  );

  app.post(
    '/meetings/:id/compilation/sync',
    {
      schema: {
        tags,
        summary: 'Đưa các ý kiến ghi nhận sau khi lập dự thảo vào bản tổng hợp, mỗi ý kiến dưới một điểm mới',
        params: idParams,
        response: view,
      },
    },
    async (request) => syncCompilation(app.db, requireActor(request.actor), request.params.id),
  );

  app.post(
    '/meetings/:id/compilation/finalize',
    {
      schema: {
        tags,
        summary: 'Chốt bản tổng hợp khi mọi điểm đã phân loại trách nhiệm và có kết luận',
        params: idParams,
        body: finalizeCompilationBody,
        response: view,
      },
    },
    async (request) =>
      finalizeCompilation(
        app.db,
        requireActor(request.actor),
        request.params.id,
        request.body.version,
        request.body.number,
      ),
  );

  app.patch(
    '/compilation-points/:id',
    {
      schema: {
        tags,
        summary: 'Sửa nội dung, phân loại trách nhiệm hoặc kết luận (tiếp thu, giải trình) của một điểm',
        params: idParams,
        body: updatePointBody,
        response: view,
      },
    },
    async (request) => updatePoint(app.db, requireActor(request.actor), request.params.id, request.body),
  );

  app.post(
    '/compilation-points/:id/merge',
    {
      schema: {
        tags,
        summary: 'Gộp một điểm vào điểm khác cùng đối tượng và loại ý kiến; mọi ý kiến gốc được giữ',
        params: idParams,
        body: mergePointBody,
        response: view,
      },
    },
    async (request) =>
      mergePoints(app.db, requireActor(request.actor), request.params.id, request.body.intoPointId),
  );

  app.post(
    '/compilation-opinions/:feedbackId/split',
    {
      schema: {
        tags,
        summary: 'Tách một ý kiến ra thành điểm riêng',
        params: feedbackIdParams,
        response: view,
      },
    },
    async (request) => splitOpinion(app.db, requireActor(request.actor), request.params.feedbackId),
  );

  app.get(
    '/me/compiled-points',
    {
      schema: {
        tags,
        summary: 'Các điểm tổng hợp về đảng viên đang đăng nhập, từ các bản tổng hợp đã chốt',
        response: { 200: myCompiledPointsView },
      },
    },
    async (request) => myCompiledPoints(app.db, requireActor(request.actor)),
  );

  for (const format of ['docx', 'pdf'] as const) {
    const { type, render } = DOCUMENT_FORMATS[format];
    app.get(
      `/meetings/:id/compilation.${format}`,
      {
        config: { personalRead: { of: 'meeting-opinions', action: 'compilation.document.read' } },
        schema: {
          tags,
          summary: `Tải báo cáo tổng hợp ý kiến theo thể thức văn bản của Đảng (.${format})`,
          params: idParams,
        },
      },
      async (request, reply) => {
        const input = await compilationDocumentInput(app.db, requireActor(request.actor), request.params.id);
        return reply
          .type(type)
          .header(
            'content-disposition',
            attachmentDisposition(`Tổng hợp ý kiến - ${input.workplaceName}.${format}`, 'tong-hop-y-kien'),
          )
          .send(await render(buildCompilationDocument(input)));
      },
    );
  }
}
