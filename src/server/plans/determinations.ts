import { and, asc, count, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PlanWorkplaceView } from '../../contract/plans.js';
import type { Db, DbOrTx } from '../../db/client.js';
import {
  accounts,
  organizations,
  planWorkplaces,
  selfCriticisms,
  workplaces,
} from '../../db/schema/index.js';
import {
  isDeterminationCorrectable,
  PLAN_WORKPLACE_STATUS_LABELS,
  type PlanWorkplaceStatus,
} from '../../domain/plans.js';
import type { SelfCriticismStatus } from '../../domain/self-criticism.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, forbidden, notFound, staleVersion } from '../errors.js';
import { organizationInScope } from '../organizations/access.js';
import { DETERMINATION_CORRECTORS, DETERMINATION_READERS, planInScope } from './access.js';
import { determiningPlanId } from './plan-chain.js';
import { moveWorkplaceInProgress } from './progress-rollup.js';

const correctedByAccount = alias(accounts, 'corrected_by_account');

const determinationColumns = {
  row: planWorkplaces,
  workplaceName: workplaces.name,
  organizationName: organizations.name,
  correctedBy: correctedByAccount.displayName,
};

type DeterminationRow = {
  row: typeof planWorkplaces.$inferSelect;
  workplaceName: string;
  organizationName: string;
  correctedBy: string | null;
};

type ReportCounts = PlanWorkplaceView['reports'];
const NO_REPORTS: ReportCounts = { total: 0, draft: 0, submitted: 0, returned: 0, accepted: 0 };

/** The reports of the listed workplaces by status, in one grouped query for the whole page. */
async function reportCountsByWorkplace(
  db: DbOrTx,
  planId: string,
  workplaceIds: string[],
): Promise<Map<string, ReportCounts>> {
  const counts = new Map<string, ReportCounts>();
  if (workplaceIds.length === 0) return counts;
  const rows = await db
    .select({ workplaceId: selfCriticisms.workplaceId, status: selfCriticisms.status, count: count() })
    .from(selfCriticisms)
    .where(and(eq(selfCriticisms.planId, planId), inArray(selfCriticisms.workplaceId, workplaceIds)))
    .groupBy(selfCriticisms.workplaceId, selfCriticisms.status);
  for (const row of rows) {
    const tally = counts.get(row.workplaceId) ?? { ...NO_REPORTS };
    tally.total += row.count;
    tally[row.status as SelfCriticismStatus] += row.count;
    counts.set(row.workplaceId, tally);
  }
  return counts;
}

function presentDetermination(
  actor: Actor,
  { row, ...names }: DeterminationRow,
  reports: ReportCounts = NO_REPORTS,
): PlanWorkplaceView {
  const status = row.status as PlanWorkplaceStatus;
  return {
    workplaceId: row.workplaceId,
    workplaceName: names.workplaceName,
    organizationId: row.organizationId,
    organizationName: names.organizationName,
    countedMasses: row.countedMasses,
    allMasses: row.allMasses,
    threshold: row.threshold,
    required: row.required,
    status,
    statusLabel: PLAN_WORKPLACE_STATUS_LABELS[status],
    correction:
      row.correctionReason && row.correctedAt
        ? {
            reason: row.correctionReason,
            correctedBy: names.correctedBy,
            correctedAt: row.correctedAt.toISOString(),
          }
        : null,
    canCorrect:
      isDeterminationCorrectable(status) && actor.reaches(DETERMINATION_CORRECTORS, row.organizationPath),
    version: row.version,
    reports,
  };
}

const selectDeterminations = (db: DbOrTx) =>
  db
    .select(determinationColumns)
    .from(planWorkplaces)
    .innerJoin(workplaces, eq(workplaces.id, planWorkplaces.workplaceId))
    .innerJoin(organizations, eq(organizations.id, planWorkplaces.organizationId))
    .leftJoin(correctedByAccount, eq(correctedByAccount.id, planWorkplaces.correctedBy));

export interface DeterminationFilter {
  organizationId?: string;
  status?: PlanWorkplaceStatus;
  required?: boolean;
  page: number;
  pageSize: number;
}

