import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { roleAssignments } from '../../db/schema/index.js';
import type { Role } from '../../domain/roles.js';
import { mustUseSecondFactor } from '../../domain/security-settings.js';
import { readSecuritySettings } from '../settings/security-settings.js';
import { hasSecondFactor } from './second-factor.js';

/** The settings require two-factor sign-in of one of the account's roles. */
export async function secondFactorRequired(db: DbOrTx, accountId: string): Promise<boolean> {
  const roles = await db
    .select({ role: roleAssignments.role })
    .from(roleAssignments)
    .where(eq(roleAssignments.accountId, accountId));
  return mustUseSecondFactor(
    roles.map((row) => row.role as Role),
    await readSecuritySettings(db),
  );
}

/** Required and not set up yet: the account may only open the set-up pages. */
export async function mustEnrollSecondFactor(db: DbOrTx, accountId: string): Promise<boolean> {
  return (await secondFactorRequired(db, accountId)) && !(await hasSecondFactor(db, accountId));
}
