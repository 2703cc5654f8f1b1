import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accounts } from '../../db/schema/index.js';
import { ACCOUNT_DELAYS } from '../../domain/sign-in-throttle.js';
import { AppError } from '../errors.js';
import { verifyAgainstDummy, verifyPassword } from './passwords.js';
import { hasSecondFactor, verifySecondFactor } from './second-factor.js';
import {
  accountKey,
  assertAddressMayTry,
  claimAttempt,
  deviceKey,
  forgiveAttempts,
  purgeForgottenThrottles,
  recordAddressFailure,
} from './sign-in-throttle.js';
import { deviceHash, isTrustedDevice } from './trusted-devices.js';

/** S4: one answer for a wrong password, an unknown account and a disabled one. */
const WRONG_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng.';
const CODE_NEEDED = 'Nhập mã xác thực 6 chữ số trên ứng dụng xác thực của điện thoại (hoặc một mã dự phòng).';
const WRONG_CODE = 'Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện trên ứng dụng.';

export function normalizeUsername(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

export interface Credentials {
  username: string;
  password: string;
  /** The authenticator app's code or a recovery code, when the account has two-factor sign-in. */
  code?: string;
  address: string;
  /** The browser's device cookie: a browser the account signed in on before is delayed on its own. */
  deviceToken?: string;
  /** The minutes' signatures check the password only: no session is opened. */
  passwordOnly?: boolean;
}

export interface Authenticated {
  accountId: string;
  deviceTrusted: boolean;
}

/**
 * Checks the credentials under the progressive delays and returns the account; every failure
 * throws the same answer whether the account exists or not. A try from a browser the account
 * signed in on before is delayed on its own key, so a stranger hammering the account name does
 * not keep its owner out; tries from elsewhere share the account name's key and the address's.
 */
export async function authenticate(db: Db, credentials: Credentials, now: Date): Promise<Authenticated> {
  const username = normalizeUsername(credentials.username);
  const [account] = await db
    .select({ id: accounts.id, passwordHash: accounts.passwordHash, disabledAt: accounts.disabledAt })
    .from(accounts)
    .where(eq(accounts.username, username));
  const { address, deviceToken } = credentials;
  const deviceTrusted = Boolean(
    account && deviceToken && (await isTrustedDevice(db, account.id, deviceToken)),
  );
  const key = deviceTrusted ? deviceKey(account!.id, deviceHash(deviceToken!)) : accountKey(username);
  if (!deviceTrusted) await assertAddressMayTry(db, address, now);
  await claimAttempt(db, key, ACCOUNT_DELAYS, now);
  const fail = async (error: AppError) => {
    if (!deviceTrusted) await recordAddressFailure(db, address, now);
    return error;
  };
  const valid = account
    ? await verifyPassword(account.passwordHash, credentials.password)
    : await verifyAgainstDummy(credentials.password);
  if (!account || !valid || account.disabledAt)
    throw await fail(new AppError('unauthenticated', WRONG_CREDENTIALS));
  if (!credentials.passwordOnly && (await hasSecondFactor(db, account.id))) {
    if (!credentials.code) {
      // The password was right: asking for the code is no failure.
      await forgiveAttempts(db, key);
      throw secondFactorNeeded(CODE_NEEDED);
    }
    if (!(await verifySecondFactor(db, account.id, username, credentials.code, now))) {
      throw await fail(secondFactorNeeded(WRONG_CODE));
    }
  }
  await forgiveAttempts(db, key);
  await purgeForgottenThrottles(db, now);
  return { accountId: account.id, deviceTrusted };
}

const secondFactorNeeded = (message: string) =>
  new AppError('second_factor_required', message, [{ path: 'body.code', message }]);
