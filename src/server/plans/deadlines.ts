import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { organizations, planDeadlineChanges, plans } from '../../db/schema/index.js';
import { formatVietnameseDate } from '../../domain/dates.js';
import { PLAN_DEADLINE_LABELS, type PlanDeadline, planFullNumber } from '../../domain/plans.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { planForIssuer } from './access.js';
import { assertDeadlines, deadlinesOf, parentDeadlines } from './content.js';

export interface DeadlineChange {
  deadline: PlanDeadline;
  toDate: string;
  reason: string;
}

/** A derived plan's deadline after the parent's new one would break the rule the derived plan was made under. */
async function assertDerivedStillInside(db: DbOrTx, planId: string, change: DeadlineChange) {
  const derived = await db
    .select({ plan: plans, organizationName: organizations.name })
    .from(plans)
    .innerJoin(organizations, eq(organizations.id, plans.organizationId))
    .where(eq(plans.parentPlanId, planId));
  const outside = derived.find(({ plan }) => plan[change.deadline] > change.toDate);
  if (!outside) return;
  const { plan, organizationName } = outside;
  throw new AppError(
    'conflict',
    `Không thể đổi: ${PLAN_DEADLINE_LABELS[change.deadline].toLowerCase()} của kế hoạch cụ thể hóa ${planFullNumber(plan.number, plan.symbol)} (${organizationName}) là ${formatVietnameseDate(plan[change.deadline])}, muộn hơn ngày mới ${formatVietnameseDate(change.toDate)}. Cần đổi hạn của kế hoạch đó trước.`,
  );
}

/** A published plan's deadline moves only with a reason, kept in its history (issue 3). */
export async function changeDeadline(
  db: Db,
  actor: Actor,
  id: string,
  change: DeadlineChange,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, id)).for('update');
    const { plan, organizationPath } = await planForIssuer(tx, actor, id);
    if (plan.status !== 'published')
      throw new AppError('conflict', 'Kế hoạch chưa ban hành: sửa thời hạn ngay trong bản nháp.');
    const fromDate = plan[change.deadline];
    if (fromDate === change.toDate)
      throw new AppError(
        'conflict',
        `Thời hạn mới trùng thời hạn hiện tại (${formatVietnameseDate(fromDate)}).`,
      );
    assertDeadlines(
      { ...deadlinesOf(plan), [change.deadline]: change.toDate },
      await parentDeadlines(tx, plan),
    );
    await assertDerivedStillInside(tx, id, change);
    await tx.insert(planDeadlineChanges).values({
      planId: id,
      deadline: change.deadline,
      fromDate,
      toDate: change.toDate,
      reason: change.reason,
      accountId: actor.accountId,
    });
    await tx
      .update(plans)
      .set({ [change.deadline]: change.toDate, version: plan.version + 1, updatedAt: new Date() })
      .where(eq(plans.id, id));
    await recordAudit(tx, actor, {
      action: 'plan.deadline_changed',
      targetType: 'plan',
      targetId: id,
      organizationPath,
      changes: {
        [change.deadline]: { from: fromDate, to: change.toDate },
        reason: { from: null, to: change.reason },
      },
    });
  });
}
