import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { settings } from '../../db/schema/index.js';
import { DEFAULT_SECURITY, type SecuritySettings } from '../../domain/security-settings.js';

export const SECURITY_KEY = 'security';

export async function readSecuritySettings(db: DbOrTx): Promise<SecuritySettings & { version: number }> {
  const [row] = await db.select().from(settings).where(eq(settings.key, SECURITY_KEY));
  if (!row) return { ...DEFAULT_SECURITY, version: 1 };
  const value = row.value as Partial<SecuritySettings>;
  return {
    requireSecondFactorForOfficers:
      typeof value.requireSecondFactorForOfficers === 'boolean'
        ? value.requireSecondFactorForOfficers
        : DEFAULT_SECURITY.requireSecondFactorForOfficers,
    nonMemberRetentionMonths:
      typeof value.nonMemberRetentionMonths === 'number'
        ? value.nonMemberRetentionMonths
        : DEFAULT_SECURITY.nonMemberRetentionMonths,
    version: row.version,
  };
}
