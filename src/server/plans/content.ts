import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations, plans } from '../../db/schema/index.js';
import {
  deadlineIssues,
  PLAN_DEADLINES,
  type PlanDeadlines,
  parseManifestationList,
  planFullNumber,
} from '../../domain/plans.js';
import { AppError } from '../errors.js';
import type { PlanRow } from './access.js';

export function deadlinesOf(plan: PlanDeadlines): PlanDeadlines {
  return Object.fromEntries(PLAN_DEADLINES.map((field) => [field, plan[field]])) as PlanDeadlines;
}

/** Refuses deadlines out of order or, for a derived plan, later than the parent's; names each field. */
export function assertDeadlines(deadlines: PlanDeadlines, parent?: PlanDeadlines): void {
  const issues = deadlineIssues(deadlines, parent);
  if (issues.length === 0) return;
  throw new AppError(
    'bad_request',
    issues.map((issue) => issue.message).join(' '),
    issues.map((issue) => ({ path: `body.${issue.field}`, message: issue.message })),
  );
}

/** A pasted list wins over the array: the person chose to paste it. */
export function manifestationsFrom(fields: {
  manifestations?: string[];
  manifestationsText?: string;
}): string[] | undefined {
  if (fields.manifestationsText) return parseManifestationList(fields.manifestationsText);
  return fields.manifestations;
}

/** One organization gives a number once a year; saying which plan holds it beats the database's refusal. */
export async function assertNumberFree(
  db: DbOrTx,
  plan: Pick<PlanRow, 'organizationId' | 'year' | 'number' | 'symbol'>,
  exceptId?: string,
): Promise<void> {
  if (!plan.number) return;
  const [taken] = await db
    .select({ id: plans.id })
    .from(plans)
    .where(
      and(
        eq(plans.organizationId, plan.organizationId),
        eq(plans.year, plan.year),
        eq(plans.number, plan.number),
        exceptId ? ne(plans.id, exceptId) : undefined,
      ),
    );
  if (taken) {
    throw new AppError(
      'conflict',
      `Số ${planFullNumber(plan.number, plan.symbol)} năm ${plan.year} đã được dùng cho một kế hoạch khác.`,
      [{ path: 'body.number', message: 'Số kế hoạch đã được dùng.' }],
    );
  }
}

export async function parentDeadlines(db: DbOrTx, plan: PlanRow): Promise<PlanDeadlines | undefined> {
  if (!plan.parentPlanId) return undefined;
  const [parent] = await db.select().from(plans).where(eq(plans.id, plan.parentPlanId));
  return parent ? deadlinesOf(parent) : undefined;
}

/** Whether an organization directs open organizations of its own: only those derive a plan for them. */
export const hasChildOrganizations = sql<boolean>`exists (select 1 from organizations child
  where child.parent_id = ${organizations.id} and child.closed_at is null)`;
