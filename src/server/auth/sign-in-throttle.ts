import { eq, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { signInThrottles } from '../../db/schema/index.js';
import {
  ADDRESS_DELAYS,
  afterFailure,
  type DelayPolicy,
  type DelayState,
  describeWait,
  waitBeforeAttempt,
} from '../../domain/sign-in-throttle.js';
import { AppError } from '../errors.js';

const NEVER = new Date(0);

/**
 * Claims the right to judge one try under `key`, counting it as a failure in advance (it is
 * forgiven when the try succeeds). The row is locked while it is read and written, so parallel
 * tries cannot slip through one opening: every instance of the app shares the same rows.
 */
export async function claimAttempt(db: Db, key: string, policy: DelayPolicy, now: Date): Promise<void> {
  const waitMs = await db.transaction(async (tx) => {
    await tx
      .insert(signInThrottles)
      .values({ key, failures: 0, lastFailureAt: NEVER, nextAttemptAt: NEVER })
      .onConflictDoNothing();
    const [state] = await tx.select().from(signInThrottles).where(eq(signInThrottles.key, key)).for('update');
    const wait = waitBeforeAttempt(state, now);
    if (wait === 0) await writeState(tx, key, afterFailure(state, policy, now));
    return wait;
  });
  if (waitMs > 0) throw tooSoon(waitMs);
}

/** A try that succeeded: its key starts afresh. */
export async function forgiveAttempts(db: DbOrTx, key: string): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
}

/** The address check only reads: many colleagues signing in at once from one office never queue on a lock. */
export async function assertAddressMayTry(db: Db, address: string, now: Date): Promise<void> {
  const [state] = await db
    .select()
    .from(signInThrottles)
    .where(eq(signInThrottles.key, addressKey(address)));
  const wait = waitBeforeAttempt(state, now);
  if (wait > 0) throw tooSoon(wait);
}

export async function recordAddressFailure(db: Db, address: string, now: Date): Promise<void> {
  const key = addressKey(address);
  await db.transaction(async (tx) => {
    const [state] = await tx.select().from(signInThrottles).where(eq(signInThrottles.key, key)).for('update');
    await writeState(tx, key, afterFailure(state, ADDRESS_DELAYS, now));
  });
}

/** Rows whose failures are forgotten anyway (addresses are personal data: kept no longer than needed). */
export async function purgeForgottenThrottles(db: DbOrTx, now: Date): Promise<void> {
  const horizon = new Date(now.getTime() - 24 * 3_600_000);
  await db.delete(signInThrottles).where(lt(signInThrottles.lastFailureAt, horizon));
}

export const accountKey = (username: string) => `account:${username}`;
export const deviceKey = (accountId: string, deviceHash: string) => `device:${accountId}:${deviceHash}`;
const addressKey = (address: string) => `address:${address}`;

async function writeState(db: DbOrTx, key: string, state: DelayState): Promise<void> {
  await db
    .insert(signInThrottles)
    .values({ key, ...state })
    .onConflictDoUpdate({
      target: signInThrottles.key,
      set: {
        failures: sql`excluded.failures`,
        lastFailureAt: sql`excluded.last_failure_at`,
        nextAttemptAt: sql`excluded.next_attempt_at`,
      },
    });
}

function tooSoon(waitMs: number): AppError {
  return new AppError(
    'too_many_requests',
    `Đã nhập sai nhiều lần. Vui lòng đợi ${describeWait(waitMs)} rồi thử lại.`,
    [],
    { retryAfterSeconds: Math.ceil(waitMs / 1000) },
  );
}