/** The determinations of a plan that the actor's officer roles reach, filtered and paged. */
export async function listDeterminations(db: Db, actor: Actor, planId: string, filter: DeterminationFilter) {
  const issued = await planInScope(db, actor, planId);
  const roots = actor.scopeRoots(DETERMINATION_READERS);
  if (roots.length === 0) throw forbidden();
  const underOrganization = filter.organizationId
    ? (await organizationInScope(db, actor, filter.organizationId, DETERMINATION_READERS)).path
    : issued.organizationPath;
  const determiningId = await determiningPlanId(db, issued.plan);
  const where = and(
    eq(planWorkplaces.planId, determiningId),
    like(planWorkplaces.organizationPath, `${issued.organizationPath}%`),
    like(planWorkplaces.organizationPath, `${underOrganization}%`),
    or(...roots.map((root) => like(planWorkplaces.organizationPath, `${root}%`))) as SQL,
    filter.status ? eq(planWorkplaces.status, filter.status) : undefined,
    filter.required === undefined ? undefined : eq(planWorkplaces.required, filter.required),
  );
  const [total] = await db.select({ total: count() }).from(planWorkplaces).where(where);
  const rows = await selectDeterminations(db)
    .where(where)
    .orderBy(asc(planWorkplaces.organizationPath), asc(workplaces.nameSearch))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const reports = await reportCountsByWorkplace(
    db,
    determiningId,
    rows.map(({ row }) => row.workplaceId),
  );
  return {
    items: rows.map((row) => presentDetermination(actor, row, reports.get(row.row.workplaceId))),
    total: total?.total ?? 0,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

export interface Correction {
  version: number;
  required: boolean;
  reason: string;
}

/**
 * DESIGN step 2: the committee corrects a wrong determination (e.g. the roster was wrong) with a
 * reason. The counted snapshot stays as it was published; only required/exempt flips.
 */
export async function correctDetermination(
  db: Db,
  actor: Actor,
  planId: string,
  workplaceId: string,
  correction: Correction,
): Promise<PlanWorkplaceView> {
  return db.transaction(async (tx) => {
    const issued = await planInScope(tx, actor, planId);
    const determiningId = await determiningPlanId(tx, issued.plan);
    const [row] = await tx
      .select()
      .from(planWorkplaces)
      .where(and(eq(planWorkplaces.planId, determiningId), eq(planWorkplaces.workplaceId, workplaceId)))
      .for('update');
    if (!row?.organizationPath.startsWith(issued.organizationPath))
      throw notFound('cơ quan, đơn vị trong kế hoạch');
    if (!actor.reaches(DETERMINATION_CORRECTORS, row.organizationPath)) throw forbidden();
    if (row.version !== correction.version) throw staleVersion();
    const from = row.status as PlanWorkplaceStatus;
    if (!isDeterminationCorrectable(from))
      throw new AppError(
        'conflict',
        'Cơ quan, đơn vị đã lên lịch họp: không thể điều chỉnh việc phải tổ chức hay không.',
      );
    if (row.required === correction.required)
      throw new AppError(
        'conflict',
        correction.required
          ? 'Cơ quan, đơn vị đã được xác định là phải tổ chức.'
          : 'Cơ quan, đơn vị đã được xác định là không phải tổ chức.',
      );
    const to: PlanWorkplaceStatus = correction.required ? 'pending' : 'exempt';
    await tx
      .update(planWorkplaces)
      .set({
        required: correction.required,
        status: to,
        correctionReason: correction.reason,
        correctedBy: actor.accountId,
        correctedAt: sql`now()`,
        statusChangedAt: sql`now()`,
        version: row.version + 1,
      })
      .where(and(eq(planWorkplaces.planId, determiningId), eq(planWorkplaces.workplaceId, workplaceId)));
    await moveWorkplaceInProgress(tx, determiningId, workplaceId, from, to);
    await recordAudit(tx, actor, {
      action: 'plan.determination_corrected',
      targetType: 'plan_workplace',
      targetId: `${determiningId}/${workplaceId}`,
      organizationPath: row.organizationPath,
      changes: {
        required: { from: row.required, to: correction.required },
        status: { from, to },
        reason: { from: row.correctionReason, to: correction.reason },
      },
    });
    const [updated] = await selectDeterminations(tx).where(
      and(eq(planWorkplaces.planId, determiningId), eq(planWorkplaces.workplaceId, workplaceId)),
    );
    const reports = await reportCountsByWorkplace(tx, determiningId, [workplaceId]);
    return presentDetermination(actor, updated!, reports.get(workplaceId));
  });
}
