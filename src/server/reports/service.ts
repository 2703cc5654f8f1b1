import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ReportChildView, ReportDetail, ReportList, ReportNarrative } from '../../contract/reports.js';
import { type Db, type DbOrTx, queryRows } from '../../db/client.js';
import { accounts, reportReopenings, reports } from '../../db/schema/index.js';
import { isWithin } from '../../domain/organization-path.js';
import { vietnamToday } from '../../domain/progress.js';
import { addFigures, type ReportFigures, timeliness } from '../../domain/report-figures.js';
import {
  describeGaps,
  isUpwardReport,
  narrativeIssues,
  REPORT_STATE_LABELS,
  type ReportGaps,
  type ReportState,
  reportGaps,
  reportState,
} from '../../domain/reports.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, forbidden, notFound, staleVersion } from '../errors.js';
import { REPORT_SUBMITTED_MESSAGE } from '../http/error-handler.js';
import { setWorkplaceStatus } from '../plans/progress-rollup.js';
import { assertMayReadReport, assertMayWriteReport, mayWriteReport, REPORT_READERS } from './access.js';
import {
  type OrganizationNode,
  organizationById,
  type ReportingNode,
  type ReportingPlan,
  reportingNode,
  reportingPlan,
} from './context.js';
import { ownFigures, type PlacedWorkplaceFigures, subtreeFigures, workplaceFigures } from './figures.js';

type ReportRow = typeof reports.$inferSelect;

const organizationView = (organization: OrganizationNode) => ({
  id: organization.id,
  name: organization.name,
  kind: organization.kind,
});

const EMPTY_NARRATIVE: ReportNarrative = { results: '', strengths: '', limits: '', proposals: '' };

async function reportRows(db: DbOrTx, planId: string, organizationIds: string[]) {
  if (organizationIds.length === 0) return new Map<string, ReportRow>();
  const rows = await db
    .select()
    .from(reports)
    .where(and(eq(reports.planId, planId), inArray(reports.organizationId, organizationIds)));
  return new Map(rows.map((row) => [row.organizationId, row]));
}

const stateOf = (row: ReportRow | undefined, dueOn: string, today: string): ReportState =>
  reportState(
    { timeliness: (row?.timeliness as 'on_time' | 'late' | null) ?? null },
    row?.dueOn ?? dueOn,
    today,
  );

const figuresOfRow = (row: ReportRow | undefined, live: ReportFigures): ReportFigures =>
  row?.status === 'submitted' ? (row.figures as unknown as ReportFigures) : live;

/** The reports due to an organization, each with its state and figures (frozen when submitted). */
async function childViews(
  db: DbOrTx,
  reporting: ReportingPlan,
  node: ReportingNode,
  rows: readonly PlacedWorkplaceFigures[],
  today: string,
): Promise<{ views: ReportChildView[]; live: ReportFigures[] }> {
  const submitted = await reportRows(
    db,
    reporting.plan.id,
    node.children.map((child) => child.organization.id),
  );
  const live = node.children.map((child) => subtreeFigures(rows, child.organization.path));
  const views = node.children.map((child, index) => {
    const row = submitted.get(child.organization.id);
    return {
      reportId: row?.id ?? null,
      organization: organizationView(child.organization),
      dueOn: row?.status === 'submitted' ? row.dueOn : child.expected.dueOn,
      state: stateOf(row, child.expected.dueOn, today),
      submittedOn: row?.submittedOn ?? null,
      figures: figuresOfRow(row, live[index]!),
    };
  });
  return { views, live };
}

async function loadNode(db: DbOrTx, actor: Actor, planId: string, organizationId: string) {
  const reporting = await reportingPlan(db, planId);
  const organization = await organizationById(db, organizationId);
  assertMayReadReport(actor, organization.path);
  const node = await reportingNode(db, reporting, organization);
  return { reporting, node, upward: isUpwardReport(organization.id, reporting.plan) };
}

/** The draft is made the first time its own committee (or, upward, its board) opens it. */
async function ensureDraft(db: Db, reporting: ReportingPlan, node: ReportingNode): Promise<void> {
  await db
    .insert(reports)
    .values({
      planId: reporting.plan.id,
      organizationId: node.organization.id,
      recipientOrganizationId: node.own.recipientOrganizationId,
      dueOn: node.own.dueOn,
    })
    .onConflictDoNothing();
}

/**
 * An organization's report for a plan: recipient, deadline, narrative, figures (live while a
 * draft, frozen once submitted), the reports due to it with their states, and the sum check.
 */
