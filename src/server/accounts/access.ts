import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { accounts, organizations, people, roleAssignments, workplaces } from '../../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { ADMINISTRATORS } from '../auth/roles.js';
import { AppError, notFound } from '../errors.js';

export type AccountRow = typeof accounts.$inferSelect;

export interface ScopedAccount {
  account: AccountRow;
  homePath: string;
  grantPaths: string[];
}

/** An administrator reads the accounts whose home organization lies in their subtree (404 unknown, 403 outside). */
export async function accountInScope(db: DbOrTx, actor: Actor, id: string): Promise<ScopedAccount> {
  const [row] = await db
    .select({ account: accounts, homePath: organizations.path })
    .from(accounts)
    .innerJoin(organizations, eq(organizations.id, accounts.homeOrganizationId))
    .where(eq(accounts.id, id));
  if (!row) throw notFound('tài khoản');
  actor.assertReaches(ADMINISTRATORS, row.homePath);
  const grants = await db
    .select({ path: organizations.path })
    .from(roleAssignments)
    .innerJoin(organizations, eq(organizations.id, roleAssignments.organizationId))
    .where(eq(roleAssignments.accountId, id));
  return { ...row, grantPaths: grants.map((grant) => grant.path) };
}

/**
 * Changing an account is refused when it holds a role outside the administrator's subtree: resetting
 * its password would otherwise hand a lower administrator the powers of a higher one.
 */
export async function manageableAccount(db: DbOrTx, actor: Actor, id: string): Promise<ScopedAccount> {
  const scoped = await accountInScope(db, actor, id);
  if (scoped.grantPaths.some((path) => !actor.reaches(ADMINISTRATORS, path))) {
    throw new AppError(
      'forbidden',
      'Tài khoản này có vai trò ở tổ chức ngoài phạm vi quản trị của bạn; chỉ quản trị viên cấp trên được sửa.',
    );
  }
  return scoped;
}

/** An account may be linked only to a person on a roster the administrator keeps. */
export async function assertPersonInReach(db: DbOrTx, actor: Actor, personId: string): Promise<void> {
  const [row] = await db
    .select({ path: organizations.path })
    .from(people)
    .innerJoin(workplaces, eq(workplaces.id, people.workplaceId))
    .innerJoin(organizations, eq(organizations.id, workplaces.organizationId))
    .where(eq(people.id, personId));
  if (!row) throw notFound('người trong danh sách');
  actor.assertReaches(ADMINISTRATORS, row.path);
}
