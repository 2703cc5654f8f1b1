import { z } from 'zod';
import { idParams } from '../../contract/common.js';
import { versionBody } from '../../contract/organizations.js';
import {
  createWorkplaceBody,
  listWorkplacesQuery,
  updateWorkplaceBody,
  workplace,
} from '../../contract/workplaces.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { presentWorkplace } from './presenter.js';
import {
  createWorkplace,
  getWorkplace,
  listWorkplaces,
  setWorkplaceClosed,
  updateWorkplace,
} from './service.js';

const tags = ['Cơ quan, đơn vị'];

export async function workplaceRoutes(app: App): Promise<void> {
  app.get(
    '/workplaces',
    {
      schema: {
        tags,
        summary: 'Cơ quan, đơn vị của một tổ chức (hoặc cả cây dưới nó)',
        querystring: listWorkplacesQuery,
        response: { 200: z.object({ items: z.array(workplace) }) },
      },
    },
    async (request) => {
      const { organizationId, subtree, includeClosed } = request.query;
      const rows = await listWorkplaces(app.db, requireActor(request.actor), organizationId, {
        subtree: subtree === 'true',
        includeClosed: includeClosed === 'true',
      });
      return { items: rows.map(presentWorkplace) };
    },
  );

  app.get(
    '/workplaces/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết cơ quan, đơn vị và việc phải tổ chức họp',
        params: idParams,
        response: { 200: workplace },
      },
    },
    async (request) =>
      presentWorkplace(await getWorkplace(app.db, requireActor(request.actor), request.params.id)),
  );

  app.post(
    '/workplaces',
    {
      schema: {
        tags,
        summary: 'Thêm cơ quan, đơn vị',
        body: createWorkplaceBody,
        response: { 201: workplace },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const created = await createWorkplace(app.db, actor, request.body);
      return reply.status(201).send(presentWorkplace(await getWorkplace(app.db, actor, created.id)));
    },
  );

  app.patch(
    '/workplaces/:id',
    {
      schema: {
        tags,
        summary: 'Sửa cơ quan, đơn vị',
        params: idParams,
        body: updateWorkplaceBody,
        response: { 200: workplace },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const { version, ...fields } = request.body;
      await updateWorkplace(app.db, actor, request.params.id, version, fields);
      return presentWorkplace(await getWorkplace(app.db, actor, request.params.id));
    },
  );

  for (const [action, closed, summary] of [
    ['close', true, 'Đóng cơ quan, đơn vị (giữ nguyên hồ sơ)'],
    ['reopen', false, 'Mở lại cơ quan, đơn vị'],
  ] as const) {
    app.post(
      `/workplaces/:id/${action}`,
      { schema: { tags, summary, params: idParams, body: versionBody, response: { 200: workplace } } },
      async (request) => {
        const actor = requireActor(request.actor);
        await setWorkplaceClosed(app.db, actor, request.params.id, request.body.version, closed);
        return presentWorkplace(await getWorkplace(app.db, actor, request.params.id));
      },
    );
  }
}
