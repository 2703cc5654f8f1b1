import { createHmac, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { settings } from '../../db/schema/index.js';
import { codeFromBytes } from '../../domain/phone-codes.js';
import type { Config } from '../config.js';

const KEY_FILE = 'form-code.key';

/**
 * S6: the key of the codes' keyed hash. FORM_CODE_SECRET when set; else a random key created once
 * in DATA_DIR and reused, so codes printed before a restart still work after it. Without the key
 * a copied database does not reveal which code is which (the alphabet is small enough to try all
 * codes against a plain hash).
 */
export async function loadCodeKey(config: Config): Promise<Buffer> {
  if (config.FORM_CODE_SECRET) return Buffer.from(config.FORM_CODE_SECRET, 'utf8');
  const path = join(config.DATA_DIR, KEY_FILE);
  try {
    const stored = Buffer.from((await readFile(path, 'utf8')).trim(), 'base64');
    if (stored.length >= 32) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  await mkdir(config.DATA_DIR, { recursive: true });
  // `wx`: two servers starting together must not each write their own key; the loser reads the winner's.
  try {
    await writeFile(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadCodeKey(config);
    throw error;
  }
  await chmod(path, 0o600);
  return key;
}

/** HMAC-SHA256(key, normalized code), hex: the only form in which a code is ever stored. */
export function hashCode(key: Buffer, normalizedCode: string): string {
  return createHmac('sha256', keyObject(key)).update(normalizedCode, 'utf8').digest('hex');
}

/** P1: the key imported once per key buffer, not on every hash (HMAC with a raw Buffer imports it each call). */
const keyObjects = new WeakMap<Buffer, KeyObject>();
function keyObject(key: Buffer): KeyObject {
  let made = keyObjects.get(key);
  if (!made) {
    made = createSecretKey(key);
    keyObjects.set(key, made);
  }
  return made;
}

/** A fresh code from the operating system's cryptographic random source. */
export function newCode(): string {
  for (;;) {
    const code = codeFromBytes(randomBytes(32));
    if (code) return code;
  }
}

/** The settings row that records which key the database's codes were made with. */
export const CODE_KEY_CHECK_SETTING = 'form-code-key-check';

export class CodeKeyMismatchError extends Error {}

/**
 * Several servers on one database must hash codes with the same key, or a code printed by one is
 * unknown to the other. The first server to start records a check value of its key (an HMAC of a
 * fixed text: it tells nothing about the key); a server whose key gives another value refuses to
 * start, saying what to do.
 */
export async function assertCodeKeyShared(db: Db, key: Buffer): Promise<void> {
  const check = createHmac('sha256', key).update('tuphebinh form-code key check', 'utf8').digest('hex');
  await db.insert(settings).values({ key: CODE_KEY_CHECK_SETTING, value: { check } }).onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, CODE_KEY_CHECK_SETTING));
  if ((row?.value as { check?: unknown } | undefined)?.check !== check) {
    throw new CodeKeyMismatchError(
      'khóa mã phiếu điện thoại của máy chủ này khác với khóa đã dùng cho cơ sở dữ liệu, nên mã đã in sẽ ' +
        'không dùng được ở máy chủ này. Khi nhiều máy chủ dùng chung một cơ sở dữ liệu, hãy đặt cùng một ' +
        'FORM_CODE_SECRET cho mọi máy chủ (hoặc chép cùng tệp DATA_DIR/form-code.key).',
    );
  }
}
