import { and, eq } from 'drizzle-orm';
import type { CreatePlanBody, UpdatePlanBody } from '../../contract/plans.js';
import type { Db } from '../../db/client.js';
import { plans } from '../../db/schema/index.js';
import { PLAN_ISSUERS, planSymbol } from '../../domain/plans.js';
import { changedFields, createdFields, recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, staleVersion } from '../errors.js';
import { organizationInScope } from '../organizations/access.js';
import { type PlanRow, planForIssuer } from './access.js';
import {
  assertDeadlines,
  assertNumberFree,
  deadlinesOf,
  manifestationsFrom,
  parentDeadlines,
} from './content.js';

export const PUBLISHED_IS_FROZEN = 'Kế hoạch đã ban hành: chỉ được đổi thời hạn, kèm lý do.';

export async function createPlan(db: Db, actor: Actor, body: CreatePlanBody): Promise<PlanRow> {
  return db.transaction(async (tx) => {
    const organization = await organizationInScope(tx, actor, body.organizationId, PLAN_ISSUERS);
    if (organization.closedAt) throw new AppError('conflict', 'Không thể lập kế hoạch cho tổ chức đã đóng.');
    const { manifestationsText: _pasted, ...fields } = body;
    const values = {
      ...fields,
      manifestations: manifestationsFrom(body) ?? [],
      symbol: planSymbol(organization.shortName),
    };
    assertDeadlines(deadlinesOf(values));
    await assertNumberFree(tx, values);
    const [created] = await tx.insert(plans).values(values).returning();
    await recordAudit(tx, actor, {
      action: 'plan.created',
      targetType: 'plan',
      targetId: created!.id,
      organizationPath: organization.path,
      changes: createdFields(values),
    });
    return created!;
  });
}

export async function updatePlan(db: Db, actor: Actor, id: string, body: UpdatePlanBody): Promise<PlanRow> {
  return db.transaction(async (tx) => {
    const { plan: before, organizationPath } = await planForIssuer(tx, actor, id);
    if (before.status !== 'draft') throw new AppError('conflict', PUBLISHED_IS_FROZEN);
    const { version, manifestationsText: _pasted, ...fields } = body;
    const changes = { ...fields, manifestations: manifestationsFrom(body) };
    const after = {
      ...before,
      ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    };
    assertDeadlines(deadlinesOf(after), await parentDeadlines(tx, before));
    if (after.number !== before.number || after.year !== before.year) await assertNumberFree(tx, after, id);
    const [updated] = await tx
      .update(plans)
      .set({ ...changes, version: version + 1, updatedAt: new Date() })
      .where(and(eq(plans.id, id), eq(plans.version, version)))
      .returning();
    if (!updated) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'plan.updated',
      targetType: 'plan',
      targetId: id,
      organizationPath,
      changes: changedFields(before, changes),
    });
    return updated;
  });
}
