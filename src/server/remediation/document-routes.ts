import { idParams } from '../../contract/common.js';
import { attachmentDisposition } from '../../documents/filename.js';
import { DOCUMENT_FORMATS } from '../../documents/formats.js';
import { buildRemediationDocument } from '../../documents/remediation-document.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { remediationDocumentInput } from './documents.js';

export async function remediationDocumentRoutes(app: App): Promise<void> {
  for (const format of ['docx', 'pdf'] as const) {
    const { type, render } = DOCUMENT_FORMATS[format];
    app.get(
      `/meetings/:id/remediation.${format}`,
      {
        config: { personalRead: { of: 'meeting-opinions', action: 'remediation.document.read' } },
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