export async function getReport(
  db: Db,
  actor: Actor,
  planId: string,
  organizationId: string,
  now = new Date(),
): Promise<ReportDetail> {
  const { reporting, node, upward } = await loadNode(db, actor, planId, organizationId);
  const writer = mayWriteReport(actor, node.organization.path, upward);
  let row = (await reportRows(db, reporting.plan.id, [node.organization.id])).get(node.organization.id);
  if (!row && writer) {
    await ensureDraft(db, reporting, node);
    row = (await reportRows(db, reporting.plan.id, [node.organization.id])).get(node.organization.id);
  }
  return presentReport(db, actor, reporting, node, row, writer, now);
}

async function presentReport(
  db: DbOrTx,
  actor: Actor,
  reporting: ReportingPlan,
  node: ReportingNode,
  row: ReportRow | undefined,
  writer: boolean,
  now: Date,
): Promise<ReportDetail> {
  const today = vietnamToday(now);
  const rows = await workplaceFigures(db, reporting.plan.id, node.organization.path, now);
  const live = subtreeFigures(rows, node.organization.path);
  const own = ownFigures(rows, node.organization.id);
  const children = await childViews(db, reporting, node, rows, today);
  const summed = children.live.reduce(addFigures, own);
  const recipientId = node.own.recipientOrganizationId;
  const recipient = recipientId ? await organizationById(db, recipientId) : null;
  const submitted = row?.status === 'submitted';
  const gaps = submitted
    ? ((row.gaps as unknown as ReportGaps | null) ?? null)
    : reportGaps(
        live,
        children.views.map((child) => ({
          name: child.organization.name,
          submitted: child.state === 'on_time' || child.state === 'late',
        })),
      );
  const reopenings = row ? await reopeningsOf(db, row.id) : [];
  return {
    id: row?.id ?? null,
    version: row?.version ?? null,
    plan: {
      id: reporting.plan.id,
      year: reporting.plan.year,
      title: reporting.plan.title,
      number: reporting.plan.number,
      symbol: reporting.plan.symbol,
    },
    organization: organizationView(node.organization),
    recipient: recipient ? organizationView(recipient) : null,
    dueOn: submitted ? row.dueOn : node.own.dueOn,
    status: submitted ? 'submitted' : 'draft',
    state: stateOf(row, node.own.dueOn, today),
    submittedAt: row?.submittedAt?.toISOString() ?? null,
    submittedOn: row?.submittedOn ?? null,
    narrative: row?.narrative ?? EMPTY_NARRATIVE,
    figures: figuresOfRow(row, live),
    ownWorkplaces: own,
    children: children.views,
    sumMatches: JSON.stringify(summed) === JSON.stringify(live),
    gaps: gaps ? { ...gaps, text: describeGaps(gaps) } : null,
    reopenings,
    permissions: {
      edit: writer && !!row && !submitted,
      submit: writer && !!row && !submitted,
      reopen: !!row && submitted && receives(actor, recipient?.path ?? null),
    },
  };
}

/** The receiving level: its committee or organization board reopens a report sent to it. */
function receives(actor: Actor, recipientPath: string | null): boolean {
  if (!recipientPath) return false;
  return actor.grants.some(
    (grant) =>
      (grant.role === 'committee' || grant.role === 'organization-board') &&
      grant.organizationPath === recipientPath,
  );
}

async function reopeningsOf(db: DbOrTx, reportId: string) {
  const rows = await db
    .select({
      sequence: reportReopenings.sequence,
      reason: reportReopenings.reason,
      reopenedAt: reportReopenings.reopenedAt,
      reopenedBy: accounts.displayName,
    })
    .from(reportReopenings)
    .innerJoin(accounts, eq(accounts.id, reportReopenings.reopenedBy))
    .where(eq(reportReopenings.reportId, reportId))
    .orderBy(reportReopenings.sequence);
  return rows.map((row) => ({ ...row, reopenedAt: row.reopenedAt.toISOString() }));
}

/** A report by id for writing: it exists (404), the actor reads it (403) and writes it (403), still a draft (409). */
async function reportForWriter(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  if (!row) throw notFound('báo cáo');
  const reporting = await reportingPlan(db, row.planId);
  const organization = await organizationById(db, row.organizationId);
  assertMayReadReport(actor, organization.path);
  const upward = isUpwardReport(organization.id, reporting.plan);
  assertMayWriteReport(actor, organization.path, upward);
  if (row.status === 'submitted') throw new AppError('conflict', REPORT_SUBMITTED_MESSAGE);
  return { row, reporting, organization };
}

