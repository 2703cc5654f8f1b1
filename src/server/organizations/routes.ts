import { z } from 'zod';
import { idParams } from '../../contract/common.js';
import {
  createOrganizationBody,
  listOrganizationsQuery,
  moveOrganizationBody,
  organization,
  organizationDetail,
  updateOrganizationBody,
  versionBody,
} from '../../contract/organizations.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { documentNames } from './document-names.js';
import { presentOrganization } from './presenter.js';
import {
  createOrganization,
  getListedOrganization,
  getOrganizationDetail,
  listOrganizations,
  moveOrganization,
  setOrganizationClosed,
  updateOrganization,
} from './service.js';

const tags = ['Tổ chức đảng'];

export async function organizationRoutes(app: App): Promise<void> {
  const single = async (row: { id: string }) =>
    presentOrganization(await getListedOrganization(app.db, row.id));

  app.get(
    '/organizations',
    {
      schema: {
        tags,
        summary: 'Tổ chức trực thuộc (hoặc các tổ chức gốc trong phạm vi của mình)',
        querystring: listOrganizationsQuery,
        response: { 200: z.object({ items: z.array(organization) }) },
      },
    },
    async (request) => {
      const { parentId, includeClosed } = request.query;
      const rows = await listOrganizations(
        app.db,
        requireActor(request.actor),
        parentId,
        includeClosed === 'true',
      );
      return { items: rows.map(presentOrganization) };
    },
  );

  app.get(
    '/organizations/:id',
    {
      schema: { tags, summary: 'Chi tiết tổ chức', params: idParams, response: { 200: organizationDetail } },
    },
    async (request) => {
      const detail = await getOrganizationDetail(app.db, requireActor(request.actor), request.params.id);
      return {
        ...presentOrganization(detail.listed),
        ancestors: detail.ancestors,
        children: detail.children.map(presentOrganization),
        committee: detail.committee,
        permissions: detail.permissions,
        documentHeader: (await documentNames(app.db, request.params.id)).header,
      };
    },
  );

  app.post(
    '/organizations',
    {
      schema: {
        tags,
        summary: 'Thêm tổ chức trực thuộc',
        body: createOrganizationBody,
        response: { 201: organization },
      },
    },
    async (request, reply) => {
      const { parentId, ...fields } = request.body;
      const row = await createOrganization(app.db, requireActor(request.actor), parentId, fields);
      return reply.status(201).send(await single(row));
    },
  );

  app.patch(
    '/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Sửa tổ chức',
        params: idParams,
        body: updateOrganizationBody,
        response: { 200: organization },
      },
    },
    async (request) => {
      const { version, ...fields } = request.body;
      return single(
        await updateOrganization(app.db, requireActor(request.actor), request.params.id, version, fields),
      );
    },
  );

  app.post(
    '/organizations/:id/move',
    {
      schema: {
        tags,
        summary: 'Chuyển sang tổ chức cấp trên khác',
        params: idParams,
        body: moveOrganizationBody,
        response: { 200: organization },
      },
    },
    async (request) => {
      const { version, parentId } = request.body;
      return single(
        await moveOrganization(app.db, requireActor(request.actor), request.params.id, version, parentId),
      );
    },
  );

  for (const [action, closed, summary] of [
    ['close', true, 'Đóng tổ chức (giữ nguyên hồ sơ)'],
    ['reopen', false, 'Mở lại tổ chức đã đóng'],
  ] as const) {
    app.post(
      `/organizations/:id/${action}`,
      { schema: { tags, summary, params: idParams, body: versionBody, response: { 200: organization } } },
      async (request) =>
        single(
          await setOrganizationClosed(
            app.db,
            requireActor(request.actor),
            request.params.id,
            request.body.version,
            closed,
          ),
        ),
    );
  }
}
