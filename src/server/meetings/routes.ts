import { idParams } from '../../contract/common.js';
import {
  meetingCandidates as meetingCandidatesView,
  meetingDetail,
  meetingList,
  meetingListQuery,
  meetingPlanWorkplaceParams,
  rescheduleMeetingBody,
  scheduleMeetingBody,
} from '../../contract/meetings.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { meetingInReach } from './access.js';
import { attendanceRoutes } from './attendance-routes.js';
import { meetingCandidates } from './candidates.js';
import { listMyMeetings } from './list.js';
import { presentMeeting } from './presenter.js';
import { rescheduleMeeting } from './reschedule.js';
import { meetingOfWorkplace, scheduleMeeting } from './schedule.js';

const tags = ['Buổi họp'];

export async function meetingRoutes(app: App): Promise<void> {
  app.post(
    '/plans/:planId/workplaces/:workplaceId/meeting',
    {
      schema: {
        tags,
        summary:
          'Cấp ủy lập lịch buổi tự phê bình và phê bình trước quần chúng (trong một ngày, trước thời hạn)',
        params: meetingPlanWorkplaceParams,
        body: scheduleMeetingBody,
        response: { 201: meetingDetail },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const { planId, workplaceId } = request.params;
      const scheduled = await scheduleMeeting(app.db, actor, planId, workplaceId, request.body);
      return reply.status(201).send(await presentMeeting(app.db, scheduled));
    },
  );

  app.get(
    '/plans/:planId/workplaces/:workplaceId/meeting',
    {
      schema: {
        tags,
        summary: 'Buổi họp của một cơ quan, đơn vị trong kế hoạch',
        params: meetingPlanWorkplaceParams,
        response: { 200: meetingDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const { planId, workplaceId } = request.params;
      return presentMeeting(app.db, await meetingOfWorkplace(app.db, actor, planId, workplaceId));
    },
  );

  app.get(
    '/meetings/:id',
    { schema: { tags, summary: 'Một buổi họp', params: idParams, response: { 200: meetingDetail } } },
    async (request) =>
      presentMeeting(app.db, await meetingInReach(app.db, requireActor(request.actor), request.params.id)),
  );

  app.put(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Cấp ủy sửa lịch buổi họp chưa diễn ra',
        params: idParams,
        body: rescheduleMeetingBody,
        response: { 200: meetingDetail },
      },
    },
    async (request) =>
      presentMeeting(
        app.db,
        await rescheduleMeeting(app.db, requireActor(request.actor), request.params.id, request.body),
      ),
  );

  app.get(
    '/plans/:planId/workplaces/:workplaceId/meeting-candidates',
    {
      schema: {
        tags,
        summary: 'Tài khoản có thể làm thư ký, chủ trì buổi họp',
        params: meetingPlanWorkplaceParams,
        response: { 200: meetingCandidatesView },
      },
    },
    async (request) =>
      meetingCandidates(
        app.db,
        requireActor(request.actor),
        request.params.planId,
        request.params.workplaceId,
      ),
  );

  app.get(
    '/meetings',
    {
      schema: {
        tags,
        summary: 'Các buổi họp người dùng tham gia: cấp ủy, thư ký, chủ trì',
        querystring: meetingListQuery,
        response: { 200: meetingList },
      },
    },
    async (request) => listMyMeetings(app.db, requireActor(request.actor), request.query),
  );

  await attendanceRoutes(app);
}
