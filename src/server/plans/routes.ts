import { z } from 'zod';
import { idParams } from '../../contract/common.js';
import {
  correctionBody,
  createPlanBody,
  deadlineChangeBody,
  derivePlanBody,
  determinationMasses as determinationMassesView,
  listPlansQuery,
  listPlanWorkplacesQuery,
  planDetail,
  planSummary,
  planTemplate,
  planTemplateQuery,
  planWorkplace,
  planWorkplacePage,
  planWorkplaceParams,
  publishPlanBody,
  updatePlanBody,
} from '../../contract/plans.js';
import { vietnamToday } from '../../domain/dates.js';
import { type Actor, requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { changeDeadline } from './deadlines.js';
import { derivePlan } from './derive.js';
import { determinationMasses } from './determination-masses.js';
import { correctDetermination, listDeterminations } from './determinations.js';
import { createPlan, updatePlan } from './drafts.js';
import { presentPlanDetail, presentPlanSummary } from './presenter.js';
import { publishPlan } from './publish.js';
import { getPlan, getPlanTemplate, listPlans } from './service.js';

const tags = ['Kế hoạch'];

export async function planRoutes(app: App): Promise<void> {
  const detail = async (actor: Actor, id: string) => {
    const { issued, related } = await getPlan(app.db, actor, id);
    return presentPlanDetail(actor, issued, related);
  };

  app.get(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Kế hoạch do tổ chức trong phạm vi ban hành và kế hoạch cấp trên áp dụng cho mình',
        querystring: listPlansQuery,
        response: { 200: z.object({ items: z.array(planSummary) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const rows = await listPlans(app.db, actor, request.query);
      return { items: rows.map((row) => presentPlanSummary(actor, row)) };
    },
  );

  app.get(
    '/plans/template',
    {
      schema: {
        tags,
        summary: 'Bản nháp kế hoạch điền sẵn theo kế hoạch mẫu (Số 03-KH/ĐUK)',
        querystring: planTemplateQuery,
        response: { 200: planTemplate },
      },
    },
    async (request) =>
      getPlanTemplate(
        app.db,
        requireActor(request.actor),
        request.query.organizationId,
        request.query.year,
        vietnamToday(app.clock()),
      ),
  );

  app.get(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: 'Toàn văn kế hoạch, kế hoạch cấp trên, kế hoạch cụ thể hóa và lịch sử đổi thời hạn',
        params: idParams,
        response: { 200: planDetail },
      },
    },
    async (request) => detail(requireActor(request.actor), request.params.id),
  );

  app.post(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Lập kế hoạch (bản nháp)',
        body: createPlanBody,
        response: { 201: planDetail },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const created = await createPlan(app.db, actor, request.body);
      return reply.status(201).send(await detail(actor, created.id));
    },
  );

  app.patch(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: 'Sửa bản nháp kế hoạch',
        params: idParams,
        body: updatePlanBody,
        response: { 200: planDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      await updatePlan(app.db, actor, request.params.id, request.body);
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/plans/:id/publish',
    {
      schema: {
        tags,
        summary: 'Ban hành kế hoạch và xác định cơ quan, đơn vị phải tổ chức tự phê bình',
        params: idParams,
        body: publishPlanBody,
        response: { 200: planDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      await publishPlan(app.db, actor, request.params.id, request.body, vietnamToday(app.clock()));
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/plans/:id/derive',
    {
      schema: {
        tags,
        summary: 'Cụ thể hóa kế hoạch cấp trên cho tổ chức cơ sở (bản nháp)',
        params: idParams,
        body: derivePlanBody,
        response: { 201: planDetail },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const created = await derivePlan(app.db, actor, request.params.id, request.body);
      return reply.status(201).send(await detail(actor, created.id));
    },
  );

  app.post(
    '/plans/:id/deadline-changes',
    {
      schema: {
        tags,
        summary: 'Đổi thời hạn của kế hoạch đã ban hành, kèm lý do',
        params: idParams,
        body: deadlineChangeBody,
        response: { 201: planDetail },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      await changeDeadline(app.db, actor, request.params.id, request.body);
      return reply.status(201).send(await detail(actor, request.params.id));
    },
  );

  app.get(
    '/plans/:id/workplaces',
    {
      schema: {
        tags,
        summary: 'Cơ quan, đơn vị phải hoặc không phải tổ chức theo kế hoạch, với số quần chúng lúc ban hành',
        params: idParams,
        querystring: listPlanWorkplacesQuery,
        response: { 200: planWorkplacePage },
      },
    },
    async (request) => {
      const { required, ...filter } = request.query;
      return listDeterminations(app.db, requireActor(request.actor), request.params.id, {
        ...filter,
        required: required === undefined ? undefined : required === 'true',
      });
    },
  );

  app.post(
    '/plans/:id/workplaces/:workplaceId/correction',
    {
      schema: {
        tags,
        summary: 'Điều chỉnh việc phải tổ chức của một cơ quan, đơn vị, kèm lý do',
        params: planWorkplaceParams,
        body: correctionBody,
        response: { 200: planWorkplace },
      },
    },
    async (request) =>
      correctDetermination(
        app.db,
        requireActor(request.actor),
        request.params.id,
        request.params.workplaceId,
        request.body,
      ),
  );

  app.get(
    '/plans/:id/workplaces/:workplaceId/masses',
    {
      schema: {
        tags,
        summary: 'Danh sách quần chúng đã được tính khi xác định (tại ngày ban hành kế hoạch)',
        params: planWorkplaceParams,
        response: { 200: determinationMassesView },
      },
    },
    async (request) =>
      determinationMasses(app.db, requireActor(request.actor), request.params.id, request.params.workplaceId),
  );
}
