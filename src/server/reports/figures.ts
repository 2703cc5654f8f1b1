import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/client.js';
import { FEEDBACK_AREAS, FEEDBACK_CHANNELS, FEEDBACK_KINDS } from '../../domain/feedback.js';
import {
  heldAttendance,
  type ReportFigures,
  sumWorkplaces,
  type WorkplaceFigures,
} from '../../domain/report-figures.js';
import { releaseDueWindows } from '../phone-forms/ballot-box.js';

/** One workplace of the plan with its figures and the organization it is attached to now. */
export interface PlacedWorkplaceFigures extends WorkplaceFigures {
  organizationId: string;
  organizationPath: string;
}

// The breakdown keys are the domain's constants, never user text: safe as raw column aliases.
const breakdown = (prefix: string, column: string, keys: readonly string[]) =>
  sql.raw(
    keys.map((key) => `count(*) filter (where f.${column} = '${key}')::int as "${prefix}_${key}"`).join(', '),
  );

const coalesced = (prefix: string, keys: readonly string[]) =>
  sql.raw(keys.map((key) => `coalesce(fb."${prefix}_${key}", 0) as "${prefix}_${key}"`).join(', '));

type Row = Record<string, unknown> & {
  workplace_id: string;
  organization_id: string;
  organization_path: string;
};

/**
 * The figures of every workplace of a root plan under `subtreePath` (DESIGN step 9), one row per
 * workplace, in one statement. The subtree is the organizations' current paths (a prefix: the
 * path index serves it). Phone opinions count only once their meeting's form window is closed,
 * the moment the committee may see them (S6).
 */
export async function workplaceFigures(
  db: DbOrTx,
  planId: string,
  subtreePath: string,
  now: Date,
): Promise<PlacedWorkplaceFigures[]> {
  // S6: windows whose set end has passed release their forms first, so they are counted.
  await releaseDueWindows(db);
  const prefix = `${subtreePath}%`;
  const at = now.toISOString();
  const rows = await queryRows<Row>(
    db,
    sql`
      with wp as (
        select pw.workplace_id, pw.status, pw.required, o.id as organization_id, o.path as organization_path
        from plan_workplaces pw
        join organizations o on o.id = pw.organization_id
        where pw.plan_id = ${planId} and o.path like ${prefix}
      ),
      m as (
        select m.id, m.workplace_id, m.masses_present,
               (m.form_window_closed_at is not null or m.form_window_ends_at <= ${at}::timestamptz) as window_closed
        from meetings m join wp on wp.workplace_id = m.workplace_id
        where m.plan_id = ${planId}
      ),
      att as (
        select a.meeting_id,
               count(*) filter (where a.present)::int as present,
               count(*) filter (where not a.present and a.absence_reason_valid)::int as absent_valid,
               count(*) filter (where not a.present and not a.absence_reason_valid)::int as absent_invalid
        from meeting_attendance a join m on m.id = a.meeting_id
        group by a.meeting_id
      ),
      fb as (
        select f.meeting_id, count(*)::int as opinions,
               count(*) filter (where f.dissenting)::int as dissenting,
               ${breakdown('channel', 'channel', FEEDBACK_CHANNELS)},
               ${breakdown('area', 'area', FEEDBACK_AREAS)},
               ${breakdown('kind', 'kind', FEEDBACK_KINDS)}
        from feedback f join m on m.id = f.meeting_id
        where f.channel <> 'phone' or m.window_closed
        group by f.meeting_id
      ),
      pts as (
        select c.meeting_id,
               count(*) filter (where p.responsibility = 'collective')::int as collective,
               count(*) filter (where p.responsibility = 'individual')::int as individual
        from compilation_points p
        join compilations c on c.id = p.compilation_id
        join m on m.id = c.meeting_id
        group by c.meeting_id
      ),
      rem as (
        select c.meeting_id, count(*)::int as items, count(*) filter (where r.status = 'done')::int as done
        from remediation_items r
        join compilations c on c.id = r.compilation_id
        join m on m.id = c.meeting_id
        group by c.meeting_id
      )
      select wp.workplace_id, wp.organization_id, wp.organization_path,
             wp.required, wp.status,
             coalesce(m.masses_present, 0) as masses_present,
             coalesce(att.present, 0) as present,
             coalesce(att.absent_valid, 0) as absent_valid,
             coalesce(att.absent_invalid, 0) as absent_invalid,
             coalesce(fb.opinions, 0) as opinions,
             coalesce(fb.dissenting, 0) as dissenting,
             ${coalesced('channel', FEEDBACK_CHANNELS)},
             ${coalesced('area', FEEDBACK_AREAS)},
             ${coalesced('kind', FEEDBACK_KINDS)},
             coalesce(pts.collective, 0) as collective,
             coalesce(pts.individual, 0) as individual,
             coalesce(rem.items, 0) as items,
             coalesce(rem.done, 0) as done
      from wp
      left join m on m.workplace_id = wp.workplace_id
      left join att on att.meeting_id = m.id
      left join fb on fb.meeting_id = m.id
      left join pts on pts.meeting_id = m.id
      left join rem on rem.meeting_id = m.id
      order by wp.organization_path, wp.workplace_id`,
  );
  return rows.map((row) => ({
    workplaceId: row.workplace_id,
    organizationId: row.organization_id,
    organizationPath: row.organization_path,
    figures: figuresOf(row),
  }));
}

const HELD_OR_LATER = ['held', 'minutes_signed', 'compiled', 'reported'];

const picked = <K extends string>(row: Record<string, unknown>, prefix: string, keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, Number(row[`${prefix}_${key}`])])) as Record<K, number>;

function figuresOf(row: Row): ReportFigures {
  const number = (key: string) => Number(row[key]);
  const held = HELD_OR_LATER.includes(row.status as string);
  const attendance = heldAttendance(held, {
    present: number('present'),
    absentValid: number('absent_valid'),
    absentInvalid: number('absent_invalid'),
    massesPresent: number('masses_present'),
  });
  return {
    workplacesRequired: row.required ? 1 : 0,
    workplacesExempt: row.status === 'exempt' ? 1 : 0,
    workplacesHeld: held ? 1 : 0,
    membersSelfCriticized: attendance.present,
    membersAbsentValid: attendance.absentValid,
    membersAbsentInvalid: attendance.absentInvalid,
    massesPresent: attendance.massesPresent,
    opinions: number('opinions'),
    opinionsByChannel: picked(row, 'channel', FEEDBACK_CHANNELS),
    opinionsByArea: picked(row, 'area', FEEDBACK_AREAS),
    opinionsByKind: picked(row, 'kind', FEEDBACK_KINDS),
    opinionsDissenting: number('dissenting'),
    pointsCollective: number('collective'),
    pointsIndividual: number('individual'),
    remediationItems: number('items'),
    remediationDone: number('done'),
  };
}

/** The figures of the subtree at `path` among already loaded workplaces, each counted once. */
export function subtreeFigures(rows: readonly PlacedWorkplaceFigures[], path: string): ReportFigures {
  return sumWorkplaces(rows.filter((row) => row.organizationPath.startsWith(path)));
}

/** The figures of the workplaces attached directly to one organization. */
export function ownFigures(rows: readonly PlacedWorkplaceFigures[], organizationId: string): ReportFigures {
  return sumWorkplaces(rows.filter((row) => row.organizationId === organizationId));
}
