import { idParams } from '../../contract/common.js';
import { renderDocx } from '../../documents/docx.js';
import { attachmentDisposition } from '../../documents/filename.js';
import { renderPdf } from '../../documents/pdf.js';
import { buildRemediationDocument } from '../../documents/remediation-document.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { remediationDocumentInput } from './documents.js';

const FORMATS = {
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: renderDocx,
  },
  pdf: { type: 'application/pdf', render: renderPdf },
} as const;

export async function remediationDocumentRoutes(app: App): Promise<void> {
  for (const format of ['docx', 'pdf'] as const) {
    const { type, render } = FORMATS[format];
    app.get(
      `/meetings/:id/remediation.${format}`,
      {
        schema: {
          tags: ['Kế hoạch khắc phục'],
          summary: `Tải kế hoạch khắc phục hạn chế, khuyết điểm (.${format})`,
          params: idParams,
        },
      },
      async (request, reply) => {
        const input = await remediationDocumentInput(app.db, requireActor(request.actor), request.params.id);
        const content = await render(buildRemediationDocument(input));
        return reply
          .type(type)
          .header(
            'content-disposition',
            attachmentDisposition(
              `Kế hoạch khắc phục - ${input.workplaceName}.${format}`,
              'ke-hoach-khac-phuc',
            ),
          )
          .send(content);
      },
    );
  }
}
