import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { plans } from '../../db/schema/index.js';
import type { PlanRow } from './access.js';

/**
 * The plan whose plan_workplaces rows (and progress rollup) hold a plan's determinations: a derived
 * plan makes none of its own (see publishPlan), so it reads its chain's root plan, restricted to the
 * derived plan's own subtree.
 */
export async function determiningPlanId(db: DbOrTx, plan: PlanRow): Promise<string> {
  let current = plan;
  while (current.parentPlanId) {
    const [parent] = await db.select().from(plans).where(eq(plans.id, current.parentPlanId));
    if (!parent) break;
    current = parent;
  }
  return current.id;
}
