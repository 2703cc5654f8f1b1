import { idParams } from '../../contract/common.js';
import { meetingDetail, meetingPlanWorkplaceParams, scheduleMeetingBody } from '../../contract/meetings.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { meetingInReach } from './access.js';
import { presentMeeting } from './presenter.js';
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
}
