import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { settings } from '../../db/schema/index.js';
import { DEFAULT_SMALL_GROUP_THRESHOLD, SMALL_GROUP_THRESHOLD_LIMITS } from '../../domain/anonymity.js';

export const ANONYMITY_KEY = 'anonymity';

export interface AnonymitySettings {
  /** Below this many anonymous written forms about a member, the committee sees one merged list. */
  smallGroupThreshold: number;
}

export async function readAnonymitySettings(db: DbOrTx): Promise<AnonymitySettings & { version: number }> {
  const [row] = await db.select().from(settings).where(eq(settings.key, ANONYMITY_KEY));
  const value = (row?.value ?? {}) as Partial<AnonymitySettings>;
  const stored = value.smallGroupThreshold;
  const valid =
    typeof stored === 'number' &&
    Number.isInteger(stored) &&
    stored >= SMALL_GROUP_THRESHOLD_LIMITS.min &&
    stored <= SMALL_GROUP_THRESHOLD_LIMITS.max;
  return {
    smallGroupThreshold: valid ? stored : DEFAULT_SMALL_GROUP_THRESHOLD,
    version: row?.version ?? 1,
  };
}
