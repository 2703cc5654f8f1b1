import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations, workplaces } from '../../db/schema/index.js';
import type { Role } from '../../domain/roles.js';
import type { Actor } from '../auth/actor.js';
import { notFound } from '../errors.js';

export type WorkplaceRow = typeof workplaces.$inferSelect;

/** The workplace by id with its organization's path, when it exists (404) and a role reaches it (403). */
export async function workplaceInScope(
  db: DbOrTx,
  actor: Actor,
  id: string,
  roles: readonly Role[],
): Promise<{ workplace: WorkplaceRow; organizationPath: string; organizationName: string }> {
  const [row] = await db
    .select({
      workplace: workplaces,
      organizationPath: organizations.path,
      organizationName: organizations.name,
    })
    .from(workplaces)
    .innerJoin(organizations, eq(organizations.id, workplaces.organizationId))
    .where(eq(workplaces.id, id));
  if (!row) throw notFound('cơ quan, đơn vị');
  actor.assertReaches(roles, row.organizationPath);
  return row;
}
