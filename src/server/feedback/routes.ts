import { idParams, okBody } from '../../contract/common.js';
import {
  agendaBody,
  committeeResponse,
  deleteOpinionQuery,
  editOpinionBody,
  liveQuery,
  liveView,
  opinionEntry,
  recordOpinionBody,
  responseBody,
} from '../../contract/feedback.js';
import { meetingDetail } from '../../contract/meetings.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { moveAgenda, saveResponse } from './agenda.js';
import { readLive } from './live.js';
import { deleteOpinion, editOpinion, recordOpinion } from './opinions.js';

const tags = ['Diễn biến buổi họp'];

export async function feedbackRoutes(app: App): Promise<void> {
  app.get(
    '/meetings/:id/live',
    {
      config: { personalRead: { of: 'meeting-opinions', action: 'opinions.live.read' } },
      schema: {
        tags,
        summary:
          'Thư ký, chủ trì, cấp ủy: chương trình, đảng viên, ý kiến phát biểu (không có phiếu điện thoại)',
        params: idParams,
        querystring: liveQuery,
        response: { 200: liveView },
      },
    },
    async (request) => readLive(app.db, requireActor(request.actor), request.params.id, request.query.after),
  );

  app.post(
    '/meetings/:id/feedback',
    {
      schema: {
        tags,
        summary: 'Ghi một ý kiến phát biểu (mã do máy khách tạo: gửi lại là cùng một ý kiến)',
        params: idParams,
        body: recordOpinionBody,
        response: { 200: opinionEntry, 201: opinionEntry },
      },
    },
    async (request, reply) => {
      const { created, entry } = await recordOpinion(
        app.db,
        requireActor(request.actor),
        request.params.id,
        request.body,
      );
      return reply.status(created ? 201 : 200).send(entry);
    },
  );

  app.put(
    '/feedback/:id',
    {
      schema: {
        tags,
        summary: 'Sửa một ý kiến phát biểu theo phiên bản đã đọc',
        params: idParams,
        body: editOpinionBody,
        response: { 200: opinionEntry },
      },
    },
    async (request) => editOpinion(app.db, requireActor(request.actor), request.params.id, request.body),
  );

  app.delete(
    '/feedback/:id',
    {
      schema: {
        tags,
        summary: 'Xóa một ý kiến phát biểu theo phiên bản đã đọc',
        params: idParams,
        querystring: deleteOpinionQuery,
        response: { 200: okBody },
      },
    },
    async (request) => {
      await deleteOpinion(app.db, requireActor(request.actor), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );

  app.put(
    '/meetings/:id/responses',
    {
      schema: {
        tags,
        summary: 'Ý kiến tiếp thu của cấp ủy với một đảng viên hoặc với tập thể',
        params: idParams,
        body: responseBody,
        response: { 200: committeeResponse },
      },
    },
    async (request) => saveResponse(app.db, requireActor(request.actor), request.params.id, request.body),
  );

  app.put(
    '/meetings/:id/agenda',
    {
      schema: {
        tags,
        summary: 'Chuyển bước chương trình họp; kết thúc là buổi họp đã tổ chức',
        params: idParams,
        body: agendaBody,
        response: { 200: meetingDetail },
      },
    },
    async (request) => moveAgenda(app.db, requireActor(request.actor), request.params.id, request.body),
  );
}
