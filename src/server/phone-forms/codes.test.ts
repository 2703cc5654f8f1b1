import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isWellFormedCode } from '../../domain/phone-codes.js';
import { testConfig } from '../config.js';
import { hashCode, loadCodeKey, newCode } from './codes.js';

describe('phone code key and hash', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('without FORM_CODE_SECRET creates a private key file once and reuses it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tpb-key-'));
    dirs.push(dir);
    const config = testConfig({ DATA_DIR: join(dir, 'data'), FORM_CODE_SECRET: undefined });
    const first = await loadCodeKey(config);
    expect(first.length).toBe(32);
    expect((await stat(join(dir, 'data', 'form-code.key'))).mode & 0o777).toBe(0o600);
    expect((await loadCodeKey(config)).equals(first)).toBe(true);
  });

  it('hashes with the key: another key gives another hash, and the code does not appear', () => {
    const code = newCode();
    expect(isWellFormedCode(code)).toBe(true);
    const one = hashCode(Buffer.from('k'.repeat(32)), code);
    expect(one).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode(Buffer.from('j'.repeat(32)), code)).not.toBe(one);
    expect(one).not.toContain(code.toLowerCase());
  });

  it('draws different codes', () => {
    expect(new Set(Array.from({ length: 500 }, newCode)).size).toBe(500);
  });
});