export async function updateReport(
  db: Db,
  actor: Actor,
  id: string,
  body: { version: number; narrative: ReportNarrative },
  now = new Date(),
): Promise<ReportDetail> {
  const { row, reporting, organization } = await reportForWriter(db, actor, id);
  if (row.version !== body.version) throw staleVersion();
  const changed = (Object.keys(body.narrative) as (keyof ReportNarrative)[]).filter(
    (key) => body.narrative[key] !== row.narrative[key],
  );
  const [updated] = await db.transaction(async (tx) => {
    const result = await tx
      .update(reports)
      .set({ narrative: body.narrative, version: row.version + 1, updatedAt: now })
      .where(and(eq(reports.id, id), eq(reports.version, body.version)))
      .returning();
    if (result.length === 0) throw staleVersion();
    // Report text is the committee's assessment: the audit names the sections changed, never their text.
    await recordAudit(tx, actor, {
      action: 'report.narrative_updated',
      targetType: 'report',
      targetId: id,
      organizationPath: organization.path,
      changes: Object.fromEntries(changed.map((key) => [`narrative.${key}`, { from: '…', to: '…' }])),
    });
    return result;
  });
  return getReport(db, actor, reporting.plan.id, updated!.organizationId, now);
}

/**
 * Submits a report: its figures are frozen as they stand, the Vietnam day is compared with the
 * deadline, and the workplaces attached directly to the organization that are compiled move to
 * "reported" — all in one transaction. The database refuses any later change.
 */
