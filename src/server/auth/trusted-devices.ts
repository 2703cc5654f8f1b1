import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { trustedDevices } from '../../db/schema/index.js';

/** A random id per browser, HttpOnly, kept a year: the browsers an account signed in on are known by it. */
export const DEVICE_COOKIE = 'tpb_device';
export const DEVICE_COOKIE_DAYS = 365;

export const newDeviceToken = () => randomBytes(32).toString('base64url');
export const deviceHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function isTrustedDevice(
  db: DbOrTx,
  accountId: string,
  token: string | undefined,
): Promise<boolean> {
  if (!token) return false;
  const [row] = await db
    .select({ accountId: trustedDevices.accountId })
    .from(trustedDevices)
    .where(and(eq(trustedDevices.accountId, accountId), eq(trustedDevices.deviceHash, deviceHash(token))));
  return Boolean(row);
}

/** After a successful sign-in: this browser is now one the account signed in on. */
export async function trustDevice(db: DbOrTx, accountId: string, token: string, now: Date): Promise<void> {
  await db
    .insert(trustedDevices)
    .values({ accountId, deviceHash: deviceHash(token), createdAt: now, lastUsedAt: now })
    .onConflictDoUpdate({
      target: [trustedDevices.accountId, trustedDevices.deviceHash],
      set: { lastUsedAt: now },
    });
  const horizon = new Date(now.getTime() - DEVICE_COOKIE_DAYS * 86_400_000);
  await db
    .delete(trustedDevices)
    .where(and(eq(trustedDevices.accountId, accountId), lt(trustedDevices.lastUsedAt, horizon)));
}

/** A new password, or "sign out everywhere": no other browser keeps the account's trust. */
export async function forgetTrustedDevices(db: DbOrTx, accountId: string, keepToken?: string): Promise<void> {
  await db
    .delete(trustedDevices)
    .where(
      and(
        eq(trustedDevices.accountId, accountId),
        keepToken ? ne(trustedDevices.deviceHash, deviceHash(keepToken)) : undefined,
      ),
    );
}
