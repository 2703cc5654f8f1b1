import { z } from 'zod';
import { idParams } from '../../contract/common.js';
import {
  committeeCommentBody,
  listSelfCriticismsQuery,
  returnSelfCriticismBody,
  saveSelfCriticismBody,
  selfCriticismDetail,
  selfCriticismPage,
  selfCriticismStatusView,
  selfCriticismVersionBody,
  selfCriticismVersionList,
  summaryBody,
  syncParams,
  syncResult,
  updateHeaderBody,
  versionDiff,
  versionDiffQuery,
} from '../../contract/self-criticisms.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { syncWorkplaceReports } from './create.js';
import {
  acceptSelfCriticism,
  commentSelfCriticism,
  getSelfCriticism,
  listMine,
  listSelfCriticisms,
  returnSelfCriticism,
  saveSelfCriticism,
  submitSelfCriticism,
  summarizeSelfCriticism,
  updateHeader,
} from './service.js';
import { diffVersions, listVersions } from './versions.js';

const tags = ['Bản tự phê bình'];
const detail = { 200: selfCriticismDetail };

export async function selfCriticismRoutes(app: App): Promise<void> {
  app.get(
    '/self-criticisms',
    {
      schema: {
        tags,
        summary: 'Bản tự phê bình trong phạm vi: nội dung với cấp ủy chi bộ, trạng thái với cấp trên',
        querystring: listSelfCriticismsQuery,
        response: { 200: selfCriticismPage },
      },
    },
    async (request) => listSelfCriticisms(app.db, requireActor(request.actor), request.query),
  );

  app.get(
    '/self-criticisms/mine',
    {
      schema: {
        tags,
        summary: 'Bản tự phê bình của đảng viên đang đăng nhập',
        response: { 200: z.object({ items: z.array(selfCriticismStatusView) }) },
      },
    },
    async (request) => listMine(app.db, requireActor(request.actor)),
  );

  app.get(
    '/self-criticisms/:id',
    {
      config: { personalRead: { of: 'self-criticism', action: 'self-criticism.read' } },
      schema: { tags, summary: 'Một bản tự phê bình', params: idParams, response: detail },
    },
    async (request) => getSelfCriticism(app.db, requireActor(request.actor), request.params.id),
  );

  app.patch(
    '/self-criticisms/:id',
    {
      schema: {
        tags,
        summary: 'Đảng viên lưu nội dung (tự động lưu, từng phần)',
        params: idParams,
        body: saveSelfCriticismBody,
        response: detail,
      },
    },
    async (request) =>
      saveSelfCriticism(app.db, requireActor(request.actor), request.params.id, request.body),
  );

  app.patch(
    '/self-criticisms/:id/header',
    {
      schema: {
        tags,
        summary: 'Cấp ủy sửa phần đầu và khuyết điểm, lời hứa năm trước',
        params: idParams,
        body: updateHeaderBody,
        response: detail,
      },
    },
    async (request) => updateHeader(app.db, requireActor(request.actor), request.params.id, request.body),
  );

  app.post(
    '/self-criticisms/:id/submit',
    {
      schema: {
        tags,
        summary: 'Đảng viên nộp',
        params: idParams,
        body: selfCriticismVersionBody,
        response: detail,
      },
    },
    async (request) =>
      submitSelfCriticism(app.db, requireActor(request.actor), request.params.id, request.body.version),
  );

  app.post(
    '/self-criticisms/:id/return',
    {
      schema: {
        tags,
        summary: 'Cấp ủy trả lại kèm lý do',
        params: idParams,
        body: returnSelfCriticismBody,
        response: detail,
      },
    },
    async (request) =>
      returnSelfCriticism(
        app.db,
        requireActor(request.actor),
        request.params.id,
        request.body.version,
        request.body.reason,
      ),
  );

  app.post(
    '/self-criticisms/:id/accept',
    {
      schema: {
        tags,
        summary: 'Cấp ủy thông qua',
        params: idParams,
        body: selfCriticismVersionBody,
        response: detail,
      },
    },
    async (request) =>
      acceptSelfCriticism(app.db, requireActor(request.actor), request.params.id, request.body.version),
  );

  app.put(
    '/self-criticisms/:id/committee-comment',
    {
      schema: {
        tags,
        summary: 'Nhận xét của cấp ủy (đảng viên có chức vụ)',
        params: idParams,
        body: committeeCommentBody,
        response: detail,
      },
    },
    async (request) =>
      commentSelfCriticism(
        app.db,
        requireActor(request.actor),
        request.params.id,
        request.body.version,
        request.body.comment,
      ),
  );

  app.put(
    '/self-criticisms/:id/summary',
    {
      schema: {
        tags,
        summary: 'Cấp ủy tóm tắt chức trách, ưu điểm, khuyết điểm chính',
        params: idParams,
        body: summaryBody,
        response: detail,
      },
    },
    async (request) =>
      summarizeSelfCriticism(app.db, requireActor(request.actor), request.params.id, request.body),
  );

  app.get(
    '/self-criticisms/:id/versions',
    {
      config: { personalRead: { of: 'self-criticism', action: 'self-criticism.versions.read' } },
      schema: {
        tags,
        summary: 'Các phiên bản đã lưu',
        params: idParams,
        response: { 200: selfCriticismVersionList },
      },
    },
    async (request) => listVersions(app.db, requireActor(request.actor), request.params.id),
  );

  app.get(
    '/self-criticisms/:id/versions/diff',
    {
      config: { personalRead: { of: 'self-criticism', action: 'self-criticism.versions.read' } },
      schema: {
        tags,
        summary: 'Những gì thay đổi giữa hai phiên bản',
        params: idParams,
        querystring: versionDiffQuery,
        response: { 200: versionDiff },
      },
    },
    async (request) =>
      diffVersions(
        app.db,
        requireActor(request.actor),
        request.params.id,
        request.query.from,
        request.query.to,
      ),
  );

  app.post(
    '/plans/:id/workplaces/:workplaceId/self-criticisms/sync',
    {
      schema: {
        tags,
        summary: 'Tạo bản tự phê bình còn thiếu cho đảng viên của cơ quan, đơn vị phải tổ chức',
        params: syncParams,
        response: { 200: syncResult },
      },
    },
    async (request) => ({
      created: await syncWorkplaceReports(
        app.db,
        requireActor(request.actor),
        request.params.id,
        request.params.workplaceId,
      ),
    }),
  );
}
