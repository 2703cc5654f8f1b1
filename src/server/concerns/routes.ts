import { idParams } from '../../contract/common.js';
import {
  closeConcernBody,
  concernDetail,
  concernMessageBody,
  concernPage,
  listConcernsQuery,
  raiseConcernBody,
} from '../../contract/concerns.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { getConcern, listConcerns } from './read.js';
import { addConcernMessage, closeConcern, raiseConcern } from './service.js';

const tags = ['Khó khăn, vướng mắc'];

export async function concernRoutes(app: App): Promise<void> {
  app.post(
    '/plans/:id/concerns',
    {
      schema: {
        tags,
        summary: 'Nêu khó khăn, vướng mắc về kế hoạch với cấp ban hành',
        params: idParams,
        body: raiseConcernBody,
        response: { 201: concernDetail },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const id = await raiseConcern(app.db, actor, request.params.id, request.body);
      return reply.status(201).send(await getConcern(app.db, actor, id));
    },
  );

  app.get(
    '/concerns',
    {
      schema: {
        tags,
        summary: 'Khó khăn, vướng mắc trong phạm vi: do cấp dưới nêu lên hoặc do tổ chức mình nêu',
        querystring: listConcernsQuery,
        response: { 200: concernPage },
      },
    },
    async (request) => listConcerns(app.db, requireActor(request.actor), request.query),
  );

  app.get(
    '/concerns/:id',
    {
      schema: {
        tags,
        summary: 'Nội dung trao đổi về một khó khăn, vướng mắc',
        params: idParams,
        response: { 200: concernDetail },
      },
    },
    async (request) => getConcern(app.db, requireActor(request.actor), request.params.id),
  );

  app.post(
    '/concerns/:id/messages',
    {
      schema: {
        tags,
        summary: 'Trả lời (cấp ban hành) hoặc trao đổi thêm (tổ chức nêu)',
        params: idParams,
        body: concernMessageBody,
        response: { 201: concernDetail },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      await addConcernMessage(app.db, actor, request.params.id, request.body.body);
      return reply.status(201).send(await getConcern(app.db, actor, request.params.id));
    },
  );

  app.post(
    '/concerns/:id/close',
    {
      schema: {
        tags,
        summary: 'Đóng khó khăn, vướng mắc đã giải quyết',
        params: idParams,
        body: closeConcernBody,
        response: { 200: concernDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      await closeConcern(app.db, actor, request.params.id, request.body.version);
      return getConcern(app.db, actor, request.params.id);
    },
  );
}
