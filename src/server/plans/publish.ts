import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { plans } from '../../db/schema/index.js';
import { vietnamToday } from '../../domain/dates.js';
import type { EligibilitySettings } from '../../domain/eligibility.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, staleVersion } from '../errors.js';
import { employedOnSql } from '../people/employment.js';
import { createReportsForPlan } from '../self-criticisms/create.js';
import { readEligibilitySettings } from '../settings/eligibility-settings.js';
import { type PlanRow, planForIssuer } from './access.js';
import { assertDeadlines, deadlinesOf, parentDeadlines } from './content.js';
import { rebuildPlanProgress } from './progress-rollup.js';

/**
 * DESIGN step 2, set-based so a bloc of thousands of workplaces is one statement: every open
 * workplace of the issuer's subtree gets its counted masses among the people employed there on the
 * plan's reference date (its issue date), required at the threshold (Seed II.1, as
 * isMeetingRequired), else exempt. The masses it looked at are kept (plan_workplace_masses), so later
 * roster changes rewrite neither the figure nor who made it.
 */
export async function determineWorkplaces(
  tx: DbOrTx,
  planId: string,
  issuerPath: string,
  referenceDate: string,
  rules: EligibilitySettings,
): Promise<number> {
  const counted = sql.join(
    rules.countedEmploymentTypes.map((type) => sql`${type}`),
    sql`, `,
  );
  const result = (await tx.execute(sql`
    insert into plan_workplaces
      (plan_id, workplace_id, organization_id, organization_path,
       counted_masses, all_masses, threshold, required, status)
    select ${planId}, w.id, o.id, o.path, masses.counted, masses.all_masses, ${rules.threshold}::int,
           masses.counted >= ${rules.threshold}::int,
           case when masses.counted >= ${rules.threshold}::int then 'pending' else 'exempt' end
    from workplaces w
    join organizations o on o.id = w.organization_id
    cross join lateral (
      select (count(*) filter (where p.employment_type in (${counted})))::int as counted,
             count(*)::int as all_masses
      from people p where p.workplace_id = w.id and not p.is_party_member
        and ${employedOnSql(sql`p.id`, referenceDate)}) masses
    where w.closed_at is null and o.closed_at is null and o.path like ${`${issuerPath}%`}
    returning workplace_id`)) as unknown as { rows?: unknown[]; rowCount?: number | null };
  await tx.execute(sql`
    insert into plan_workplace_masses (plan_id, workplace_id, person_id, code, full_name, employment_type, counted)
    select pw.plan_id, pw.workplace_id, p.id, p.code, p.full_name, p.employment_type,
           p.employment_type in (${counted})
    from plan_workplaces pw
    join people p on p.workplace_id = pw.workplace_id and not p.is_party_member
    where pw.plan_id = ${planId} and ${employedOnSql(sql`p.id`, referenceDate)}`);
  return result.rows?.length ?? result.rowCount ?? 0;
}

export async function publishPlan(db: Db, actor: Actor, id: string, version: number): Promise<PlanRow> {
  return db.transaction(async (tx) => {
    await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, id)).for('update');
    const { plan, organizationPath } = await planForIssuer(tx, actor, id);
    if (plan.status === 'published') throw new AppError('conflict', 'Kế hoạch đã được ban hành.');
    if (plan.version !== version) throw staleVersion();
    if (!plan.number)
      throw new AppError('bad_request', 'Cần ghi số kế hoạch trước khi ban hành.', [
        { path: 'body.number', message: 'Số kế hoạch không được để trống.' },
      ]);
    const parent = await parentDeadlines(tx, plan);
    assertDeadlines(deadlinesOf(plan), parent);
    const issuedOn = plan.issuedOn ?? vietnamToday();
    const [published] = await tx
      .update(plans)
      .set({
        status: 'published',
        publishedAt: new Date(),
        publishedBy: actor.accountId,
        issuedOn,
        version: version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(plans.id, id), eq(plans.version, version)))
      .returning();
    // A derived plan makes no determinations of its own: its subtree is already determined by the
    // plan it derives from (same workplaces, same moment's roster), and a second set would let the
    // two disagree. Its workplaces and progress are read from the root plan of its chain.
    let workplaces = 0;
    if (!plan.parentPlanId) {
      const rules = await readEligibilitySettings(tx);
      workplaces = await determineWorkplaces(tx, id, organizationPath, issuedOn, rules);
      await createReportsForPlan(tx, id, { employedOn: issuedOn });
      await rebuildPlanProgress(tx, id);
    }
    await recordAudit(tx, actor, {
      action: 'plan.published',
      targetType: 'plan',
      targetId: id,
      organizationPath,
      changes: {
        status: { from: 'draft', to: 'published' },
        ...(plan.parentPlanId ? {} : { determinedWorkplaces: { from: null, to: workplaces } }),
      },
    });
    return published!;
  });
}
