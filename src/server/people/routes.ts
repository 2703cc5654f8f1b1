import { idParams } from '../../contract/common.js';
import {
  createPersonBody,
  deletePersonQuery,
  leavingBody,
  peoplePage,
  person,
  returnBody,
  searchPeopleQuery,
  updatePersonBody,
} from '../../contract/people.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { presentPerson } from './presenter.js';
import {
  cancelPersonLeaving,
  createPerson,
  deletePerson,
  getPerson,
  leavePerson,
  returnPerson,
  searchPeople,
  updatePerson,
} from './service.js';

const tags = ['Nhân sự'];

export async function peopleRoutes(app: App): Promise<void> {
  app.get(
    '/people',
    {
      schema: {
        tags,
        summary: 'Tìm người theo tên (không phân biệt dấu, hoa thường), tổ chức, cơ quan',
        querystring: searchPeopleQuery,
        response: { 200: peoplePage },
      },
    },
    async (request) => {
      const { items, total, totalCapped } = await searchPeople(
        app.db,
        requireActor(request.actor),
        request.query,
      );
      const { page, pageSize } = request.query;
      return { items: items.map(presentPerson), total, totalCapped, page, pageSize };
    },
  );

  app.get(
    '/people/:id',
    { schema: { tags, summary: 'Chi tiết một người', params: idParams, response: { 200: person } } },
    async (request) => presentPerson(await getPerson(app.db, requireActor(request.actor), request.params.id)),
  );

  app.post(
    '/people',
    {
      schema: {
        tags,
        summary: 'Thêm người vào cơ quan, đơn vị',
        body: createPersonBody,
        response: { 201: person },
      },
    },
    async (request, reply) => {
      const created = await createPerson(app.db, requireActor(request.actor), request.body);
      return reply.status(201).send(presentPerson(created));
    },
  );

  app.patch(
    '/people/:id',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin một người',
        params: idParams,
        body: updatePersonBody,
        response: { 200: person },
      },
    },
    async (request) =>
      presentPerson(await updatePerson(app.db, requireActor(request.actor), request.params.id, request.body)),
  );

  app.delete(
    '/people/:id',
    {
      schema: {
        tags,
        summary: 'Xóa một người nhập nhầm; người đã nghỉ việc thì ghi nhận nghỉ việc',
        params: idParams,
        querystring: deletePersonQuery,
      },
    },
    async (request, reply) => {
      await deletePerson(app.db, requireActor(request.actor), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  app.post(
    '/people/:id/leaving',
    {
      schema: {
        tags,
        summary: 'Ghi nhận một người nghỉ việc (ngày nghỉ, lý do); lịch sử được giữ',
        params: idParams,
        body: leavingBody,
        response: { 200: person },
      },
    },
    async (request) =>
      presentPerson(await leavePerson(app.db, requireActor(request.actor), request.params.id, request.body)),
  );

  app.delete(
    '/people/:id/leaving',
    {
      schema: {
        tags,
        summary: 'Hủy ghi nhận nghỉ việc đã ghi nhầm',
        params: idParams,
        querystring: deletePersonQuery,
        response: { 200: person },
      },
    },
    async (request) =>
      presentPerson(
        await cancelPersonLeaving(
          app.db,
          requireActor(request.actor),
          request.params.id,
          request.query.version,
        ),
      ),
  );

  app.post(
    '/people/:id/return',
    {
      schema: {
        tags,
        summary: 'Ghi nhận người đã nghỉ việc trở lại làm việc',
        params: idParams,
        body: returnBody,
        response: { 200: person },
      },
    },
    async (request) =>
      presentPerson(await returnPerson(app.db, requireActor(request.actor), request.params.id, request.body)),
  );
}
