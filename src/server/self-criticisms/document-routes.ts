import { z } from 'zod';
import { idParams, idSchema } from '../../contract/common.js';
import { planWorkplaceParams } from '../../contract/plans.js';
import { attachmentDisposition } from '../../documents/filename.js';
import { DOCUMENT_FORMATS } from '../../documents/formats.js';
import { buildSelfCriticismDocument } from '../../documents/self-criticism-document.js';
import { buildSummaryListDocument } from '../../documents/summary-list-document.js';
import { SELF_CRITICISM_TEMPLATES } from '../../domain/self-criticism.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import {
  blankReportInput,
  reportDocumentInput,
  reportInput,
  summaryListInput,
  type WorkplaceReports,
  workplaceReports,
} from './documents.js';

const tags = ['Bản tự phê bình'];

const TEMPLATE_NAMES = {
  with_office: 'có chức vụ',
  without_office: 'không có chức vụ',
} as const;

const blankQuery = z.object({ planId: idSchema.optional() });

/** A name safe as a file name in a zip and on any disk: no path separators or reserved characters. */
const fileSafe = (name: string) => name.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'Không tên';

const reportFileStem = (fullName: string) => `Bản tự phê bình - ${fileSafe(fullName)}`;
const summaryFileStem = (workplaceName: string) => `Danh sách tóm tắt - ${fileSafe(workplaceName)}`;

/** Two members of one name get `Tên (2)`: a zip keeps one entry per name. */
function uniqueNames(stems: string[]): string[] {
  const seen = new Map<string, number>();
  return stems.map((stem) => {
    const count = (seen.get(stem.toLocaleLowerCase('vi')) ?? 0) + 1;
    seen.set(stem.toLocaleLowerCase('vi'), count);
    return count === 1 ? stem : `${stem} (${count})`;
  });
}

async function workplaceZip(workplace: WorkplaceReports): Promise<Buffer> {
  const [{ default: JSZip }, { renderDocx }] = await Promise.all([
    import('jszip'),
    import('../../documents/docx.js'),
  ]);
  const zip = new JSZip();
  const names = uniqueNames(workplace.reports.map(({ report }) => reportFileStem(report.fullName)));
  for (const [index, { report }] of workplace.reports.entries()) {
    const document = buildSelfCriticismDocument(
      reportInput(report, workplace.plan, workplace.organizationLines),
    );
    zip.file(`${names[index]}.docx`, await renderDocx(document));
  }
  const summary = await renderDocx(buildSummaryListDocument(summaryListInput(workplace)));
  zip.file(`${summaryFileStem(workplace.workplaceName)}.docx`, summary);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function selfCriticismDocumentRoutes(app: App): Promise<void> {
  for (const format of ['docx', 'pdf'] as const) {
    const { type, render } = DOCUMENT_FORMATS[format];

    app.get(
      `/self-criticisms/:id/document.${format}`,
      {
        config: { personalRead: { of: 'self-criticism', action: 'self-criticism.document.read' } },
        schema: {
          tags,
          summary: `Tải bản tự phê bình đã viết theo mẫu (.${format})`,
          params: idParams,
        },
      },
      async (request, reply) => {
        const { input, fullName } = await reportDocumentInput(
          app.db,
          requireActor(request.actor),
          request.params.id,
        );
        const file = await render(buildSelfCriticismDocument(input));
        return reply
          .type(type)
          .header(
            'content-disposition',
            attachmentDisposition(`${reportFileStem(fullName)}.${format}`, 'ban-tu-phe-binh'),
          )
          .send(file);
      },
    );

    // One path per template rather than a `:template` parameter: each is a document of its own.
    for (const template of SELF_CRITICISM_TEMPLATES) {
      app.get(
        `/self-criticism-templates/${template}/document.${format}`,
        {
          schema: {
            tags,
            summary: `Tải mẫu bản tự phê bình để trống (đảng viên ${TEMPLATE_NAMES[template]}, .${format})`,
            querystring: blankQuery,
          },
        },
        async (request, reply) => {
          const input = await blankReportInput(
            app.db,
            requireActor(request.actor),
            template,
            request.query.planId,
          );
          const file = await render(buildSelfCriticismDocument(input));
          return reply
            .type(type)
            .header(
              'content-disposition',
              attachmentDisposition(
                `Mẫu bản tự phê bình (${TEMPLATE_NAMES[template]}).${format}`,
                'mau-ban-tu-phe-binh',
              ),
            )
            .send(file);
        },
      );
    }

    app.get(
      `/plans/:id/workplaces/:workplaceId/summary-list.${format}`,
      {
        config: {
          personalRead: { of: 'workplace-self-criticisms', action: 'self-criticisms.summary-list.read' },
        },
        schema: {
          tags,
          summary: `Danh sách tóm tắt nhiệm vụ, ưu điểm, khuyết điểm chính của đảng viên một cơ quan, đơn vị (.${format})`,
          params: planWorkplaceParams,
        },
      },
      async (request, reply) => {
        const workplace = await workplaceReports(
          app.db,
          requireActor(request.actor),
          request.params.id,
          request.params.workplaceId,
        );
        const file = await render(buildSummaryListDocument(summaryListInput(workplace)));
        return reply
          .type(type)
          .header(
            'content-disposition',
            attachmentDisposition(
              `${summaryFileStem(workplace.workplaceName)}.${format}`,
              'danh-sach-tom-tat',
            ),
          )
          .send(file);
      },
    );
  }

  app.get(
    '/plans/:id/workplaces/:workplaceId/self-criticisms.zip',
    {
      config: { personalRead: { of: 'workplace-self-criticisms', action: 'self-criticisms.zip.read' } },
      schema: {
        tags,
        summary:
          'Tải tất cả bản tự phê bình của một cơ quan, đơn vị (mỗi đảng viên một tệp DOCX) và danh sách tóm tắt',
        params: planWorkplaceParams,
      },
    },
    async (request, reply) => {
      const workplace = await workplaceReports(
        app.db,
        requireActor(request.actor),
        request.params.id,
        request.params.workplaceId,
      );
      return reply
        .type('application/zip')
        .header(
          'content-disposition',
          attachmentDisposition(`${reportFileStem(workplace.workplaceName)}.zip`, 'ban-tu-phe-binh'),
        )
        .send(await workplaceZip(workplace));
    },
  );
}
