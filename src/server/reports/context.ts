import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../db/client.js';
import { isWithin } from '../../domain/organization-path.js';
import {
  type DerivedPlanDeadline,
  type ExpectedReport,
  expectedReports,
  type ReportingOrganization,
  type RootPlanDeadlines,
} from '../../domain/reports.js';
import { AppError, notFound } from '../errors.js';

export interface OrganizationNode extends ReportingOrganization {
  name: string;
  kind: string;
  shortName: string;
  headerSuperior: string;
  headerIssuer: string;
}

export interface RootPlan extends RootPlanDeadlines {
  id: string;
  year: number;
  title: string;
  number: string;
  symbol: string;
  place: string;
}

/** A root plan with its issuer and the published derived plans of its chain. */
export interface ReportingPlan {
  plan: RootPlan;
  issuer: OrganizationNode;
  derived: DerivedPlanDeadline[];
}

const organizationColumns = sql`o.id, o.parent_id as "parentId", o.path, o.name, o.kind,
  o.short_name as "shortName", o.header_superior as "headerSuperior", o.header_issuer as "headerIssuer"`;

type PlanRow = RootPlan & { status: string; parentPlanId: string | null };

async function planRow(db: DbOrTx, planId: string): Promise<PlanRow | undefined> {
  const [row] = await queryRows<PlanRow & Record<string, unknown>>(
    db,
    sql`select id, year, title, number, symbol, place, status, parent_plan_id as "parentPlanId",
               organization_id as "organizationId", meetings_due_on::text as "meetingsDueOn",
               base_reports_due_on::text as "baseReportsDueOn", upward_report_due_on::text as "upwardReportDueOn"
        from plans where id = ${planId}`,
  );
  return row;
}

/**
 * The root (determining) plan of any plan of a chain, published (409 otherwise), with its issuer
 * and the published derived plans under it: reports are kept against the root plan, like meetings.
 */
export async function reportingPlan(db: DbOrTx, planId: string): Promise<ReportingPlan> {
  let row = await planRow(db, planId);
  if (!row) throw notFound('kế hoạch');
  while (row.parentPlanId) {
    const parent: PlanRow | undefined = await planRow(db, row.parentPlanId);
    if (!parent) break;
    row = parent;
  }
  if (row.status !== 'published')
    throw new AppError('conflict', 'Kế hoạch chưa ban hành nên chưa có báo cáo.');
  const { status: _status, parentPlanId: _parent, ...plan } = row;
  const [issuer] = await organizationsWhere(db, sql`o.id = ${plan.organizationId}`);
  const derived = await queryRows<DerivedPlanDeadline & Record<string, unknown>>(
    db,
    sql`with recursive chain as (
          select id from plans where id = ${plan.id}
          union all
          select p.id from plans p join chain on p.parent_plan_id = chain.id where p.status = 'published'
        )
        select p.organization_id as "organizationId", p.base_reports_due_on::text as "baseReportsDueOn"
        from plans p join chain on chain.id = p.id
        where p.id <> ${plan.id}`,
  );
  return { plan, issuer: issuer!, derived };
}

export function organizationsWhere(db: DbOrTx, condition: ReturnType<typeof sql>) {
  return queryRows<OrganizationNode & Record<string, unknown>>(
    db,
    sql`select ${organizationColumns} from organizations o where ${condition} order by o.name_search`,
  );
}

export async function organizationById(db: DbOrTx, id: string): Promise<OrganizationNode> {
  const [organization] = await organizationsWhere(db, sql`o.id = ${id}`);
  if (!organization) throw notFound('tổ chức');
  return organization;
}

/** The paths of the organizations the plan's workplaces under `path` are attached to now. */
async function workplaceOrganizationPaths(db: DbOrTx, planId: string, path: string): Promise<string[]> {
  const rows = await queryRows<{ path: string }>(
    db,
    sql`select distinct o.path from plan_workplaces pw join organizations o on o.id = pw.organization_id
        where pw.plan_id = ${planId} and o.path like ${`${path}%`}`,
  );
  return rows.map((row) => row.path);
}

/** An organization's own expected report and those due to it from its children. */
export interface ReportingNode {
  organization: OrganizationNode;
  own: ExpectedReport;
  children: { organization: OrganizationNode; expected: ExpectedReport }[];
}

/**
 * Where an organization stands in the plan's reporting: 422 outside the plan's subtree, 422 when
 * no workplace of the plan lies under it (it has nothing to report), else its own report's
 * recipient and deadline and the reports due to it.
 */
export async function reportingNode(
  db: DbOrTx,
  reporting: ReportingPlan,
  organization: OrganizationNode,
): Promise<ReportingNode> {
  if (!isWithin(organization.path, reporting.issuer.path))
    throw new AppError('unprocessable', 'Tổ chức này không thuộc phạm vi của kế hoạch.');
  const children = await organizationsWhere(db, sql`o.parent_id = ${organization.id}`);
  const paths = await workplaceOrganizationPaths(db, reporting.plan.id, organization.path);
  const expected = expectedReports(
    reporting.issuer,
    [organization, ...children],
    paths,
    reporting.plan,
    reporting.derived,
  );
  const own = expected.find((report) => report.organizationId === organization.id);
  if (!own)
    throw new AppError(
      'unprocessable',
      'Tổ chức này không có cơ quan, đơn vị nào trong kế hoạch nên không phải báo cáo.',
    );
  return {
    organization,
    own,
    children: children.flatMap((child) => {
      const report = expected.find((candidate) => candidate.organizationId === child.id);
      return report ? [{ organization: child, expected: report }] : [];
    }),
  };
}
