import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  CODE_ENTROPY_BITS,
  CODE_LENGTH,
  codeFromBytes,
  formatCode,
  isWellFormedCode,
  normalizeCode,
} from './phone-codes.js';

describe('phone codes', () => {
  it('use an alphabet without look-alike characters and carry at least 48 bits', () => {
    for (const char of '01OIL') expect(CODE_ALPHABET).not.toContain(char);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
    expect(CODE_ENTROPY_BITS).toBeGreaterThanOrEqual(48);
  });

  it.each([
    ['bytes all usable', Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 30]), '23456789AZ'],
    [
      'bytes over the unbiased limit are skipped',
      Uint8Array.from([248, 255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 31]),
      '23456789A2',
    ],
    ['too few usable bytes', Uint8Array.from([250, 251, 0]), null],
  ])('from %s', (_, bytes, expected) => {
    expect(codeFromBytes(bytes)).toBe(expected);
  });

  it.each([
    ['abcde-fghjk', 'ABCDEFGHJK'],
    [' ABCDE FGHJK ', 'ABCDEFGHJK'],
    ['ab-cd-ef-gh-jk', 'ABCDEFGHJK'],
  ])('normalizes %j', (input, expected) => {
    expect(normalizeCode(input)).toBe(expected);
  });

  it.each([
    ['ABCDEFGHJK', true],
    ['ABCDEFGHJ', false],
    ['ABCDEFGHJKM', false],
    ['ABCDEFGHJO', false],
    ['ABCDEFGH1K', false],
    ['ÀBCDEFGHJK', false],
  ])('%s well formed: %s', (code, expected) => {
    expect(isWellFormedCode(code)).toBe(expected);
  });

  it('is shown in two halves', () => {
    expect(formatCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
    expect(formatCode('ABCDEFGHJK').replace('-', '')).toHaveLength(CODE_LENGTH);
  });
});
