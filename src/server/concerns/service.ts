import { and, eq, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { concernMessages, concerns, organizations, plans } from '../../db/schema/index.js';
import { isWithin } from '../../domain/organization-path.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, forbidden, notFound, staleVersion } from '../errors.js';
import { organizationInScope } from '../organizations/access.js';
import { CONCERN_PARTIES, concernSideOf, statusAfterMessage } from './policy.js';
import { concernInScope } from './read.js';

const closedConcern = () =>
  new AppError('conflict', 'Khó khăn, vướng mắc này đã đóng, không gửi thêm ý kiến được.');

/** The plan (404), when the actor follows its issuer's subtree or part of it (403). */
async function planForConcern(db: DbOrTx, actor: Actor, planId: string) {
  const [row] = await db
    .select({ plan: plans, issuerPath: organizations.path })
    .from(plans)
    .innerJoin(organizations, eq(organizations.id, plans.organizationId))
    .where(eq(plans.id, planId));
  if (!row) throw notFound('kế hoạch');
  const related = actor
    .scopeRoots(CONCERN_PARTIES)
    .some((root) => isWithin(row.issuerPath, root) || isWithin(root, row.issuerPath));
  if (!related) throw forbidden();
  return row;
}

/** Issue 3: a committee raises a concern about a plan to the organization that issued it. */
export async function raiseConcern(
  db: Db,
  actor: Actor,
  planId: string,
  fields: { organizationId: string; subject: string; body: string },
): Promise<string> {
  return db.transaction(async (tx) => {
    const { plan, issuerPath } = await planForConcern(tx, actor, planId);
    const raiser = await organizationInScope(tx, actor, fields.organizationId, CONCERN_PARTIES);
    if (raiser.path === issuerPath || !isWithin(raiser.path, issuerPath))
      throw new AppError(
        'unprocessable',
        'Chỉ tổ chức trực thuộc phạm vi kế hoạch mới nêu khó khăn, vướng mắc với cấp ban hành kế hoạch.',
      );
    if (plan.status !== 'published')
      throw new AppError('conflict', 'Kế hoạch chưa ban hành, chưa nêu khó khăn, vướng mắc được.');
    const [created] = await tx
      .insert(concerns)
      .values({
        planId,
        raisedByOrganizationId: raiser.id,
        raisedByPath: raiser.path,
        subject: fields.subject,
        raisedBy: actor.accountId,
      })
      .returning({ id: concerns.id });
    await tx
      .insert(concernMessages)
      .values({ concernId: created!.id, accountId: actor.accountId, side: 'raiser', body: fields.body });
    await recordAudit(tx, actor, {
      action: 'concern.raised',
      targetType: 'concern',
      targetId: created!.id,
      organizationPath: raiser.path,
      changes: { planId: { from: null, to: planId }, subject: { from: null, to: fields.subject } },
    });
    return created!.id;
  });
}

/** An answer from the issuer's board or a follow-up from the raiser; the status follows the side. */
export async function addConcernMessage(db: Db, actor: Actor, id: string, body: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await concernInScope(tx, actor, id);
    const side = concernSideOf(actor, row.issuerPath, row.concern.raisedByPath);
    if (!side) throw forbidden();
    const status = statusAfterMessage(side);
    const [updated] = await tx
      .update(concerns)
      .set({ status, version: row.concern.version + 1, updatedAt: new Date() })
      .where(and(eq(concerns.id, id), ne(concerns.status, 'closed')))
      .returning({ id: concerns.id });
    if (!updated) throw closedConcern();
    await tx.insert(concernMessages).values({ concernId: id, accountId: actor.accountId, side, body });
    await recordAudit(tx, actor, {
      action: side === 'issuer' ? 'concern.answered' : 'concern.replied',
      targetType: 'concern',
      targetId: id,
      organizationPath: row.concern.raisedByPath,
      changes: { status: { from: row.concern.status, to: status } },
    });
  });
}

/** Either side closes the thread once it is settled. */
export async function closeConcern(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await concernInScope(tx, actor, id);
    if (!concernSideOf(actor, row.issuerPath, row.concern.raisedByPath)) throw forbidden();
    if (row.concern.status === 'closed') throw new AppError('conflict', 'Khó khăn, vướng mắc này đã đóng.');
    const [updated] = await tx
      .update(concerns)
      .set({ status: 'closed', closedAt: new Date(), version: version + 1, updatedAt: new Date() })
      .where(and(eq(concerns.id, id), eq(concerns.version, version), ne(concerns.status, 'closed')))
      .returning({ id: concerns.id });
    if (!updated) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'concern.closed',
      targetType: 'concern',
      targetId: id,
      organizationPath: row.concern.raisedByPath,
      changes: { status: { from: row.concern.status, to: 'closed' } },
    });
  });
}
