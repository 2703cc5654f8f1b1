import { sql } from 'drizzle-orm';
import type { YearEndOrganization } from '../../contract/year-end.js';
import { type Db, queryRows } from '../../db/client.js';
import { completionPercent } from '../../domain/remediation.js';
import {
  coveragePercent,
  meetingsStanding,
  onTimeDeadlines,
  rankOrganizations,
  reportStanding,
} from '../../domain/year-end.js';
import type { YearEndScope } from './access.js';

interface OrganizationRow extends Record<string, unknown> {
  id: string;
  name: string;
  kind: string;
  required: number;
  held: number;
  heldLate: number;
  meetingsDueOn: string | null;
  reportDueOn: string | null;
  reportTimeliness: 'on_time' | 'late' | null;
  submittedOn: string | null;
  itemsTotal: number;
  itemsDone: number;
  itemsOverdue: number;
}

const HELD = sql`('held', 'minutes_signed', 'compiled', 'reported')`;

/**
 * Every organization of the subtree that holds workplaces in the plan, with its meetings against
 * the binding meetings deadline (the earliest of the published plans of the chain issued at or
 * above it, as meetings/deadline.ts), its report, its coverage and its remediation items — one
 * statement — then ranked by the pure rule of domain/year-end.ts.
 */
export async function yearEndOrganizations(db: Db, scope: YearEndScope): Promise<YearEndOrganization[]> {
  const rows = await queryRows<OrganizationRow>(
    db,
    sql`with recursive chain as (
          select id, organization_id, meetings_due_on, status from plans where id = ${scope.rootPlanId}
          union all
          select p.id, p.organization_id, p.meetings_due_on, p.status from plans p join chain c on p.parent_plan_id = c.id
        ),
        issuers as (
          select chain.meetings_due_on, issuer.path
          from chain join organizations issuer on issuer.id = chain.organization_id
          where chain.status = 'published'
        ),
        places as (
          select pw.organization_id, home.path, pw.required, pw.status,
                 (select min(i.meetings_due_on) from issuers i where home.path like i.path || '%') as due_on,
                 ((m.held_at at time zone 'UTC') + interval '7 hours')::date as held_on
          from plan_workplaces pw
          join organizations home on home.id = pw.organization_id
          left join meetings m on m.plan_id = pw.plan_id and m.workplace_id = pw.workplace_id
          where pw.plan_id = ${scope.rootPlanId} and home.path like ${scope.nodePath} || '%'
        ),
        -- Issue 11: every organization of the subtree is measured over all the workplaces anywhere
        -- below it (a base with only cells below is ranked too), once some of them must meet.
        meeting_counts as (
          select o.id as organization_id, o.path,
                 count(*) filter (where p.required)::int as required,
                 count(*) filter (where p.required and p.status in ${HELD})::int as held,
                 count(*) filter (where p.required and p.status in ${HELD} and p.held_on > p.due_on)::int as held_late,
                 min(p.due_on)::text as due_on
          from organizations o
          join places p on p.path like o.path || '%'
          where o.path like ${scope.nodePath} || '%'
          group by o.id, o.path
          having count(*) filter (where p.required) > 0 or bool_or(p.organization_id = o.id)
        ),
        item_counts as (
          select mc.organization_id,
                 count(*)::int as total,
                 count(*) filter (where ri.status = 'done')::int as done,
                 count(*) filter (where ri.status <> 'done' and ri.deadline < ${scope.today}::date)::int as overdue
          from remediation_items ri
          join compilations c on c.id = ri.compilation_id
          join meetings m on m.id = c.meeting_id
          join organizations mo on mo.id = m.organization_id
          join meeting_counts mc on mo.path like mc.path || '%'
          where m.plan_id = ${scope.rootPlanId}
          group by mc.organization_id
        )
        select o.id, o.name, o.kind, mc.required, mc.held, mc.held_late as "heldLate",
               mc.due_on as "meetingsDueOn",
               r.due_on::text as "reportDueOn", r.timeliness as "reportTimeliness",
               r.submitted_on::text as "submittedOn",
               coalesce(ic.total, 0) as "itemsTotal", coalesce(ic.done, 0) as "itemsDone",
               coalesce(ic.overdue, 0) as "itemsOverdue"
        from meeting_counts mc
        join organizations o on o.id = mc.organization_id
        left join reports r on r.plan_id = ${scope.rootPlanId} and r.organization_id = o.id
        left join item_counts ic on ic.organization_id = o.id`,
  );
  return rankOrganizations(rows.map((row) => measured(row, scope))).map(({ rank, detail }) => ({
    rank,
    ...detail,
  }));
}

function measured(row: OrganizationRow, scope: YearEndScope) {
  const reportDueOn = row.reportDueOn ?? scope.baseReportsDueOn;
  const meetings = meetingsStanding(row, row.meetingsDueOn, scope.today);
  const report = reportStanding({ timeliness: row.reportTimeliness, dueOn: reportDueOn }, scope.today);
  const coverage = coveragePercent(row.held, row.required);
  const remediationPercent = completionPercent({
    total: row.itemsTotal,
    done: row.itemsDone,
    overdue: row.itemsOverdue,
  });
  const detail: Omit<YearEndOrganization, 'rank'> = {
    organization: { id: row.id, name: row.name, kind: row.kind },
    required: row.required,
    held: row.held,
    coveragePercent: coverage,
    meetings: { standing: meetings, dueOn: row.meetingsDueOn, heldLate: row.heldLate },
    report: { standing: report, dueOn: reportDueOn, submittedOn: row.submittedOn },
    onTimeDeadlines: onTimeDeadlines({ meetings, report }),
    remediation: {
      total: row.itemsTotal,
      done: row.itemsDone,
      overdue: row.itemsOverdue,
      completionPercent: remediationPercent,
    },
  };
  return { name: row.name, coveragePercent: coverage, meetings, report, remediationPercent, detail };
}
