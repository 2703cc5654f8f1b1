import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import type { Role } from '../../domain/roles.js';
import type { Actor } from '../auth/actor.js';
import { notFound } from '../errors.js';

export type OrganizationRow = typeof organizations.$inferSelect;

/** The organization by id, when it exists (404) and one of the roles reaches it (403). */
export async function organizationInScope(
  db: DbOrTx,
  actor: Actor,
  id: string,
  roles: readonly Role[],
): Promise<OrganizationRow> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  if (!row) throw notFound('tổ chức');
  actor.assertReaches(roles, row.path);
  return row;
}
