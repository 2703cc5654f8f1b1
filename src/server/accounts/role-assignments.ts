import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { roleAssignments } from '../../db/schema/index.js';
import type { Role } from '../../domain/roles.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, notFound } from '../errors.js';
import { manageableAccount } from './access.js';
import { grantableOrganization } from './service.js';

export async function grantRole(
  db: Db,
  actor: Actor,
  accountId: string,
  grant: { role: Role; organizationId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const { homePath } = await manageableAccount(tx, actor, accountId);
    await grantableOrganization(tx, actor, grant.organizationId);
    const [existing] = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.accountId, accountId),
          eq(roleAssignments.role, grant.role),
          eq(roleAssignments.organizationId, grant.organizationId),
        ),
      );
    if (existing) throw new AppError('conflict', 'Tài khoản đã có vai trò này tại tổ chức này.');
    const [created] = await tx
      .insert(roleAssignments)
      .values({ accountId, ...grant })
      .returning({ id: roleAssignments.id });
    await recordAudit(tx, actor, {
      action: 'role.granted',
      targetType: 'account',
      targetId: accountId,
      organizationPath: homePath,
      changes: {
        role: { from: null, to: grant.role },
        organizationId: { from: null, to: grant.organizationId },
        assignmentId: { from: null, to: created!.id },
      },
    });
  });
}

export async function revokeRole(
  db: Db,
  actor: Actor,
  accountId: string,
  assignmentId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { homePath } = await manageableAccount(tx, actor, accountId);
    const [assignment] = await tx
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.accountId, accountId)));
    if (!assignment) throw notFound('vai trò này của tài khoản');
    if (accountId === actor.accountId && assignment.role === 'administrator') {
      const [held] = await tx
        .select({ n: count() })
        .from(roleAssignments)
        .where(and(eq(roleAssignments.accountId, accountId), eq(roleAssignments.role, 'administrator')));
      if ((held?.n ?? 0) <= 1) {
        throw new AppError(
          'conflict',
          'Bạn không thể bỏ vai trò quản trị cuối cùng của chính mình; hãy nhờ một quản trị viên khác.',
        );
      }
    }
    await tx.delete(roleAssignments).where(eq(roleAssignments.id, assignmentId));
    await recordAudit(tx, actor, {
      action: 'role.revoked',
      targetType: 'account',
      targetId: accountId,
      organizationPath: homePath,
      changes: {
        role: { from: assignment.role, to: null },
        organizationId: { from: assignment.organizationId, to: null },
        assignmentId: { from: assignment.id, to: null },
      },
    });
  });
}
