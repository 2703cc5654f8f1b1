import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../errors.js';

/**
 * The meetings deadline that binds a workplace: the earliest `meetings_due_on` among the published
 * plans of the root plan's chain whose issuer is the workplace's organization or above it (a
 * derived plan's deadlines lie inside its parent's, so this is the nearest plan's).
 */
export async function meetingDeadline(db: DbOrTx, rootPlanId: string, workplaceId: string): Promise<string> {
  const result = (await db.execute(sql`
    with recursive chain as (
      select id, organization_id, meetings_due_on, status from plans where id = ${rootPlanId}
      union all
      select p.id, p.organization_id, p.meetings_due_on, p.status from plans p join chain c on p.parent_plan_id = c.id
    )
    select min(chain.meetings_due_on)::text as deadline
    from chain
    join organizations issuer on issuer.id = chain.organization_id
    join workplaces w on w.id = ${workplaceId}
    join organizations home on home.id = w.organization_id
    where chain.status = 'published' and home.path like issuer.path || '%'`)) as unknown as {
    rows: { deadline: string | null }[];
  };
  const deadline = result.rows[0]?.deadline;
  if (!deadline) throw notFound('kế hoạch áp dụng cho cơ quan này');
  return deadline;
}
