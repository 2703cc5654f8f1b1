import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { plans } from '../../db/schema/index.js';
import type { RemediationDocumentInput } from '../../documents/remediation-document.js';
import { REMEDIATION_STATUS_LABELS } from '../../domain/remediation.js';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound } from '../errors.js';
import { documentNames } from '../organizations/document-names.js';
import { planInReach } from './access.js';
import { loadPlan, vietnamToday } from './read.js';

/** The plan as its document, for those who run or record the meeting; dated today. */
export async function remediationDocumentInput(
  db: DbOrTx,
  actor: Actor,
  meetingId: string,
): Promise<RemediationDocumentInput> {
  const found = await planInReach(db, actor, meetingId);
  if (found.capacity === 'masses') throw forbidden();
  const plan = await loadPlan(db, found.meeting, { canManage: false, canComment: false });
  const [issued] = await db
    .select({ place: plans.place })
    .from(plans)
    .where(eq(plans.id, found.meeting.planId));
  if (!issued) throw notFound('kế hoạch');
  const names = await documentNames(db, found.meeting.organizationId);
  return {
    superiorName: names.header.superior,
    issuerName: names.header.issuer,
    shortName: names.shortName,
    recipients: names.recipients,
    place: issued.place,
    date: vietnamToday(),
    year: plan.year,
    workplaceName: plan.workplaceName,
    items: plan.items.map((item) => ({
      action: item.action,
      responsibleName: item.responsibleName,
      deadline: item.deadline,
      statusLabel: REMEDIATION_STATUS_LABELS[item.status],
    })),
  };
}
