import { sql } from 'drizzle-orm';
import type { YearEndOrganization } from '../../contract/year-end.js';
import { type Db, queryRows } from '../../db/client.js';
import { completionPercent } from '../../domain/remediation.js';
import {
  coveragePercent,
  meetingsStanding,
  type OrganizationTally,
  onTimeDeadlines,
  rankOrganizations,
  reportStanding,
  tallyOrganizations,
  type YearEndItem,
  type YearEndPlace,
} from '../../domain/year-end.js';
import type { YearEndScope } from './access.js';

interface OrganizationRow extends Record<string, unknown> {
  id: string;
  name: string;
  kind: string;
  reportDueOn: string | null;
  reportTimeliness: 'on_time' | 'late' | null;
  submittedOn: string | null;
}

type PlaceRow = YearEndPlace & Record<string, unknown>;
type ItemRow = YearEndItem & Record<string, unknown>;

const HELD = sql`('held', 'minutes_signed', 'compiled', 'reported')`;

/**
 * Every organization of the subtree that holds workplaces in the plan, with its meetings against
 * the binding meetings deadline (the earliest of the published plans of the chain issued at or
 * above it, as meetings/deadline.ts), its report, its coverage and its remediation items. The
 * database reads three flat lists (the subtree's organizations with their reports, the plan's
 * workplaces, the remediation items); the pure rules of domain/year-end.ts tally each organization
 * over everything below it and rank them.
 */
export async function yearEndOrganizations(db: Db, scope: YearEndScope): Promise<YearEndOrganization[]> {
  const prefix = `${scope.nodePath}%`;
  const [organizationRows, places, items] = await Promise.all([
    queryRows<OrganizationRow>(
      db,
      sql`select o.id, o.name, o.kind, r.due_on::text as "reportDueOn", r.timeliness as "reportTimeliness",
                 r.submitted_on::text as "submittedOn"
          from organizations o
          left join reports r on r.plan_id = ${scope.rootPlanId} and r.organization_id = o.id
          where o.path like ${prefix}`,
    ),
    queryRows<PlaceRow>(
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
          )
          select pw.organization_id as "organizationId", home.path as "organizationPath", pw.required,
                 pw.status in ${HELD} as held,
                 ((m.held_at at time zone 'UTC') + interval '7 hours')::date::text as "heldOn",
                 (select min(i.meetings_due_on) from issuers i where home.path like i.path || '%')::text as "dueOn"
          from plan_workplaces pw
          join organizations home on home.id = pw.organization_id
          left join meetings m on m.plan_id = pw.plan_id and m.workplace_id = pw.workplace_id
          where pw.plan_id = ${scope.rootPlanId} and home.path like ${prefix}`,
    ),
    queryRows<ItemRow>(
      db,
      sql`select mo.path as "organizationPath", ri.status, ri.deadline::text as deadline
          from remediation_items ri
          join compilations c on c.id = ri.compilation_id
          join meetings m on m.id = c.meeting_id
          join organizations mo on mo.id = m.organization_id
          where m.plan_id = ${scope.rootPlanId} and mo.path like ${prefix}`,
    ),
  ]);
  const tallies = tallyOrganizations(
    organizationRows.map((row) => row.id),
    places,
    items,
    scope.today,
  );
  const measuredRows = organizationRows.flatMap((row) => {
    const tally = tallies.get(row.id);
    return tally ? [measured(row, tally, scope)] : [];
  });
  return rankOrganizations(measuredRows).map(({ rank, detail }) => ({ rank, ...detail }));
}

function measured(row: OrganizationRow, tally: OrganizationTally, scope: YearEndScope) {
  const reportDueOn = row.reportDueOn ?? scope.baseReportsDueOn;
  const meetings = meetingsStanding(tally, tally.meetingsDueOn, scope.today);
  const report = reportStanding({ timeliness: row.reportTimeliness, dueOn: reportDueOn }, scope.today);
  const coverage = coveragePercent(tally.held, tally.required);
  const remediationPercent = completionPercent({
    total: tally.itemsTotal,
    done: tally.itemsDone,
    overdue: tally.itemsOverdue,
  });
  const detail: Omit<YearEndOrganization, 'rank'> = {
    organization: { id: row.id, name: row.name, kind: row.kind },
    required: tally.required,
    held: tally.held,
    coveragePercent: coverage,
    meetings: { standing: meetings, dueOn: tally.meetingsDueOn, heldLate: tally.heldLate },
    report: { standing: report, dueOn: reportDueOn, submittedOn: row.submittedOn },
    onTimeDeadlines: onTimeDeadlines({ meetings, report }),
    remediation: {
      total: tally.itemsTotal,
      done: tally.itemsDone,
      overdue: tally.itemsOverdue,
      completionPercent: remediationPercent,
    },
  };
  return { name: row.name, coveragePercent: coverage, meetings, report, remediationPercent, detail };
}
