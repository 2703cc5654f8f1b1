import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { settings } from '../../db/schema/index.js';
import { DEFAULT_ELIGIBILITY, type EligibilitySettings } from '../../domain/eligibility.js';
import { EMPLOYMENT_TYPES, type EmploymentType } from '../../domain/employment.js';

export const ELIGIBILITY_KEY = 'eligibility';

export async function readEligibilitySettings(
  db: DbOrTx,
): Promise<EligibilitySettings & { version: number }> {
  const [row] = await db.select().from(settings).where(eq(settings.key, ELIGIBILITY_KEY));
  if (!row) return { ...DEFAULT_ELIGIBILITY, version: 1 };
  const value = row.value as Partial<EligibilitySettings>;
  const types = (value.countedEmploymentTypes ?? []).filter((type): type is EmploymentType =>
    (EMPLOYMENT_TYPES as readonly string[]).includes(type),
  );
  return {
    threshold: typeof value.threshold === 'number' ? value.threshold : DEFAULT_ELIGIBILITY.threshold,
    countedEmploymentTypes: types.length ? types : DEFAULT_ELIGIBILITY.countedEmploymentTypes,
    version: row.version,
  };
}
