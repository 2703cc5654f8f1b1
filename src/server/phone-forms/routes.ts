import { idParams } from '../../contract/common.js';
import { meetingDetail } from '../../contract/meetings.js';
import {
  issueCodesBody,
  issuedCodesView,
  openFormWindowBody,
  phoneFormOpenBody,
  phoneFormOpened,
  phoneFormSent,
  phoneFormSubmitBody,
  releasedPhoneForms,
} from '../../contract/phone-forms.js';
import { attachmentDisposition } from '../../documents/filename.js';
import { DOCUMENT_FORMATS } from '../../documents/formats.js';
import type { QrSheetInput } from '../../documents/qr-sheet-document.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { presentMeeting } from '../meetings/presenter.js';
import { ANONYMOUS_ROUTE } from './anonymous-routes.js';
import { loadCodeKey } from './codes.js';
import {
  closeFormWindow,
  issueCodes,
  issuedCount,
  meetingHeading,
  openFormWindow,
  openPhoneForm,
  releasedForms,
  submitPhoneForm,
} from './service.js';
import { CodeThrottle } from './throttle.js';

const tags = ['Phiếu góp ý ẩn danh'];

export async function phoneFormRoutes(app: App): Promise<void> {
  const key = await loadCodeKey(app.config);
  const throttle = new CodeThrottle(app.db, key, 'phone');

  // The sheet is how codes are issued: they exist only in the file (PDF, or DOCX to print from Word).
  const sheetFormats = {
    pdf: {
      type: 'application/pdf',
      render: async (input: QrSheetInput) =>
        (await import('../../documents/qr-sheet-document.js')).renderQrSheet(input),
    },
    docx: {
      type: DOCUMENT_FORMATS.docx.type,
      render: async (input: QrSheetInput) =>
        (await import('../../documents/qr-sheet-document.js')).renderQrSheetDocx(input),
    },
  } as const;
  for (const format of ['pdf', 'docx'] as const) {
    app.post(
      `/meetings/:id/phone-codes/sheet.${format}`,
      {
        schema: {
          tags,
          summary: `Cấp ủy cấp mã góp ý ẩn danh và tải ngay tờ mã QR để cắt phát (.${format}) — mã chỉ có trong tệp này`,
          params: idParams,
          body: issueCodesBody,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request.actor);
        const { found, codes } = await issueCodes(app.db, actor, key, request.params.id, request.body.count);
        const origin = (app.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
        const heading = await meetingHeading(app.db, found.meeting);
        const { type, render } = sheetFormats[format];
        const file = await render({ ...heading, origin, codes });
        return reply
          .type(type)
          .header('cache-control', 'no-store')
          .header(
            'content-disposition',
            attachmentDisposition(`Mã góp ý ẩn danh - ${heading.workplaceName}.${format}`, 'ma-gop-y'),
          )
          .send(file);
      },
    );
  }

  app.get(
    '/meetings/:id/phone-codes',
    {
      schema: {
        tags,
        summary: 'Số mã góp ý ẩn danh đã cấp cho buổi họp',
        params: idParams,
        response: { 200: issuedCodesView },
      },
    },
    async (request) => ({
      issued: await issuedCount(app.db, requireActor(request.actor), request.params.id),
    }),
  );

  app.post(
    '/meetings/:id/form-window/open',
    {
      schema: {
        tags,
        summary: 'Cấp ủy mở (hoặc đổi giờ đóng) cửa sổ nhận phiếu góp ý qua điện thoại',
        params: idParams,
        body: openFormWindowBody,
        response: { 200: meetingDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const endsAt = new Date(request.body.endsAt);
      return presentMeeting(app.db, await openFormWindow(app.db, actor, request.params.id, endsAt));
    },
  );

  app.post(
    '/meetings/:id/form-window/close',
    {
      schema: {
        tags,
        summary: 'Cấp ủy đóng hẳn cửa sổ nhận phiếu; phiếu ẩn danh được công bố cho cấp ủy',
        params: idParams,
        response: { 200: meetingDetail },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      return presentMeeting(app.db, await closeFormWindow(app.db, actor, request.params.id));
    },
  );

  app.get(
    '/meetings/:id/phone-forms',
    {
      config: { personalRead: { of: 'meeting-opinions', action: 'opinions.phone-forms.read' } },
      schema: {
        tags,
        summary:
          'Ý kiến ẩn danh bằng văn bản về từng đảng viên (phiếu điện thoại, phiếu giấy không ghi tên), chỉ sau khi đóng cửa sổ nhận phiếu; nhóm nhỏ được gộp',
        params: idParams,
        response: { 200: releasedPhoneForms },
      },
    },
    async (request) => releasedForms(app.db, requireActor(request.actor), request.params.id),
  );

  app.post(
    '/phone-form/open',
    {
      ...ANONYMOUS_ROUTE,
      schema: {
        tags,
        summary: 'Điện thoại mở phiếu bằng mã: cơ quan, ngày họp, các đảng viên và bản tóm tắt',
        body: phoneFormOpenBody,
        response: { 200: phoneFormOpened },
      },
    },
    async (request) => throttle.run(request.ip, () => openPhoneForm(app.db, key, request.body.code)),
  );

  app.post(
    '/phone-form/submit',
    {
      ...ANONYMOUS_ROUTE,
      schema: {
        tags,
        summary: 'Điện thoại gửi một phiếu góp ý ẩn danh cho một đảng viên',
        body: phoneFormSubmitBody,
        response: { 200: phoneFormSent },
      },
    },
    async (request) => {
      const sent = await submitPhoneForm(app.db, key, throttle, request.ip, request.body);
      return { ok: true as const, fullName: sent.fullName };
    },
  );
}