export async function submitReport(
  db: Db,
  actor: Actor,
  id: string,
  body: { version: number; confirmGaps: boolean },
  now = new Date(),
): Promise<ReportDetail> {
  const { version } = body;
  const { row, reporting, organization } = await reportForWriter(db, actor, id);
  if (row.version !== version) throw staleVersion();
  const empty = narrativeIssues(row.narrative);
  if (empty.length > 0)
    throw new AppError(
      'bad_request',
      `Báo cáo chưa nộp được: ${empty.map((issue) => issue.message).join(' ')}`,
      empty.map((issue) => ({ path: `body.narrative.${issue.field}`, message: issue.message })),
    );
  const node = await reportingNode(db, reporting, organization);
  const submittedOn = vietnamToday(now);
  const result = timeliness(submittedOn, node.own.dueOn);
  await db.transaction(async (tx) => {
    const rows = await workplaceFigures(tx, reporting.plan.id, organization.path, now);
    const figures = subtreeFigures(rows, organization.path);
    const children = await childViews(tx, reporting, node, rows, submittedOn);
    const gaps = reportGaps(
      figures,
      children.views.map((child) => ({
        name: child.organization.name,
        submitted: child.state === 'on_time' || child.state === 'late',
      })),
    );
    if (gaps && !body.confirmGaps)
      throw new AppError(
        'conflict',
        `${describeGaps(gaps)} Nếu vẫn nộp, hãy xác nhận: báo cáo sẽ ghi rõ những điều còn thiếu này.`,
        [{ path: 'body.confirmGaps', message: describeGaps(gaps) }],
        { gaps },
      );
    const updated = await tx
      .update(reports)
      .set({
        status: 'submitted',
        figures: figures as unknown as Record<string, unknown>,
        dueOn: node.own.dueOn,
        recipientOrganizationId: node.own.recipientOrganizationId,
        submittedAt: now,
        submittedOn,
        submittedBy: actor.accountId,
        timeliness: result,
        gaps: gaps as unknown as Record<string, unknown> | null,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(and(eq(reports.id, id), eq(reports.version, version)))
      .returning({ id: reports.id });
    if (updated.length === 0) throw staleVersion();
    const compiled = await queryRows<{ workplace_id: string }>(
      tx,
      sql`select workplace_id from plan_workplaces
          where plan_id = ${reporting.plan.id} and organization_id = ${organization.id} and status = 'compiled'
          order by workplace_id`,
    );
    for (const workplace of compiled)
      await setWorkplaceStatus(tx, reporting.plan.id, workplace.workplace_id, 'reported');
    await recordAudit(tx, actor, {
      action: 'report.submitted',
      targetType: 'report',
      targetId: id,
      organizationPath: organization.path,
      changes: {
        status: { from: 'draft', to: 'submitted' },
        timeliness: { from: null, to: REPORT_STATE_LABELS[result] },
        reportedWorkplaces: { from: null, to: compiled.length },
        ...(gaps ? { gaps: { from: null, to: describeGaps(gaps) } } : {}),
      },
    });
  });
  return getReport(db, actor, reporting.plan.id, organization.id, now);
}

/**
 * Issue 11: the receiving level sends a submitted report back to draft with a reason; the submission
 * as it stood is kept (report_reopenings) and the database lets the report change only that way.
 */
export async function reopenReport(
  db: Db,
  actor: Actor,
  id: string,
  body: { version: number; reason: string },
  now = new Date(),
): Promise<ReportDetail> {
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  if (!row) throw notFound('báo cáo');
  const organization = await organizationById(db, row.organizationId);
  assertMayReadReport(actor, organization.path);
  const recipient = row.recipientOrganizationId
    ? await organizationById(db, row.recipientOrganizationId)
    : null;
  if (row.status !== 'submitted') throw new AppError('conflict', 'Báo cáo chưa nộp nên không cần mở lại.');
  if (!receives(actor, recipient?.path ?? null))
    throw new AppError(
      'forbidden',
      recipient
        ? `Chỉ cấp ủy hoặc ban tổ chức của ${recipient.name} (nơi nhận báo cáo) mới mở lại được báo cáo này.`
        : 'Báo cáo gửi lên cấp trên ngoài hệ thống: không mở lại được trong hệ thống.',
    );
  if (row.version !== body.version) throw staleVersion();
  const sequence = row.reopenCount + 1;
  await db.transaction(async (tx) => {
    await tx.insert(reportReopenings).values({
      reportId: id,
      sequence,
      reason: body.reason,
      reopenedBy: actor.accountId,
      submission: {
        narrative: row.narrative,
        figures: row.figures,
        gaps: row.gaps,
        dueOn: row.dueOn,
        submittedAt: row.submittedAt?.toISOString() ?? null,
        submittedOn: row.submittedOn,
        submittedBy: row.submittedBy,
        timeliness: row.timeliness,
      },
    });
    const updated = await tx
      .update(reports)
      .set({
        status: 'draft',
        figures: null,
        gaps: null,
        submittedAt: null,
        submittedOn: null,
        submittedBy: null,
        timeliness: null,
        reopenCount: sequence,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(and(eq(reports.id, id), eq(reports.version, body.version)))
      .returning({ id: reports.id });
    if (updated.length === 0) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'report.reopened',
      targetType: 'report',
      targetId: id,
      organizationPath: organization.path,
      changes: { status: { from: 'submitted', to: 'draft' }, reason: { from: null, to: body.reason } },
    });
  });
  const reporting = await reportingPlan(db, row.planId);
  return getReport(db, actor, reporting.plan.id, organization.id, now);
}

/** The receiving organization by default: the plan's issuer if the actor reaches it, else the actor's topmost organization in it. */
function defaultReceiverPath(actor: Actor, issuerPath: string): string {
  const roots = actor.scopeRoots(REPORT_READERS);
  if (roots.some((root) => isWithin(issuerPath, root))) return issuerPath;
  const inside = roots.filter((root) => isWithin(root, issuerPath)).sort((a, b) => a.length - b.length);
  if (!inside[0]) throw forbidden();
  return inside[0];
}

/** For a receiving level: the reports due to it, each in, late, missing or not yet due, with the counts. */
export async function listReports(
  db: Db,
  actor: Actor,
  planId: string,
  organizationId: string | undefined,
  now = new Date(),
): Promise<ReportList> {
  const reporting = await reportingPlan(db, planId);
  const receiver = organizationId
    ? await organizationById(db, organizationId)
    : await organizationByPath(db, defaultReceiverPath(actor, reporting.issuer.path));
  assertMayReadReport(actor, receiver.path);
  const node = await reportingNode(db, reporting, receiver);
  const rows = await workplaceFigures(db, reporting.plan.id, receiver.path, now);
  const { views } = await childViews(db, reporting, node, rows, vietnamToday(now));
  const counts = { on_time: 0, late: 0, missing: 0, not_yet_due: 0 } satisfies Record<ReportState, number>;
  for (const view of views) counts[view.state]++;
  return {
    plan: { id: reporting.plan.id, year: reporting.plan.year, title: reporting.plan.title },
    receiver: organizationView(receiver),
    items: views,
    counts,
  };
}

async function organizationByPath(db: DbOrTx, path: string): Promise<OrganizationNode> {
  const [row] = await queryRows<{ id: string }>(db, sql`select id from organizations where path = ${path}`);
  if (!row) throw notFound('tổ chức');
  return organizationById(db, row.id);
}

/** A report by id for reading (404, 403), with what its document needs: the organization's header and the plan's place. */
export async function reportById(db: Db, actor: Actor, id: string, now = new Date()) {
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  if (!row) throw notFound('báo cáo');
  const organization = await organizationById(db, row.organizationId);
  assertMayReadReport(actor, organization.path);
  const reporting = await reportingPlan(db, row.planId);
  const detail = await getReport(db, actor, row.planId, row.organizationId, now);
  return { detail, organization, place: reporting.plan.place };
}
