import { type SQL, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { vietnamDate, vietnamToday } from '../../domain/dates.js';
import { REMEDIATION_STATUS_LABELS } from '../../domain/remediation.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { employedOnSql } from '../people/employment.js';
import { DETERMINATION_CORRECTORS, planInScope } from '../plans/access.js';
import { determiningPlanId } from '../plans/plan-chain.js';

/**
 * DESIGN step 3, set-based: every party member working (on `employedOn`) at a workplace the plan requires to meet
 * gets a draft on the template of their case (with office when they hold a party or government
 * office — the SQL twin of isWithOffice in domain/people.ts), the header copied from their record.
 * Idempotent: a member who already has a report for the plan keeps it.
 * DESIGN step 4: section 5 starts from last year — the member's accepted individual shortcomings of
 * the previous year's plan, then their remediation items with deadline and status.
 */
export async function createReportsForPlan(
  tx: DbOrTx,
  planId: string,
  { workplaceId, employedOn }: { workplaceId?: string; employedOn: string },
): Promise<number> {
  // Each new draft also gets its kept version 1: the report as publishing made it (the header
  // copied from the person's record, section 5 carried from last year), so the list starts at 1.
  const result = (await tx.execute(sql`
    with made as (
    insert into self_criticisms
      (plan_id, workplace_id, person_id, cell_id, template, full_name, birth_date,
       party_office, government_office, workplace_name, cell_name, assigned_duty, carried_over)
    select pw.plan_id, pw.workplace_id, p.id, p.organization_id,
           case when btrim(p.party_office) <> '' or btrim(p.government_office) <> ''
                then 'with_office' else 'without_office' end,
           p.full_name, p.birth_date, p.party_office, p.government_office, w.name, cell.name, p.assigned_duty,
           ${carriedOverOf(sql`p.id`, sql`pl.year - 1`)}
    from plan_workplaces pw
    join plans pl on pl.id = pw.plan_id
    join workplaces w on w.id = pw.workplace_id
    join people p on p.workplace_id = pw.workplace_id and p.is_party_member
      and ${employedOnSql(sql`p.id`, employedOn)}
    join organizations cell on cell.id = p.organization_id
    where pw.plan_id = ${planId} and pw.required
      ${workplaceId ? sql`and pw.workplace_id = ${workplaceId}` : sql``}
    on conflict (plan_id, person_id) do nothing
    returning *
    )
    insert into self_criticism_versions (self_criticism_id, version, action, status, snapshot)
    select made.id, made.version, 'created', made.status,
           jsonb_build_object(
             'status', made.status,
             'header', jsonb_build_object(
               'fullName', made.full_name, 'birthDate', made.birth_date,
               'partyOffice', made.party_office, 'governmentOffice', made.government_office,
               'workplaceName', made.workplace_name, 'cellName', made.cell_name,
               'assignedDuty', made.assigned_duty),
             'content', made.content,
             'carriedOver', made.carried_over,
             'manifestationAnswer', made.manifestation_answer,
             'committeeComment', made.committee_comment,
             'summary', made.summary,
             'returnReason', made.return_reason)
    from made
    returning self_criticism_id`)) as unknown as { rows?: unknown[]; rowCount?: number | null };
  return result.rows?.length ?? result.rowCount ?? 0;
}

/**
 * The lines of section 5 carried from a person's previous-year reports, as one SQL expression:
 * `- <point>` for each accepted individual shortcoming, then `- Khắc phục: <action> (hạn dd/mm/yyyy,
 * <status>)` for each remediation item; overdue is read against today's Vietnam date.
 */
function carriedOverOf(personId: SQL, previousYear: SQL): SQL {
  const labels = REMEDIATION_STATUS_LABELS;
  const today = vietnamDate(new Date());
  return sql`coalesce((
    select string_agg(line.text, E'\n' order by line.kind, line.rank, line.id)
    from (
      select 1 as kind, cp.position::numeric as rank, cp.id, '- ' || cp.text as text
      from self_criticisms psc
      join plans pp on pp.id = psc.plan_id
      join compilation_points cp on cp.responsible_self_criticism_id = psc.id
      where psc.person_id = ${personId} and pp.year = ${previousYear}
        and cp.responsibility = 'individual' and cp.kind = 'shortcoming' and cp.conclusion = 'accepted'
      union all
      select 2, extract(epoch from ri.created_at)::numeric, ri.id,
             '- Khắc phục: ' || ri.action || ' (hạn ' || to_char(ri.deadline, 'DD/MM/YYYY') || ', ' ||
             case when ri.status = 'done' then ${labels.done}::text
                  when ri.deadline < ${today}::date then ${labels.overdue}::text
                  when ri.status = 'in_progress' then ${labels.in_progress}::text
                  else ${labels.open}::text end || ')'
      from self_criticisms psc
      join plans pp on pp.id = psc.plan_id
      join remediation_items ri on ri.responsible_self_criticism_id = psc.id
      where psc.person_id = ${personId} and pp.year = ${previousYear}
    ) line
  ), '')`;
}

/**
 * After a correction flips a workplace to required (or members join its roster), the committee of
 * the workplace's organization makes the reports still missing.
 */
export async function syncWorkplaceReports(
  db: Db,
  actor: Actor,
  planId: string,
  workplaceId: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    const issued = await planInScope(tx, actor, planId);
    const determiningId = await determiningPlanId(tx, issued.plan);
    const rows = (await tx.execute(sql`
      select pw.required, pw.organization_path from plan_workplaces pw
      where pw.plan_id = ${determiningId} and pw.workplace_id = ${workplaceId}`)) as unknown as {
      rows: { required: boolean; organization_path: string }[];
    };
    const row = rows.rows[0];
    if (!row?.organization_path.startsWith(issued.organizationPath))
      throw notFound('cơ quan, đơn vị trong kế hoạch');
    if (!actor.reaches(DETERMINATION_CORRECTORS, row.organization_path)) throw forbidden();
    if (!row.required)
      throw new AppError(
        'conflict',
        'Cơ quan, đơn vị không phải tổ chức tự phê bình trước quần chúng: không có bản tự phê bình để tạo.',
      );
    const created = await createReportsForPlan(tx, determiningId, {
      workplaceId,
      employedOn: vietnamToday(),
    });
    await recordAudit(tx, actor, {
      action: 'self_criticism.synced',
      targetType: 'plan_workplace',
      targetId: `${determiningId}/${workplaceId}`,
      organizationPath: row.organization_path,
      changes: { created: { from: null, to: created } },
    });
    return created;
  });
}
