import { and, eq, sql } from 'drizzle-orm';
import type { CreateRemediationItemBody, RemediationItemView } from '../../contract/remediation.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { compilationPoints, compilations, remediationItems } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, forbidden, notFound, staleVersion } from '../errors.js';
import { itemForCommittee, planInReach } from './access.js';
import { loadItems, vietnamToday } from './read.js';

export const NO_COMPILATION_MESSAGE =
  'Buổi họp chưa có bản tổng hợp ý kiến: hãy tổng hợp ý kiến trước khi lập kế hoạch khắc phục.';
export const POINT_NOT_ACCEPTED_MESSAGE = 'Chỉ lập việc khắc phục từ điểm tổng hợp đã được cấp ủy tiếp thu.';
export const POINT_OF_OTHER_MEETING_MESSAGE = 'Điểm tổng hợp này không thuộc buổi họp này.';

function assertDeadline(deadline: string): void {
  if (deadline < vietnamToday()) {
    throw new AppError('bad_request', 'Thời hạn khắc phục không được trước ngày hôm nay.', [
      { path: 'body.deadline', message: 'Thời hạn không được trước ngày hôm nay.' },
    ]);
  }
}

async function compilationOf(db: DbOrTx, meetingId: string) {
  const [row] = await db.select().from(compilations).where(eq(compilations.meetingId, meetingId));
  if (!row) throw new AppError('conflict', NO_COMPILATION_MESSAGE);
  return row;
}

/** Who answers for an item: the point's responsibility decides, else the organization (collective). */
async function responsibleFor(
  db: DbOrTx,
  compilationId: string,
  organizationId: string,
  body: CreateRemediationItemBody,
) {
  if (!body.pointId) {
    if (body.responsibleKind !== 'organization') {
      throw new AppError(
        'bad_request',
        'Hãy chọn điểm tổng hợp, hoặc ghi rõ đây là việc chung của tổ chức.',
        [{ path: 'body.pointId', message: 'Chưa chọn điểm tổng hợp.' }],
      );
    }
    return { pointId: null, responsibleKind: 'organization', responsibleOrganizationId: organizationId };
  }
  const [point] = await db.select().from(compilationPoints).where(eq(compilationPoints.id, body.pointId));
  if (!point || point.compilationId !== compilationId) {
    throw new AppError('bad_request', POINT_OF_OTHER_MEETING_MESSAGE, [
      { path: 'body.pointId', message: POINT_OF_OTHER_MEETING_MESSAGE },
    ]);
  }
  if (point.conclusion !== 'accepted') throw new AppError('conflict', POINT_NOT_ACCEPTED_MESSAGE);
  if (point.responsibility === 'individual' && point.responsibleSelfCriticismId) {
    return {
      pointId: point.id,
      responsibleKind: 'member',
      responsibleSelfCriticismId: point.responsibleSelfCriticismId,
    };
  }
  if (point.responsibility === 'collective') {
    return { pointId: point.id, responsibleKind: 'organization', responsibleOrganizationId: organizationId };
  }
  throw new AppError('conflict', 'Điểm tổng hợp chưa được phân loại trách nhiệm tập thể hay cá nhân.');
}

async function itemView(db: DbOrTx, itemId: string): Promise<RemediationItemView> {
  const [view] = await loadItems(db, eq(remediationItems.id, itemId));
  if (!view) throw notFound('việc khắc phục');
  return view;
}

export async function createItem(
  db: Db,
  actor: Actor,
  meetingId: string,
  body: CreateRemediationItemBody,
): Promise<RemediationItemView> {
  const found = await planInReach(db, actor, meetingId);
  if (found.capacity !== 'committee') throw forbidden();
  assertDeadline(body.deadline);
  return db.transaction(async (tx) => {
    const compilation = await compilationOf(tx, meetingId);
    const responsible = await responsibleFor(tx, compilation.id, found.meeting.organizationId, body);
    const [item] = await tx
      .insert(remediationItems)
      .values({
        compilationId: compilation.id,
        action: body.action,
        deadline: body.deadline,
        createdBy: actor.accountId,
        ...responsible,
      })
      .returning({ id: remediationItems.id });
    if (!item) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'remediation_item.create',
      targetType: 'remediation_item',
      targetId: item.id,
      organizationPath: found.organizationPath,
      changes: { deadline: { from: null, to: body.deadline } },
    });
    return itemView(tx, item.id);
  });
}

export async function updateItem(
  db: Db,
  actor: Actor,
  itemId: string,
  body: { version: number; action?: string; deadline?: string },
): Promise<RemediationItemView> {
  const found = await itemForCommittee(db, actor, itemId);
  if (body.deadline !== undefined && body.deadline !== found.item.deadline) assertDeadline(body.deadline);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(remediationItems)
      .set({
        ...(body.action !== undefined ? { action: body.action } : {}),
        ...(body.deadline !== undefined ? { deadline: body.deadline } : {}),
        version: sql`${remediationItems.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(remediationItems.id, itemId), eq(remediationItems.version, body.version)))
      .returning({ id: remediationItems.id });
    if (!updated) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'remediation_item.update',
      targetType: 'remediation_item',
      targetId: itemId,
      organizationPath: found.organizationPath,
      changes: { deadline: { from: found.item.deadline, to: body.deadline ?? found.item.deadline } },
    });
    return itemView(tx, itemId);
  });
}
