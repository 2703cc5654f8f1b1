import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { plans } from '../../db/schema/index.js';
import { vietnamToday } from '../../domain/dates.js';
import { PLAN_DEADLINES, type PlanDeadlines } from '../../domain/plans.js';

/** Whether any of these deadlines is already past in Vietnam: such a plan cannot be published now. */
export function hasPastDeadline(fields: Partial<PlanDeadlines>): boolean {
  const today = vietnamToday();
  return PLAN_DEADLINES.some((field) => {
    const value = fields[field];
    return typeof value === 'string' && value < today;
  });
}

/**
 * For tests only — time passing: a plan published (issue 11) with deadlines still ahead is given
 * the past deadlines a test needs, as if it had been published back when they were ahead, its issue
 * date moved to 1 October of its year (before any of them).
 */
export async function backdatePlan(
  db: DbOrTx,
  planId: string,
  fields: Partial<PlanDeadlines>,
): Promise<void> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw new Error(`no plan ${planId}`);
  const deadlines = {
    meetingsDueOn: fields.meetingsDueOn ?? plan.meetingsDueOn,
    baseReportsDueOn: fields.baseReportsDueOn ?? plan.baseReportsDueOn,
    upwardReportDueOn: fields.upwardReportDueOn ?? plan.upwardReportDueOn,
  };
  const issuedOn = `${deadlines.meetingsDueOn.slice(0, 4)}-10-01`;
  await db
    .update(plans)
    .set({ ...deadlines, issuedOn: issuedOn < deadlines.meetingsDueOn ? issuedOn : deadlines.meetingsDueOn })
    .where(eq(plans.id, planId));
}
