import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { accounts, organizations, roleAssignments } from '../db/schema/index.js';
import { childPath, depthOf } from '../domain/organization-path.js';
import type { Role } from '../domain/roles.js';
import { foldVietnamese } from '../domain/text.js';
import { hashPassword } from './auth/passwords.js';
import type { OrganizationFields } from './organizations/service.js';

/** A root organization: the only one without a parent, created at install time, not through the API. */
export async function createRootOrganization(db: Db, fields: OrganizationFields): Promise<string> {
  const id = crypto.randomUUID();
  const path = childPath(null, id);
  await db
    .insert(organizations)
    .values({ id, path, depth: depthOf(path), nameSearch: foldVietnamese(fields.name), ...fields });
  return id;
}

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
  homeOrganizationId: string;
  personId?: string | null;
  roles?: { role: Role; organizationId: string }[];
  mustChangePassword?: boolean;
}

/** Creates an account with its roles directly: for installation, the demo data and test fixtures. */
export async function insertAccount(db: Db, account: NewAccount): Promise<string> {
  const passwordHash = await hashPassword(account.password);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(accounts)
      .values({
        username: account.username.toLowerCase(),
        displayName: account.displayName,
        passwordHash,
        homeOrganizationId: account.homeOrganizationId,
        personId: account.personId ?? null,
        mustChangePassword: account.mustChangePassword ?? false,
      })
      .returning({ id: accounts.id });
    for (const grant of account.roles ?? []) {
      await tx.insert(roleAssignments).values({ accountId: created!.id, ...grant });
    }
    return created!.id;
  });
}

export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organizations);
  return (row?.n ?? 0) === 0;
}

/**
 * A server started on an empty database without the demo gets one root organization and one
 * administrator with a one-time password, printed once; the administrator must change it at first login.
 */
export async function bootstrapEmptyInstallation(db: Db): Promise<{ username: string; password: string }> {
  const rootId = await createRootOrganization(db, {
    kind: 'province',
    name: 'Tổ chức gốc (đổi tên sau khi đăng nhập)',
    shortName: '',
    headerSuperior: '',
    headerIssuer: '',
  });
  const password = `${randomBytes(9).toString('base64url')}7a`;
  const [existing] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.username, 'admin'));
  if (existing) throw new Error('account admin already exists in a database without organizations');
  await insertAccount(db, {
    username: 'admin',
    displayName: 'Quản trị hệ thống',
    password,
    homeOrganizationId: rootId,
    roles: [{ role: 'administrator', organizationId: rootId }],
    mustChangePassword: true,
  });
  return { username: 'admin', password };
}
