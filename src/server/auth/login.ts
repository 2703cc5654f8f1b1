import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accounts, loginThrottles } from '../../db/schema/index.js';
import {
  ACCOUNT_THROTTLE,
  ADDRESS_THROTTLE,
  afterFailure,
  isLocked,
  type ThrottlePolicy,
  type ThrottleState,
} from '../../domain/login-throttle.js';
import { AppError } from '../errors.js';
import { verifyAgainstDummy, verifyPassword } from './passwords.js';

/** S4: one answer for a wrong password, an unknown account and a disabled one. */
const WRONG_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng.';
const LOCKED = 'Đăng nhập bị tạm khóa do nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.';

export function normalizeUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

/** Checks the credentials under the throttle and returns the account id; throws the same error for every failure. */
export async function authenticate(
  db: Db,
  rawUsername: string,
  password: string,
  address: string,
): Promise<string> {
  const username = normalizeUsername(rawUsername);
  const keys = { account: `account:${username}`, address: `address:${address}` };
  const now = new Date();
  const states = await readThrottles(db, [keys.account, keys.address]);
  if (isLocked(states.get(keys.account), now) || isLocked(states.get(keys.address), now)) {
    throw new AppError('too_many_requests', LOCKED);
  }
  const [account] = await db
    .select({ id: accounts.id, passwordHash: accounts.passwordHash, disabledAt: accounts.disabledAt })
    .from(accounts)
    .where(eq(accounts.username, username));
  const valid = account
    ? await verifyPassword(account.passwordHash, password)
    : await verifyAgainstDummy(password);
  if (!account || !valid || account.disabledAt) {
    await recordFailure(db, keys.account, states.get(keys.account), ACCOUNT_THROTTLE, now);
    await recordFailure(db, keys.address, states.get(keys.address), ADDRESS_THROTTLE, now);
    throw new AppError('unauthenticated', WRONG_CREDENTIALS);
  }
  await db.delete(loginThrottles).where(eq(loginThrottles.key, keys.account));
  return account.id;
}

async function readThrottles(db: Db, keys: string[]): Promise<Map<string, ThrottleState>> {
  const rows = await db.select().from(loginThrottles).where(inArray(loginThrottles.key, keys));
  return new Map(rows.map((row) => [row.key, row]));
}

async function recordFailure(
  db: Db,
  key: string,
  state: ThrottleState | undefined,
  policy: ThrottlePolicy,
  now: Date,
): Promise<void> {
  const next = afterFailure(state, policy, now);
  await db
    .insert(loginThrottles)
    .values({ key, ...next })
    .onConflictDoUpdate({ target: loginThrottles.key, set: next });
}
