import { and, eq, sql } from 'drizzle-orm';
import type { PublishPlanBody } from '../../contract/plans.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { plans } from '../../db/schema/index.js';
import type { EligibilitySettings } from '../../domain/eligibility.js';
import { deadlineIssues, planFullNumber, publicationIssues, replacementIssue } from '../../domain/plans.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, staleVersion } from '../errors.js';
import { employedOnSql } from '../people/employment.js';
import { createReportsForPlan } from '../self-criticisms/create.js';
import { readEligibilitySettings } from '../settings/eligibility-settings.js';
import { type PlanRow, planForIssuer } from './access.js';
import { deadlinesOf } from './content.js';
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

/** The published plan of an issuer and year, locked: publishing another must replace it. */
async function standingPlan(tx: DbOrTx, organizationId: string, year: number) {
  const [standing] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.organizationId, organizationId), eq(plans.year, year), eq(plans.status, 'published')))
    .for('update');
  return standing ?? null;
}

/**
 * The replaced plan and every published plan derived from it down the chain stop applying: their
 * work stays recorded under them (history), the replacing plan determines its workplaces afresh and
 * base committees derive it again.
 */
async function markReplaced(tx: DbOrTx, planId: string): Promise<string[]> {
  const result = (await tx.execute(sql`
    with recursive chain as (
      select id from plans where id = ${planId}
      union all
      select child.id from plans child join chain on child.parent_plan_id = chain.id
    )
    update plans set status = 'replaced', replaced_at = now(), version = version + 1, updated_at = now()
    where id in (select id from chain) and status = 'published'
    returning id`)) as unknown as { rows: { id: string }[] };
  return result.rows.map((row) => row.id);
}

export async function publishPlan(
  db: Db,
  actor: Actor,
  id: string,
  body: PublishPlanBody,
  today: string,
): Promise<PlanRow> {
  const { version, replacement } = body;
  return db.transaction(async (tx) => {
    await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, id)).for('update');
    const { plan, organizationPath } = await planForIssuer(tx, actor, id);
    if (plan.status === 'published') throw new AppError('conflict', 'Kế hoạch đã được ban hành.');
    if (plan.status === 'replaced')
      throw new AppError(
        'conflict',
        'Kế hoạch đã được thay thế bằng kế hoạch khác; không ban hành lại được.',
      );
    if (plan.version !== version) throw staleVersion();
    const parent = plan.parentPlanId
      ? (await tx.select().from(plans).where(eq(plans.id, plan.parentPlanId)))[0]
      : undefined;
    if (parent && parent.status !== 'published')
      throw new AppError(
        'conflict',
        'Kế hoạch cấp trên đã được thay thế: hãy cụ thể hóa kế hoạch thay thế thay cho bản nháp này.',
      );
    const issues = [
      ...publicationIssues(plan, today),
      ...deadlineIssues(deadlinesOf(plan), parent ? deadlinesOf(parent) : undefined),
    ];
    if (issues.length > 0)
      throw new AppError(
        'bad_request',
        `Chưa ban hành được: ${issues.map((issue) => issue.message).join(' ')}`,
        issues.map((issue) => ({ path: `body.${issue.field}`, message: issue.message })),
      );
    const standing = await standingPlan(tx, plan.organizationId, plan.year);
    const refusal = replacementIssue(
      standing && { id: standing.id, fullNumber: planFullNumber(standing.number, standing.symbol) },
      replacement,
      plan.year,
    );
    if (refusal)
      throw new AppError('conflict', refusal, [{ path: 'body.replacement', message: refusal }], {
        standingPlanId: standing?.id ?? null,
      });
    const replaced = standing ? await markReplaced(tx, standing.id) : [];
    const issuedOn = plan.issuedOn ?? today;
    const [published] = await tx
      .update(plans)
      .set({
        status: 'published',
        publishedAt: new Date(),
        publishedBy: actor.accountId,
        issuedOn,
        replacesPlanId: standing ? standing.id : null,
        replacementReason: standing && replacement ? replacement.reason : null,
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
    for (const replacedId of replaced) {
      await recordAudit(tx, actor, {
        action: 'plan.replaced',
        targetType: 'plan',
        targetId: replacedId,
        organizationPath,
        changes: {
          status: { from: 'published', to: 'replaced' },
          replacedBy: { from: null, to: id },
          reason: { from: null, to: replacement?.reason ?? null },
        },
      });
    }
    await recordAudit(tx, actor, {
      action: 'plan.published',
      targetType: 'plan',
      targetId: id,
      organizationPath,
      changes: {
        status: { from: 'draft', to: 'published' },
        ...(standing ? { replacesPlanId: { from: null, to: standing.id } } : {}),
        ...(plan.parentPlanId ? {} : { determinedWorkplaces: { from: null, to: workplaces } }),
      },
    });
    return published!;
  });
}
