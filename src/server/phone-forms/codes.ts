import { createHmac, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
  return createHmac('sha256', key).update(normalizedCode, 'utf8').digest('hex');
}

/** A fresh code from the operating system's cryptographic random source. */
export function newCode(): string {
  for (;;) {
    const code = codeFromBytes(randomBytes(32));
    if (code) return code;
  }
}
