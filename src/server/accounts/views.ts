import { and, asc, count, eq, inArray, isNull, like, or, type SQL } from 'drizzle-orm';
import type { ListAccountsQuery } from '../../contract/accounts.js';
import type { DbOrTx } from '../../db/client.js';
import { accounts, organizations, roleAssignments } from '../../db/schema/index.js';
import type { Role } from '../../domain/roles.js';
import type { Actor } from '../auth/actor.js';
import { ADMINISTRATORS } from '../auth/roles.js';
import { forbidden } from '../errors.js';
import { organizationInScope } from '../organizations/access.js';
import type { AccountRow } from './access.js';
import { containsPattern, foldedColumn } from './folded-search.js';

export interface AccountRoleView {
  id: string;
  role: Role;
  organizationId: string;
  organizationName: string;
  organizationPath: string;
}

export interface AccountView {
  account: AccountRow;
  homeOrganizationName: string;
  homeOrganizationPath: string;
  roles: AccountRoleView[];
}

async function selectAccountViews(
  db: DbOrTx,
  where: SQL | undefined,
  page?: { limit: number; offset: number },
) {
  const query = db
    .select({
      account: accounts,
      homeOrganizationName: organizations.name,
      homeOrganizationPath: organizations.path,
    })
    .from(accounts)
    .innerJoin(organizations, eq(organizations.id, accounts.homeOrganizationId))
    .where(where)
    .orderBy(asc(accounts.username));
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  const ids = rows.map((row) => row.account.id);
  const grants = ids.length
    ? await db
        .select({
          accountId: roleAssignments.accountId,
          id: roleAssignments.id,
          role: roleAssignments.role,
          organizationId: organizations.id,
          organizationName: organizations.name,
          organizationPath: organizations.path,
        })
        .from(roleAssignments)
        .innerJoin(organizations, eq(organizations.id, roleAssignments.organizationId))
        .where(inArray(roleAssignments.accountId, ids))
        .orderBy(asc(organizations.depth), asc(organizations.name), asc(roleAssignments.role))
    : [];
  return rows.map(
    (row): AccountView => ({
      ...row,
      roles: grants
        .filter((grant) => grant.accountId === row.account.id)
        .map(({ accountId: _, ...grant }) => ({ ...grant, role: grant.role as Role })),
    }),
  );
}

export async function loadAccountView(db: DbOrTx, id: string): Promise<AccountView> {
  const [view] = await selectAccountViews(db, eq(accounts.id, id));
  return view!;
}

/** The accounts an administrator manages: home organization in their subtree, or in the chosen part of it. */
export async function listAccounts(
  db: DbOrTx,
  actor: Actor,
  query: ListAccountsQuery,
): Promise<{ items: AccountView[]; total: number }> {
  const where = and(
    await homeWithinReach(db, actor, query.organizationId),
    query.q.trim() ? matchesText(query.q) : undefined,
    query.includeDisabled === 'false' ? isNull(accounts.disabledAt) : undefined,
  );
  const [counted] = await db
    .select({ n: count() })
    .from(accounts)
    .innerJoin(organizations, eq(organizations.id, accounts.homeOrganizationId))
    .where(where);
  const items = await selectAccountViews(db, where, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items, total: counted?.n ?? 0 };
}

async function homeWithinReach(db: DbOrTx, actor: Actor, organizationId: string | undefined) {
  if (organizationId) {
    const organization = await organizationInScope(db, actor, organizationId, ADMINISTRATORS);
    return like(organizations.path, `${organization.path}%`);
  }
  const roots = actor.scopeRoots(ADMINISTRATORS);
  if (roots.length === 0) throw forbidden();
  return or(...roots.map((root) => like(organizations.path, `${root}%`)));
}

function matchesText(q: string): SQL | undefined {
  const pattern = containsPattern(q);
  return or(
    like(foldedColumn(accounts.username), pattern),
    like(foldedColumn(accounts.displayName), pattern),
  );
}
