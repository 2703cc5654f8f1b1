import { and, asc, count, desc, eq, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  SaveSelfCriticismBody,
  SelfCriticismDetail,
  UpdateHeaderBody,
} from '../../contract/self-criticisms.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { organizations, plans, selfCriticisms, workplaces } from '../../db/schema/index.js';
import {
  manifestationAnswerIssues,
  refusal,
  type SelfCriticismAction,
  type SelfCriticismStatus,
  statusAfter,
  submitIssues,
} from '../../domain/self-criticism.js';
import { type FieldChanges, recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, notFound, staleVersion } from '../errors.js';
import { determiningPlanId } from '../plans/plan-chain.js';
import {
  personOf,
  type ReportInReach,
  reportInReach,
  type SelfCriticismRow,
  STATUS_READERS,
} from './access.js';
import { presentDetail, presentStatus, reportFacts } from './presenter.js';
import { keepVersion, keepVersionOnSave, type VersionAction } from './versions.js';

const cell = alias(organizations, 'cell');
const workplaceOrganization = alias(organizations, 'workplace_organization');

export interface SelfCriticismFilter {
  planId?: string;
  workplaceId?: string;
  status?: SelfCriticismStatus;
  page: number;
  pageSize: number;
}

/** Reports the actor reaches: their own, and those of cells and workplaces under their officer roles. */
export async function listSelfCriticisms(db: Db, actor: Actor, filter: SelfCriticismFilter) {
  const personId = await personOf(db, actor);
  const roots = actor.scopeRoots(STATUS_READERS);
  const reach = [
    personId ? eq(selfCriticisms.personId, personId) : undefined,
    ...roots.flatMap((root) => [like(cell.path, `${root}%`), like(workplaceOrganization.path, `${root}%`)]),
  ].filter((condition): condition is SQL => condition !== undefined);
  if (reach.length === 0) return { items: [], total: 0, page: filter.page, pageSize: filter.pageSize };
  let planId: string | undefined;
  if (filter.planId) {
    const [plan] = await db.select().from(plans).where(eq(plans.id, filter.planId));
    if (!plan) throw notFound('kế hoạch');
    planId = await determiningPlanId(db, plan);
  }
  const where = and(
    or(...reach),
    planId ? eq(selfCriticisms.planId, planId) : undefined,
    filter.workplaceId ? eq(selfCriticisms.workplaceId, filter.workplaceId) : undefined,
    filter.status ? eq(selfCriticisms.status, filter.status) : undefined,
  );
  const [total] = await db
    .select({ total: count() })
    .from(selfCriticisms)
    .innerJoin(cell, eq(cell.id, selfCriticisms.cellId))
    .innerJoin(workplaces, eq(workplaces.id, selfCriticisms.workplaceId))
    .innerJoin(workplaceOrganization, eq(workplaceOrganization.id, workplaces.organizationId))
    .where(where);
  const rows = await db
    .select({
      report: selfCriticisms,
      cellPath: cell.path,
      workplaceOrganizationPath: workplaceOrganization.path,
    })
    .from(selfCriticisms)
    .innerJoin(cell, eq(cell.id, selfCriticisms.cellId))
    .innerJoin(workplaces, eq(workplaces.id, selfCriticisms.workplaceId))
    .innerJoin(workplaceOrganization, eq(workplaceOrganization.id, workplaces.organizationId))
    .where(where)
    .orderBy(asc(selfCriticisms.workplaceName), asc(selfCriticisms.fullName))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const atCell = (paths: string[]) =>
    actor.grants.some((grant) => grant.role === 'committee' && paths.includes(grant.organizationPath));
  return {
    items: rows.map((row) =>
      presentStatus(
        row.report,
        row.report.personId === personId || atCell([row.cellPath, row.workplaceOrganizationPath]),
      ),
    ),
    total: total?.total ?? 0,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/** The signed-in member's own reports, newest plan first. */
export async function listMine(db: Db, actor: Actor) {
  const personId = await personOf(db, actor);
  if (!personId) return { items: [] };
  const rows = await db
    .select()
    .from(selfCriticisms)
    .where(eq(selfCriticisms.personId, personId))
    .orderBy(desc(selfCriticisms.createdAt));
  return { items: rows.map((row) => presentStatus(row, true)) };
}

/**
 * One report. The first time its member reads it, opened_at is set: from then on it is no longer
 * "Chưa mở". A committee's read changes nothing, and the version and last save stay as they were.
 */
export async function getSelfCriticism(db: DbOrTx, actor: Actor, id: string): Promise<SelfCriticismDetail> {
  const reach = await reportInReach(db, actor, id);
  if (reach.capacity !== 'author' || reach.report.openedAt !== null) return presentDetail(reach);
  const [opened] = await db
    .update(selfCriticisms)
    .set({ openedAt: sql`coalesce(${selfCriticisms.openedAt}, now())` })
    .where(eq(selfCriticisms.id, id))
    .returning({ openedAt: selfCriticisms.openedAt });
  return presentDetail({ ...reach, report: { ...reach.report, openedAt: opened?.openedAt ?? new Date() } });
}

interface Change {
  set: Partial<typeof selfCriticisms.$inferInsert>;
  audit: FieldChanges;
  version: VersionAction | 'on-save';
}

/**
 * One write of a report in one transaction: lock, check the policy (403/409) and the version read,
 * apply, keep a version, audit. Audit entries name the changed fields only: the text is sensitive.
 */
async function writeReport(
  db: Db,
  actor: Actor,
  id: string,
  action: SelfCriticismAction,
  version: number,
  change: (reach: ReportInReach) => Change,
): Promise<SelfCriticismDetail> {
  return db.transaction(async (tx) => {
    await tx
      .select({ id: selfCriticisms.id })
      .from(selfCriticisms)
      .where(eq(selfCriticisms.id, id))
      .for('update');
    const reach = await reportInReach(tx, actor, id);
    const refused = refusal(action, reportFacts(reach.report), reach.capacity);
    if (refused) throw new AppError(refused.code, refused.message);
    if (reach.report.version !== version) throw staleVersion();
    const { set, audit, version: keep } = change(reach);
    const now = new Date();
    const from = reach.report.status as SelfCriticismStatus;
    const to = statusAfter(action, from);
    const [updated] = await tx
      .update(selfCriticisms)
      .set({
        ...set,
        status: to,
        version: version + 1,
        updatedAt: now,
        ...(reach.capacity === 'author' ? { openedAt: reach.report.openedAt ?? now } : {}),
      })
      .where(and(eq(selfCriticisms.id, id), eq(selfCriticisms.version, version)))
      .returning();
    if (!updated) throw staleVersion();
    if (keep === 'on-save') await keepVersionOnSave(tx, actor, updated, now);
    else await keepVersion(tx, actor, updated, keep);
    await recordAudit(tx, actor, {
      action: `self_criticism.${action}`,
      targetType: 'self_criticism',
      targetId: id,
      organizationPath: reach.cellPath,
      changes: { ...audit, ...(from === to ? {} : { status: { from, to } }) },
    });
    return presentDetail({ ...reach, report: updated });
  });
}

const named = (fields: string[]): FieldChanges =>
  Object.fromEntries(fields.map((field) => [field, { from: '***', to: '***' }]));

export function saveSelfCriticism(db: Db, actor: Actor, id: string, body: SaveSelfCriticismBody) {
  return writeReport(db, actor, id, 'save', body.version, ({ report, manifestations }) => {
    if (body.manifestationAnswer) {
      const issues = manifestationAnswerIssues(body.manifestationAnswer, manifestations.length);
      if (issues.length > 0) throw new AppError('bad_request', issues[0]!.message, issues);
    }
    const sections = Object.keys(body.content ?? {});
    return {
      set: {
        content: { ...report.content, ...body.content },
        ...(body.manifestationAnswer ? { manifestationAnswer: body.manifestationAnswer } : {}),
      },
      audit: named([
        ...sections.map((section) => `content.${section}`),
        ...(body.manifestationAnswer ? ['manifestationAnswer'] : []),
      ]),
      version: 'on-save',
    };
  });
}

export function submitSelfCriticism(db: Db, actor: Actor, id: string, version: number) {
  return writeReport(db, actor, id, 'submit', version, ({ report, manifestations }) => {
    const issues = submitIssues(report.content, report.manifestationAnswer, manifestations.length);
    if (issues.length > 0)
      throw new AppError('bad_request', 'Bản tự phê bình còn thiếu nội dung, chưa nộp được.', issues);
    return { set: { submittedAt: new Date(), returnReason: null }, audit: {}, version: 'submitted' };
  });
}

export function returnSelfCriticism(db: Db, actor: Actor, id: string, version: number, reason: string) {
  return writeReport(db, actor, id, 'return', version, () => ({
    set: { returnReason: reason },
    audit: named(['returnReason']),
    version: 'returned',
  }));
}

export function acceptSelfCriticism(db: Db, actor: Actor, id: string, version: number) {
  return writeReport(db, actor, id, 'accept', version, () => ({
    set: { acceptedAt: new Date() },
    audit: {},
    version: 'accepted',
  }));
}

export function commentSelfCriticism(db: Db, actor: Actor, id: string, version: number, comment: string) {
  return writeReport(db, actor, id, 'comment', version, () => ({
    set: { committeeComment: comment },
    audit: named(['committeeComment']),
    version: 'commented',
  }));
}

export function summarizeSelfCriticism(
  db: Db,
  actor: Actor,
  id: string,
  body: { version: number; duties: string; strengths: string; shortcomings: string },
) {
  const { version, ...summary } = body;
  return writeReport(db, actor, id, 'summarize', version, () => ({
    set: { summary },
    audit: named(['summary']),
    version: 'summarized',
  }));
}

export function updateHeader(db: Db, actor: Actor, id: string, body: UpdateHeaderBody) {
  const { version, ...fields } = body;
  return writeReport(db, actor, id, 'editHeader', version, ({ report }) => {
    const changed = Object.keys(fields).filter(
      (key) => fields[key as keyof typeof fields] !== report[key as keyof SelfCriticismRow],
    );
    return { set: fields, audit: named(changed), version: 'header' };
  });
}
