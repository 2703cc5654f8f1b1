import { createHash, randomInt } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import type { Db, DbOrTx } from '../../db/client.js';
import { recoveryCodes, totpCredentials } from '../../db/schema/index.js';
import { AppError } from '../errors.js';

/** S4: time-based one-time passwords (RFC 6238) as every authenticator app reads them. */
const ISSUER = 'Tự phê bình';
const PERIOD_SECONDS = 30;
/** A code from the step before or after is accepted too: phones' clocks drift. */
const WINDOW = 1;
const RECOVERY_CODE_COUNT = 10;
/** Easy to read aloud and to type: no 0/O, 1/l/I. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

const totpFor = (secret: string, username: string) =>
  new OTPAuth.TOTP({
    issuer: ISSUER,
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: OTPAuth.Secret.fromBase32(secret),
  });

export interface SecondFactorStatus {
  enabled: boolean;
  recoveryCodesLeft: number;
}

export async function secondFactorStatus(db: DbOrTx, accountId: string): Promise<SecondFactorStatus> {
  const [credential] = await db
    .select({ confirmedAt: totpCredentials.confirmedAt })
    .from(totpCredentials)
    .where(eq(totpCredentials.accountId, accountId));
  const codes = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.accountId, accountId), isNull(recoveryCodes.usedAt)));
  return { enabled: Boolean(credential?.confirmedAt), recoveryCodesLeft: codes.length };
}

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

/** A new key waiting for its first code; an enabled one is never replaced this way. */
export async function startEnrolment(db: Db, accountId: string, username: string): Promise<Enrolment> {
  if ((await secondFactorStatus(db, accountId)).enabled) throw alreadyEnabled();
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await db
    .insert(totpCredentials)
    .values({ accountId, secret })
    .onConflictDoUpdate({ target: totpCredentials.accountId, set: { secret, lastUsedStep: null } });
  const otpauthUri = totpFor(secret, username).toString();
  const { default: QRCode } = await import('qrcode');
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri, qrSvg };
}

/** The first code proves the app holds the key: two-factor sign-in is on, and the recovery codes are made. */
export async function confirmEnrolment(
  db: Db,
  accountId: string,
  username: string,
  code: string,
  now: Date,
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const [credential] = await tx
      .select()
      .from(totpCredentials)
      .where(eq(totpCredentials.accountId, accountId))
      .for('update');
    if (!credential) throw new AppError('conflict', 'Hãy bắt đầu lại việc bật xác thực hai lớp.');
    if (credential.confirmedAt) throw alreadyEnabled();
    const step = matchingStep(credential.secret, username, code, now);
    if (step === null) throw wrongCode('body.code');
    await tx
      .update(totpCredentials)
      .set({ confirmedAt: now, lastUsedStep: step })
      .where(eq(totpCredentials.accountId, accountId));
    return replaceRecoveryCodes(tx, accountId, now);
  });
}

export async function regenerateRecoveryCodes(db: Db, accountId: string, now: Date): Promise<string[]> {
  if (!(await secondFactorStatus(db, accountId)).enabled) {
    throw new AppError('conflict', 'Tài khoản chưa bật xác thực hai lớp.');
  }
  return db.transaction((tx) => replaceRecoveryCodes(tx, accountId, now));
}

export async function removeSecondFactor(db: DbOrTx, accountId: string): Promise<void> {
  await db.delete(totpCredentials).where(eq(totpCredentials.accountId, accountId));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId));
}

/**
 * A code typed at sign-in: a current app code, each accepted once (replaying one seen over a
 * shoulder fails), or an unused recovery code, which is then spent.
 */
export async function verifySecondFactor(
  db: Db,
  accountId: string,
  username: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const [credential] = await db
    .select()
    .from(totpCredentials)
    .where(eq(totpCredentials.accountId, accountId));
  if (!credential?.confirmedAt) return false;
  const step = matchingStep(credential.secret, username, code, now);
  if (step !== null) {
    const used = await db
      .update(totpCredentials)
      .set({ lastUsedStep: step })
      .where(
        and(
          eq(totpCredentials.accountId, accountId),
          or(isNull(totpCredentials.lastUsedStep), lt(totpCredentials.lastUsedStep, step)),
        ),
      )
      .returning({ accountId: totpCredentials.accountId });
    return used.length === 1;
  }
  const spent = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.accountId, accountId),
        eq(recoveryCodes.codeHash, recoveryHash(code)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return spent.length === 1;
}

export async function hasSecondFactor(db: DbOrTx, accountId: string): Promise<boolean> {
  return (await secondFactorStatus(db, accountId)).enabled;
}

/** The 30-second step the code belongs to, or null when it is no code of this key near `now`. */
function matchingStep(secret: string, username: string, code: string, now: Date): number | null {
  const digits = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(digits)) return null;
  const delta = totpFor(secret, username).validate({
    token: digits,
    timestamp: now.getTime(),
    window: WINDOW,
  });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

async function replaceRecoveryCodes(db: DbOrTx, accountId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId));
  await db
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ accountId, codeHash: recoveryHash(code), createdAt: now })));
  return codes;
}

/** 12 characters of a 31-letter alphabet (about 59 bits): a plain hash is enough against guessing. */
function newRecoveryCode(): string {
  const letters = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${letters.slice(0, 4).join('')}-${letters.slice(4, 8).join('')}-${letters.slice(8).join('')}`;
}

const recoveryHash = (code: string) =>
  createHash('sha256')
    .update(code.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .digest('hex');

const alreadyEnabled = () => new AppError('conflict', 'Xác thực hai lớp đã được bật cho tài khoản này.');

export const wrongCode = (path: string) =>
  new AppError('bad_request', 'Mã xác thực không đúng hoặc đã hết hạn.', [
    { path, message: 'Mã xác thực không đúng hoặc đã hết hạn.' },
  ]);
