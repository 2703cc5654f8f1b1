import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/client.js';
import { vietnamDate, vietnamToday } from '../../domain/dates.js';
import { isUpwardReport } from '../../domain/reports.js';
import {
  type CellWorkplaceFact,
  type ChildReportFact,
  type ConcernFact,
  type OwnOrganizationReportFact,
  type OwnReportFact,
  type PersonalMeetingFact,
  type PlanWorkplaceStatus,
  type RemediationFact,
  type Task,
  type TaskFacts,
  tasksFrom,
} from '../../domain/tasks.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { meetingDeadline } from '../meetings/deadline.js';
import { mayWriteReport } from '../reports/access.js';
import { organizationById, type ReportingPlan, reportingNode, reportingPlan } from '../reports/context.js';

interface Person extends Record<string, unknown> {
  personId: string;
  workplaceId: string;
  isPartyMember: boolean;
}

interface MeetingRow extends Record<string, unknown> {
  meetingId: string;
  planId: string;
  planYear: number;
  workplaceId: string;
  workplaceName: string;
  startsAt: Date | string;
  place: string;
  heldAt: Date | string | null;
  minutesLocked: boolean;
  formWindowOpen: boolean;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/** The meeting columns every personal meeting query reads (`m` a meeting, `pl` its plan, `w` its workplace). */
const meetingColumns = (now: Date) => sql`m.id as "meetingId", m.plan_id as "planId", pl.year as "planYear",
  m.workplace_id as "workplaceId", w.name as "workplaceName", m.starts_at as "startsAt", m.place,
  m.held_at as "heldAt",
  exists (select 1 from minutes mi where mi.meeting_id = m.id and mi.locked_at is not null) as "minutesLocked",
  (m.form_window_opened_at is not null and m.form_window_closed_at is null
   and (m.form_window_ends_at is null or m.form_window_ends_at > ${now.toISOString()}::timestamptz)) as "formWindowOpen"`;

const meetingFact = (row: MeetingRow) => ({
  meetingId: row.meetingId,
  planId: row.planId,
  planYear: Number(row.planYear),
  workplaceId: row.workplaceId,
  workplaceName: row.workplaceName,
  startsAt: iso(row.startsAt),
  place: row.place,
  held: row.heldAt !== null,
  minutesLocked: Boolean(row.minutesLocked),
  formWindowOpen: Boolean(row.formWindowOpen),
});

async function personOf(db: DbOrTx, actor: Actor): Promise<Person | null> {
  const [row] = await queryRows<Person>(
    db,
    sql`select p.id as "personId", p.workplace_id as "workplaceId", p.is_party_member as "isPartyMember"
        from accounts a join people p on p.id = a.person_id
        where a.id = ${actor.accountId} and p.erased_at is null`,
  );
  return row ?? null;
}

/** The member's own reports of published plans, with their meeting when it is scheduled. */
async function memberFacts(db: DbOrTx, person: Person, now: Date) {
  const rows = await queryRows<
    {
      id: string;
      status: OwnReportFact['status'];
      returnReason: string | null;
      scWorkplaceName: string;
      meetingId: string | null;
    } & MeetingRow
  >(
    db,
    sql`select sc.id, sc.status, sc.return_reason as "returnReason", sc.workplace_name as "scWorkplaceName",
               sc.plan_id as "scPlanId", sc.workplace_id as "scWorkplaceId", pl.year as "scPlanYear",
               ${meetingColumns(now)}
        from self_criticisms sc
        join plans pl on pl.id = sc.plan_id and pl.status = 'published'
        join workplaces w on w.id = sc.workplace_id
        left join meetings m on m.plan_id = sc.plan_id and m.workplace_id = sc.workplace_id
        where sc.person_id = ${person.personId}
        order by pl.year desc`,
  );
  const ownReports: OwnReportFact[] = [];
  const meetings: PersonalMeetingFact[] = [];
  for (const row of rows) {
    const scPlanId = String(row.scPlanId);
    const scWorkplaceId = String(row.scWorkplaceId);
    const dueOn = row.meetingId
      ? vietnamDate(new Date(row.startsAt))
      : await meetingDeadline(db, scPlanId, scWorkplaceId);
    ownReports.push({
      id: row.id,
      planYear: Number(row.scPlanYear),
      workplaceName: row.scWorkplaceName,
      status: row.status,
      returnReason: row.returnReason,
      dueOn,
    });
    if (row.meetingId)
      meetings.push({ ...meetingFact(row), capacity: 'member', signed: false, selfCriticismId: row.id });
  }
  return { ownReports, meetings };
}

/** A non-member's workplace meetings (invited as the masses) and the remediation plans they follow. */
async function massesFacts(db: DbOrTx, person: Person, now: Date) {
  const rows = await queryRows<MeetingRow>(
    db,
    sql`select ${meetingColumns(now)}
        from meetings m
        join plans pl on pl.id = m.plan_id and pl.status = 'published'
        join workplaces w on w.id = m.workplace_id
        where m.workplace_id = ${person.workplaceId}
        order by m.starts_at`,
  );
  const meetings: PersonalMeetingFact[] = rows.map((row) => ({
    ...meetingFact(row),
    capacity: 'masses',
    signed: false,
  }));
  const plans = await queryRows<{
    workplaceName: string;
    planYear: number;
    openItems: number;
    nextDeadline: string;
  }>(
    db,
    sql`select w.name as "workplaceName", pl.year as "planYear", count(*)::int as "openItems",
               min(ri.deadline)::text as "nextDeadline"
        from meetings m
        join plans pl on pl.id = m.plan_id
        join workplaces w on w.id = m.workplace_id
        join compilations c on c.meeting_id = m.id
        join remediation_items ri on ri.compilation_id = c.id and ri.status <> 'done'
        where m.workplace_id = ${person.workplaceId}
        group by w.name, pl.year
        order by pl.year desc`,
  );
  const remediation: RemediationFact[] = plans.map((plan) => ({
    ...plan,
    planYear: Number(plan.planYear),
    openItems: Number(plan.openItems),
  }));
  return { meetings, remediation };
}

/** Meetings where the account is the secretary or the chair, with whether it signed the minutes. */
async function keeperFacts(db: DbOrTx, actor: Actor, now: Date): Promise<PersonalMeetingFact[]> {
  const rows = await queryRows<MeetingRow & { capacity: 'secretary' | 'chair'; signed: boolean }>(
    db,
    sql`select ${meetingColumns(now)}, k.capacity,
               exists (select 1 from minutes mi join minutes_signatures s on s.minutes_id = mi.id
                       where mi.meeting_id = m.id and s.capacity = k.capacity) as signed
        from meetings m
        join plans pl on pl.id = m.plan_id and pl.status = 'published'
        join workplaces w on w.id = m.workplace_id
        cross join lateral (values ('secretary', m.secretary_account_id), ('chair', m.chair_account_id)) as k(capacity, account_id)
        where k.account_id = ${actor.accountId}
        order by m.starts_at`,
  );
  return rows.map((row) => ({ ...meetingFact(row), capacity: row.capacity, signed: Boolean(row.signed) }));
}

/** The required workplaces of the organizations where the account is on the committee. */
async function cellFacts(db: DbOrTx, actor: Actor): Promise<Omit<CellWorkplaceFact, 'reportDueOn'>[]> {
  const organizationIds = actor.grants
    .filter((grant) => grant.role === 'committee')
    .map((grant) => grant.organizationId);
  if (organizationIds.length === 0) return [];
  const rows = await queryRows<{
    planId: string;
    planYear: number;
    workplaceId: string;
    workplaceName: string;
    status: PlanWorkplaceStatus;
    meetingStartsAt: Date | string | null;
    waitingReports: number;
  }>(
    db,
    sql`select pw.plan_id as "planId", pl.year as "planYear", pw.workplace_id as "workplaceId",
               w.name as "workplaceName", pw.status, m.starts_at as "meetingStartsAt",
               (select count(*)::int from self_criticisms sc
                 where sc.plan_id = pw.plan_id and sc.workplace_id = pw.workplace_id
                   and sc.status = 'submitted') as "waitingReports"
        from plan_workplaces pw
        join plans pl on pl.id = pw.plan_id and pl.status = 'published'
        join workplaces w on w.id = pw.workplace_id
        left join meetings m on m.plan_id = pw.plan_id and m.workplace_id = pw.workplace_id
        where pw.required
          and pw.organization_id in (${sql.join(
            organizationIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
          and pw.status in ('pending', 'scheduled', 'held', 'minutes_signed')
        order by w.name_search`,
  );
  const facts: Omit<CellWorkplaceFact, 'reportDueOn'>[] = [];
  for (const row of rows)
    facts.push({
      planId: row.planId,
      planYear: Number(row.planYear),
      workplaceId: row.workplaceId,
      workplaceName: row.workplaceName,
      status: row.status,
      meetingsDueOn: await meetingDeadline(db, row.planId, row.workplaceId),
      meetingStartsAt: row.meetingStartsAt ? iso(row.meetingStartsAt) : null,
      waitingReports: Number(row.waitingReports),
    });
  return facts;
}

/**
 * For each organization where the account is on the committee or the organization board, and each
 * published root plan reaching it: its own report (when the account writes it) and its children's.
 */
async function reportFacts(db: DbOrTx, actor: Actor) {
  const own: OwnOrganizationReportFact[] = [];
  const children: ChildReportFact[] = [];
  const grants = actor.grants.filter(
    (grant) => grant.role === 'committee' || grant.role === 'organization-board',
  );
  const organizationIds = [...new Set(grants.map((grant) => grant.organizationId))];
  const reportings = new Map<string, ReportingPlan>();
  for (const organizationId of organizationIds) {
    const organization = await organizationById(db, organizationId);
    const planIds = await queryRows<{ id: string }>(
      db,
      sql`select pl.id from plans pl join organizations issuer on issuer.id = pl.organization_id
          where pl.parent_plan_id is null and pl.status = 'published'
            and ${organization.path} like issuer.path || '%'
          order by pl.year desc`,
    );
    for (const { id: planId } of planIds) {
      let reporting = reportings.get(planId);
      if (!reporting) {
        reporting = await reportingPlan(db, planId);
        reportings.set(planId, reporting);
      }
      let node: Awaited<ReturnType<typeof reportingNode>>;
      try {
        node = await reportingNode(db, reporting, organization);
      } catch (error) {
        // No workplace of the plan under this organization: it has nothing to report.
        if (error instanceof AppError) continue;
        throw error;
      }
      const ids = [organization.id, ...node.children.map((child) => child.organization.id)];
      const rows = await queryRows<{ organizationId: string; status: string; dueOn: string }>(
        db,
        sql`select organization_id as "organizationId", status, due_on::text as "dueOn" from reports
            where plan_id = ${planId} and organization_id in (${sql.join(
              ids.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`,
      );
      const row = (id: string) => rows.find((candidate) => candidate.organizationId === id);
      const year = reporting.plan.year;
      const upward = isUpwardReport(organization.id, reporting.plan);
      if (mayWriteReport(actor, organization.path, upward)) {
        const mine = row(organization.id);
        own.push({
          planId,
          planYear: year,
          organizationId: organization.id,
          organizationName: organization.name,
          dueOn: mine?.dueOn ?? node.own.dueOn,
          submitted: mine?.status === 'submitted',
          upward,
        });
      }
      for (const child of node.children) {
        const theirs = row(child.organization.id);
        children.push({
          planId,
          planYear: year,
          receiverId: organization.id,
          organizationId: child.organization.id,
          organizationName: child.organization.name,
          dueOn: theirs?.dueOn ?? child.expected.dueOn,
          submitted: theirs?.status === 'submitted',
        });
      }
    }
  }
  return { own, children };
}

/** Concerns waiting for an answer from the organization board (held at the issuer or above). */
async function concernFacts(db: DbOrTx, actor: Actor): Promise<ConcernFact[]> {
  const roots = actor.scopeRoots(['organization-board']);
  if (roots.length === 0) return [];
  const rows = await queryRows<{
    id: string;
    subject: string;
    raisedByName: string;
    raisedAt: Date | string;
  }>(
    db,
    sql`select c.id, c.subject, o.name as "raisedByName", c.created_at as "raisedAt"
        from concerns c
        join plans pl on pl.id = c.plan_id
        join organizations issuer on issuer.id = pl.organization_id
        join organizations o on o.id = c.raised_by_organization_id
        where c.status = 'open'
          and (${sql.join(
            roots.map((root) => sql`issuer.path like ${`${root}%`}`),
            sql` or `,
          )})
        order by c.created_at`,
  );
  return rows.map((row) => ({
    id: row.id,
    subject: row.subject,
    raisedByName: row.raisedByName,
    raisedOn: vietnamDate(new Date(row.raisedAt)),
  }));
}

/** Everything the account has to do now, each query kept to what its roles reach. */
export async function gatherTaskFacts(db: DbOrTx, actor: Actor, now: Date): Promise<TaskFacts> {
  const person = await personOf(db, actor);
  const member = person?.isPartyMember ? await memberFacts(db, person, now) : null;
  const masses = person && !person.isPartyMember ? await massesFacts(db, person, now) : null;
  const keeper = await keeperFacts(db, actor, now);
  const cells = await cellFacts(db, actor);
  const reports = await reportFacts(db, actor);
  const dueOf = (planId: string, workplaceOrganization: string | undefined) =>
    reports.own.find((report) => report.planId === planId && report.organizationId === workplaceOrganization)
      ?.dueOn ?? null;
  const committeeOrganizations = actor.grants.filter((grant) => grant.role === 'committee');
  return {
    ownReports: member?.ownReports ?? [],
    meetings: [...(member?.meetings ?? []), ...(masses?.meetings ?? []), ...keeper],
    cellWorkplaces: cells.map((cell) => ({
      ...cell,
      // The committee's own report is due after its compilations: the nearest such deadline binds them.
      reportDueOn:
        committeeOrganizations
          .map((grant) => dueOf(cell.planId, grant.organizationId))
          .filter((due): due is string => due !== null)
          .sort()[0] ?? null,
    })),
    ownOrganizationReports: reports.own,
    childReports: reports.children,
    concerns: await concernFacts(db, actor),
    remediation: masses?.remediation ?? [],
  };
}

export async function tasksOf(db: DbOrTx, actor: Actor, now = new Date()): Promise<Task[]> {
  return tasksFrom(await gatherTaskFacts(db, actor, now), vietnamToday(now));
}
