import { sql } from 'drizzle-orm';
import type { YearEndMember } from '../../contract/year-end.js';
import { type Db, queryRows } from '../../db/client.js';
import { participationOf } from '../../domain/year-end.js';
import { releaseDueWindows } from '../phone-forms/ballot-box.js';
import type { YearEndScope } from './access.js';

interface MemberRow extends Record<string, unknown> {
  id: string;
  fullName: string;
  cellName: string;
  workplaceName: string;
  template: 'with_office' | 'without_office';
  present: boolean | null;
  absenceReason: string | null;
  absenceReasonValid: boolean | null;
  strength: number;
  shortcoming: number;
  proposal: number;
  shortcomings: string[] | string | null;
  done: number;
  open: number;
  overdue: number;
  total: number;
}

export interface MemberSlice {
  limit: number;
  offset: number;
}

/**
 * Every member with a self-criticism under the plan whose cell lies in the subtree, with their
 * attendance, opinions by kind, accepted individual shortcomings and remediation items — one
 * statement, each figure grouped once over the subtree's self-criticisms (no query per member).
 * Phone opinions count only once their meeting's form window is closed (S6, as the committee
 * sees them); an item not done after its deadline day is overdue (domain/remediation.ts).
 */
export async function yearEndMembers(
  db: Db,
  scope: YearEndScope,
  slice?: MemberSlice,
): Promise<{ items: YearEndMember[]; total: number }> {
  // S6: windows whose set end has passed release their forms first, so they are counted.
  await releaseDueWindows(db);
  const page = slice ? sql`limit ${slice.limit} offset ${slice.offset}` : sql``;
  const rows = await queryRows<MemberRow>(
    db,
    sql`with members as (
          select sc.id, sc.full_name, sc.cell_name, sc.workplace_name, sc.template, sc.workplace_id,
                 cell.name_search as cell_order
          from self_criticisms sc
          join organizations cell on cell.id = sc.cell_id
          where sc.plan_id = ${scope.rootPlanId} and cell.path like ${scope.nodePath} || '%'
        ),
        opinions as (
          select f.self_criticism_id as id,
                 count(*) filter (where f.kind = 'strength')::int as strength,
                 count(*) filter (where f.kind = 'shortcoming')::int as shortcoming,
                 count(*) filter (where f.kind = 'proposal')::int as proposal
          from feedback f
          join meetings m on m.id = f.meeting_id
          where f.self_criticism_id in (select id from members)
            and (f.channel <> 'phone' or m.form_window_closed_at is not null
                 or m.form_window_ends_at <= ${scope.now.toISOString()}::timestamptz)
          group by f.self_criticism_id
        ),
        points as (
          select cp.responsible_self_criticism_id as id,
                 json_agg(cp.text order by c.created_at, cp.position) as shortcomings
          from compilation_points cp
          join compilations c on c.id = cp.compilation_id
          where cp.responsible_self_criticism_id in (select id from members)
            and cp.kind = 'shortcoming' and cp.responsibility = 'individual' and cp.conclusion = 'accepted'
          group by cp.responsible_self_criticism_id
        ),
        items as (
          select ri.responsible_self_criticism_id as id,
                 count(*) filter (where ri.status = 'done')::int as done,
                 count(*) filter (where ri.status <> 'done' and ri.deadline >= ${scope.today}::date)::int as open,
                 count(*) filter (where ri.status <> 'done' and ri.deadline < ${scope.today}::date)::int as overdue
          from remediation_items ri
          where ri.responsible_kind = 'member' and ri.responsible_self_criticism_id in (select id from members)
          group by ri.responsible_self_criticism_id
        )
        select s.id, s.full_name as "fullName", s.cell_name as "cellName", s.workplace_name as "workplaceName",
               s.template, a.present, a.absence_reason as "absenceReason",
               a.absence_reason_valid as "absenceReasonValid",
               coalesce(o.strength, 0) as strength, coalesce(o.shortcoming, 0) as shortcoming,
               coalesce(o.proposal, 0) as proposal, p.shortcomings,
               coalesce(i.done, 0) as done, coalesce(i.open, 0) as open, coalesce(i.overdue, 0) as overdue,
               (count(*) over ())::int as total
        from members s
        left join meetings m on m.plan_id = ${scope.rootPlanId} and m.workplace_id = s.workplace_id
        left join meeting_attendance a on a.meeting_id = m.id and a.self_criticism_id = s.id
        left join opinions o on o.id = s.id
        left join points p on p.id = s.id
        left join items i on i.id = s.id
        order by s.cell_order, s.full_name, s.id
        ${page}`,
  );
  return { items: rows.map(presentMember), total: rows[0]?.total ?? 0 };
}

/** PGlite hands json back parsed, node-postgres too; a string means a driver left it raw. */
function textList(value: MemberRow['shortcomings']): string[] {
  if (value === null) return [];
  return typeof value === 'string' ? (JSON.parse(value) as string[]) : value;
}

function presentMember(row: MemberRow): YearEndMember {
  return {
    selfCriticismId: row.id,
    fullName: row.fullName,
    cellName: row.cellName,
    workplaceName: row.workplaceName,
    template: row.template,
    participation: participationOf(row.present, row.absenceReasonValid),
    absenceReason: row.absenceReason,
    opinions: { strength: row.strength, shortcoming: row.shortcoming, proposal: row.proposal },
    shortcomings: textList(row.shortcomings),
    remediation: { done: row.done, open: row.open, overdue: row.overdue },
  };
}
