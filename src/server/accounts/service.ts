import { and, eq, ne } from 'drizzle-orm';
import type { CreateAccountBody, UpdateAccountBody } from '../../contract/accounts.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { accounts, roleAssignments, sessions } from '../../db/schema/index.js';
import { passwordWeakness } from '../../domain/password-policy.js';
import { changedFields, createdFields, recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { hashPassword } from '../auth/passwords.js';
import { ADMINISTRATORS } from '../auth/roles.js';
import { hasSecondFactor, removeSecondFactor } from '../auth/second-factor.js';
import { accountKey, forgiveAttempts } from '../auth/sign-in-throttle.js';
import { forgetTrustedDevices } from '../auth/trusted-devices.js';
import { AppError, staleVersion } from '../errors.js';
import { organizationInScope } from '../organizations/access.js';
import { type AccountRow, assertPersonInReach, manageableAccount } from './access.js';

/** New accounts and reset passwords are temporary: the person must choose their own at first login. */
export async function createAccount(db: Db, actor: Actor, body: CreateAccountBody): Promise<AccountRow> {
  assertStrongPassword(body.password, body.username, 'body.password');
  const passwordHash = await hashPassword(body.password);
  return db.transaction(async (tx) => {
    const home = await organizationInScope(tx, actor, body.homeOrganizationId, ADMINISTRATORS);
    if (home.closedAt) throw new AppError('conflict', 'Không thể tạo tài khoản cho một tổ chức đã đóng.');
    await assertUsernameFree(tx, body.username);
    if (body.personId) await assertPersonFree(tx, actor, body.personId, null);
    const grants = uniqueGrants(body.roles);
    for (const grant of grants) await grantableOrganization(tx, actor, grant.organizationId);
    const [created] = await tx
      .insert(accounts)
      .values({
        username: body.username,
        displayName: body.displayName,
        passwordHash,
        homeOrganizationId: home.id,
        personId: body.personId ?? null,
        mustChangePassword: true,
      })
      .returning();
    for (const grant of grants) {
      await tx.insert(roleAssignments).values({ accountId: created!.id, ...grant });
    }
    await recordAudit(tx, actor, {
      action: 'account.created',
      targetType: 'account',
      targetId: created!.id,
      organizationPath: home.path,
      changes: createdFields({
        username: body.username,
        displayName: body.displayName,
        homeOrganizationId: home.id,
        personId: body.personId ?? null,
        roles: grants.length ? grants : undefined,
      }),
    });
    return created!;
  });
}

export async function updateAccount(
  db: Db,
  actor: Actor,
  id: string,
  { version, ...fields }: UpdateAccountBody,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { account: before, homePath } = await manageableAccount(tx, actor, id);
    if (fields.disabled && id === actor.accountId) {
      throw new AppError('bad_request', 'Bạn không thể tự khóa tài khoản của chính mình.', [
        { path: 'body.disabled', message: 'Bạn không thể tự khóa tài khoản của chính mình.' },
      ]);
    }
    if (fields.personId) await assertPersonFree(tx, actor, fields.personId, id);
    const disabledAt =
      fields.disabled === undefined ? undefined : fields.disabled ? (before.disabledAt ?? new Date()) : null;
    const [updated] = await tx
      .update(accounts)
      .set({
        displayName: fields.displayName,
        personId: fields.personId,
        disabledAt,
        version: version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(accounts.id, id), eq(accounts.version, version)))
      .returning();
    if (!updated) throw staleVersion();
    if (updated.disabledAt) await endSessions(tx, id);
    await recordAudit(tx, actor, {
      action: 'account.updated',
      targetType: 'account',
      targetId: id,
      organizationPath: homePath,
      changes: changedFields({ ...before, disabled: before.disabledAt !== null }, fields),
    });
  });
}

/** Sets a temporary password, ends every session of the account and lifts the delays of failed sign-ins. */
export async function resetPassword(db: Db, actor: Actor, id: string, newPassword: string): Promise<void> {
  if (id === actor.accountId) {
    throw new AppError('bad_request', 'Hãy đổi mật khẩu của chính mình ở mục "Đổi mật khẩu".');
  }
  const { account } = await manageableAccount(db, actor, id);
  assertStrongPassword(newPassword, account.username, 'body.newPassword');
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    const { account: before, homePath } = await manageableAccount(tx, actor, id);
    await tx
      .update(accounts)
      .set({ passwordHash, mustChangePassword: true, version: before.version + 1, updatedAt: new Date() })
      .where(eq(accounts.id, id));
    await endSessions(tx, id);
    await forgiveAttempts(tx, accountKey(before.username));
    await forgetTrustedDevices(tx, id);
    await recordAudit(tx, actor, {
      action: 'account.password_reset',
      targetType: 'account',
      targetId: id,
      organizationPath: homePath,
      changes: {
        password: { from: '***', to: '***' },
        mustChangePassword: { from: before.mustChangePassword, to: true },
      },
    });
  });
}

/** A lost phone: the administrator turns the account's two-factor sign-in off; it is set up again at the next sign-in. */
export async function resetSecondFactor(db: Db, actor: Actor, id: string): Promise<void> {
  if (id === actor.accountId) {
    throw new AppError(
      'bad_request',
      'Hãy quản lý xác thực hai lớp của chính mình ở mục "Bảo mật tài khoản".',
    );
  }
  await db.transaction(async (tx) => {
    const { homePath } = await manageableAccount(tx, actor, id);
    if (!(await hasSecondFactor(tx, id))) {
      throw new AppError('conflict', 'Tài khoản này chưa bật xác thực hai lớp.');
    }
    await removeSecondFactor(tx, id);
    await endSessions(tx, id);
    await recordAudit(tx, actor, {
      action: 'account.second_factor_reset',
      targetType: 'account',
      targetId: id,
      organizationPath: homePath,
      changes: { secondFactor: { from: true, to: false } },
    });
  });
}

function assertStrongPassword(password: string, username: string, path: string): void {
  const weakness = passwordWeakness(password, username);
  if (weakness) throw new AppError('bad_request', weakness, [{ path, message: weakness }]);
}

async function assertUsernameFree(db: DbOrTx, username: string): Promise<void> {
  const [taken] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
  if (taken) {
    throw new AppError('conflict', 'Tên đăng nhập đã được dùng.', [
      { path: 'body.username', message: 'Tên đăng nhập đã được dùng.' },
    ]);
  }
}

async function assertPersonFree(db: DbOrTx, actor: Actor, personId: string, accountId: string | null) {
  await assertPersonInReach(db, actor, personId);
  const [linked] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.personId, personId), accountId ? ne(accounts.id, accountId) : undefined));
  if (linked) {
    throw new AppError('conflict', 'Người này đã gắn với một tài khoản khác.', [
      { path: 'body.personId', message: 'Người này đã gắn với một tài khoản khác.' },
    ]);
  }
}

/** A role may be granted only on an open organization inside the administrator's subtree. */
export async function grantableOrganization(db: DbOrTx, actor: Actor, organizationId: string) {
  const organization = await organizationInScope(db, actor, organizationId, ADMINISTRATORS);
  if (organization.closedAt) {
    throw new AppError('conflict', 'Không thể giao vai trò tại một tổ chức đã đóng.');
  }
  return organization;
}

function uniqueGrants<T extends { role: string; organizationId: string }>(grants: T[]): T[] {
  const seen = new Set<string>();
  return grants.filter((grant) => {
    const key = `${grant.role}@${grant.organizationId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function endSessions(db: DbOrTx, accountId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.accountId, accountId));
}
