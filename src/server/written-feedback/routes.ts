import { eq } from 'drizzle-orm';
import { idParams } from '../../contract/common.js';
import {
  createdForm,
  feedbackFormsQuery,
  feedbackMeetingList,
  onlineFormBody,
  paperFormBody,
  writtenFormList,
} from '../../contract/written-feedback.js';
import { plans } from '../../db/schema/index.js';
import { buildFeedbackForms } from '../../documents/feedback-form-document.js';
import { attachmentDisposition } from '../../documents/filename.js';
import { DOCUMENT_FORMATS } from '../../documents/formats.js';
import { requireActor } from '../auth/actor.js';
import { notFound } from '../errors.js';
import type { App } from '../http/types.js';
import { meetingForRecorder } from '../meetings/access.js';
import { meetingMembers } from './members.js';
import { feedbackMeetingsOfMe, listWrittenForms, recordPaperForm, submitOnlineForm } from './service.js';

const tags = ['Phiếu góp ý'];

export async function writtenFeedbackRoutes(app: App): Promise<void> {
  for (const format of ['docx', 'pdf'] as const) {
    const { type, render } = DOCUMENT_FORMATS[format];
    app.get(
      `/meetings/:id/feedback-forms.${format}`,
      {
        schema: {
          tags,
          summary: `Phiếu ghi ý kiến đóng góp để in: một phiếu trống, hoặc mỗi đảng viên một phiếu có sẵn họ tên (.${format})`,
          params: idParams,
          querystring: feedbackFormsQuery,
        },
      },
      async (request, reply) => {
        const { meeting } = await meetingForRecorder(app.db, requireActor(request.actor), request.params.id);
        const [plan] = await app.db
          .select({ place: plans.place, year: plans.year })
          .from(plans)
          .where(eq(plans.id, meeting.planId));
        if (!plan) throw notFound('kế hoạch');
        const prefilled = request.query.prefilled === 'true';
        const names = prefilled
          ? (await meetingMembers(app.db, meeting)).map((member) => member.fullName)
          : [];
        const file = await render(buildFeedbackForms(plan.place, plan.year, names));
        const name = prefilled ? 'Phiếu góp ý theo từng đảng viên' : 'Phiếu ghi ý kiến đóng góp';
        return reply
          .type(type)
          .header('content-disposition', attachmentDisposition(`${name}.${format}`, 'phieu-gop-y'))
          .send(file);
      },
    );
  }

  app.post(
    '/meetings/:id/paper-forms',
    {
      schema: {
        tags,
        summary: 'Thư ký nhập một phiếu góp ý trên giấy đã thu lại',
        params: idParams,
        body: paperFormBody,
        response: { 201: createdForm },
      },
    },
    async (request, reply) => {
      const created = await recordPaperForm(
        app.db,
        requireActor(request.actor),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/meetings/:id/written-forms',
    {
      config: { personalRead: { of: 'meeting-opinions', action: 'opinions.written-forms.read' } },
      schema: {
        tags,
        summary: 'Các phiếu góp ý trên giấy và trên hệ thống (ghi tên) của buổi họp',
        params: idParams,
        response: { 200: writtenFormList },
      },
    },
    async (request) => ({
      items: await listWrittenForms(app.db, requireActor(request.actor), request.params.id),
    }),
  );

  app.get(
    '/me/feedback-meetings',
    {
      schema: {
        tags,
        summary: 'Buổi họp ở cơ quan, đơn vị của tôi đang nhận phiếu góp ý ghi tên (dành cho quần chúng)',
        response: { 200: feedbackMeetingList },
      },
    },
    async (request) => feedbackMeetingsOfMe(app.db, requireActor(request.actor)),
  );

  app.post(
    '/meetings/:id/online-forms',
    {
      schema: {
        tags,
        summary: 'Quần chúng gửi phiếu góp ý ghi tên trên hệ thống',
        params: idParams,
        body: onlineFormBody,
        response: { 201: createdForm },
      },
    },
    async (request, reply) => {
      const created = await submitOnlineForm(
        app.db,
        requireActor(request.actor),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(created);
    },
  );
}
