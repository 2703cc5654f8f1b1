import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations, plans } from '../../db/schema/index.js';
import type { RemediationDocumentInput } from '../../documents/remediation-document.js';
import { REMEDIATION_STATUS_LABELS } from '../../domain/remediation.js';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound } from '../errors.js';
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
  const [cell] = await db
    .select({
      name: organizations.name,
      headerSuperior: organizations.headerSuperior,
      headerIssuer: organizations.headerIssuer,
      place: plans.place,
    })
    .from(organizations)
    .innerJoin(plans, eq(plans.id, found.meeting.planId))
    .where(eq(organizations.id, found.meeting.organizationId));
  if (!cell) throw notFound('tổ chức đảng');
  return {
    superiorName: cell.headerSuperior,
    issuerName: cell.headerIssuer || cell.name,
    place: cell.place,
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
