import { idParams } from '../../contract/common.js';
import type { DbOrTx } from '../../db/client.js';
import { attachmentDisposition } from '../../documents/filename.js';
import { DOCUMENT_FORMATS } from '../../documents/formats.js';
import { buildPlanDocument, type PlanDocumentInput } from '../../documents/plan-document.js';
import { planFullNumber } from '../../domain/plans.js';
import type { Actor } from '../auth/actor.js';
import { requireActor } from '../auth/actor.js';
import type { App } from '../http/types.js';
import { documentNames } from '../organizations/document-names.js';
import { planInScope } from './access.js';

const tags = ['Kế hoạch'];

/** The plan as its document: the header lines come from the tree, a draft is marked DỰ THẢO. */
async function planDocumentInput(db: DbOrTx, actor: Actor, id: string) {
  const { plan } = await planInScope(db, actor, id);
  const { header } = await documentNames(db, plan.organizationId);
  // The document's fields are the plan's columns, one for one, plus the two header lines.
  const input: PlanDocumentInput = {
    ...plan,
    superiorName: header.superior,
    issuerName: header.issuer,
    draft: plan.status === 'draft',
  };
  const name = plan.number ? `Kế hoạch ${planFullNumber(plan.number, plan.symbol)}` : `Kế hoạch ${plan.year}`;
  return { input, fileStem: name.replaceAll('/', '-') };
}

export async function planDocumentRoutes(app: App): Promise<void> {
  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/plans/:id/document.${format}`,
      {
        schema: {
          tags,
          summary: `Tải kế hoạch theo thể thức văn bản của Đảng (.${format})`,
          params: idParams,
        },
      },
      async (request, reply) => {
        const { input, fileStem } = await planDocumentInput(
          app.db,
          requireActor(request.actor),
          request.params.id,
        );
        const { type, render } = DOCUMENT_FORMATS[format];
        const file = await render(buildPlanDocument(input));
        return reply
          .type(type)
          .header('content-disposition', attachmentDisposition(`${fileStem}.${format}`, 'ke-hoach'))
          .send(file);
      },
    );
  }
}
