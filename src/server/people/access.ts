import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations, people, workplaces } from '../../db/schema/index.js';
import type { Role } from '../../domain/roles.js';
import type { Actor } from '../auth/actor.js';
import { notFound } from '../errors.js';

export type PersonRow = typeof people.$inferSelect;

/** The person by id when it exists (404) and a role reaches its workplace's organization (403). */
export async function personInScope(
  db: DbOrTx,
  actor: Actor,
  id: string,
  roles: readonly Role[],
): Promise<{ person: PersonRow; workplaceOrganizationPath: string }> {
  const [row] = await db
    .select({ person: people, workplaceOrganizationPath: organizations.path })
    .from(people)
    .innerJoin(workplaces, eq(workplaces.id, people.workplaceId))
    .innerJoin(organizations, eq(organizations.id, workplaces.organizationId))
    .where(eq(people.id, id));
  if (!row) throw notFound('người này');
  actor.assertReaches(roles, row.workplaceOrganizationPath);
  return row;
}

/** Serializes writers of one workplace's roster, so two of them never hand out the same new code. */
export async function lockWorkplaceRoster(db: DbOrTx, workplaceId: string): Promise<void> {
  await db.select({ id: workplaces.id }).from(workplaces).where(eq(workplaces.id, workplaceId)).for('update');
}
