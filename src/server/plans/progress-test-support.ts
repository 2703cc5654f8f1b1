import { and, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organizations, plans, planWorkplaces, workplaces } from '../../db/schema/index.js';
import { foldVietnamese } from '../../domain/text.js';
import { rebuildPlanProgress } from './progress-rollup.js';

export interface TestPlanOptions {
  title?: string;
  meetingsDueOn?: string;
  baseReportsDueOn?: string;
  upwardReportDueOn?: string;
  /** Workplaces to mark exempt instead of pending. */
  exempt?: readonly string[];
}

/** 2025, or the year after the issuer's last published plan: one published root plan a year. */
async function nextFreeYear(db: Db, issuerId: string): Promise<number> {
  const [row] = await db
    .select({ year: sql<number | null>`max(${plans.year})` })
    .from(plans)
    .where(and(eq(plans.organizationId, issuerId), eq(plans.status, 'published')));
  return row?.year == null ? 2025 : Number(row.year) + 1;
}

/**
 * A published plan of the organization, written straight to the tables the plans module fills
 * when it publishes: one plan_workplaces row per open workplace of the subtree, then the rollup.
 */
export async function insertPublishedPlan(
  db: Db,
  issuerId: string,
  options: TestPlanOptions = {},
): Promise<string> {
  const [issuer] = await db.select().from(organizations).where(eq(organizations.id, issuerId));
  const year = await nextFreeYear(db, issuerId);
  const [plan] = await db
    .insert(plans)
    .values({
      organizationId: issuerId,
      year,
      status: 'published',
      symbol: 'KH/ĐUK',
      title: options.title ?? `Kế hoạch tự phê bình và phê bình trước quần chúng năm ${year}`,
      meetingsDueOn: options.meetingsDueOn ?? '2099-10-31',
      baseReportsDueOn: options.baseReportsDueOn ?? '2099-11-15',
      upwardReportDueOn: options.upwardReportDueOn ?? '2099-11-30',
      publishedAt: new Date(),
    })
    .returning({ id: plans.id });
  const rows = await db
    .select({ workplaceId: workplaces.id, organizationId: organizations.id, path: organizations.path })
    .from(workplaces)
    .innerJoin(organizations, eq(organizations.id, workplaces.organizationId))
    .where(like(organizations.path, `${issuer!.path}%`));
  if (rows.length > 0) {
    await db.insert(planWorkplaces).values(
      rows.map((row) => {
        const exempt = options.exempt?.includes(row.workplaceId) ?? false;
        return {
          planId: plan!.id,
          workplaceId: row.workplaceId,
          organizationId: row.organizationId,
          organizationPath: row.path,
          countedMasses: exempt ? 2 : 8,
          allMasses: 10,
          threshold: 5,
          required: !exempt,
          status: exempt ? 'exempt' : 'pending',
        };
      }),
    );
  }
  await rebuildPlanProgress(db, plan!.id);
  return plan!.id;
}

/** More workplaces under an organization, straight into the table. */
export async function insertWorkplaces(db: Db, organizationId: string, count: number): Promise<string[]> {
  const names = Array.from(
    { length: count },
    (_, index) => `Phòng ${index + 1} của ${organizationId.slice(0, 4)}`,
  );
  const rows = await db
    .insert(workplaces)
    .values(names.map((name) => ({ organizationId, name, nameSearch: foldVietnamese(name) })))
    .returning({ id: workplaces.id });
  return rows.map((row) => row.id);
}

/** Sets a plan's deadlines, e.g. into the past to see lateness. */
export async function setPlanDeadlines(
  db: Db,
  planId: string,
  deadlines: { meetingsDueOn: string; baseReportsDueOn: string; upwardReportDueOn: string },
): Promise<void> {
  await db.execute(sql`update plans set meetings_due_on = ${deadlines.meetingsDueOn},
    base_reports_due_on = ${deadlines.baseReportsDueOn}, upward_report_due_on = ${deadlines.upwardReportDueOn}
    where id = ${planId}`);
}
