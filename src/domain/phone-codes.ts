/** One-time codes of the anonymous phone form (issue 5, S6). Pure: no I/O, the caller brings the randomness. */

/** No 0/O, 1/I/L: a code read off a paper slip by a person on a phone is typed without guessing. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 10;
/** 31¹⁰ ≈ 2^49.5: guessing a code among a meeting's few hundred is hopeless under the throttle below. */
export const CODE_ENTROPY_BITS = CODE_LENGTH * Math.log2(CODE_ALPHABET.length);

/** Bytes at or above this are dropped so every character is equally likely (248 = 8 × 31). */
const UNBIASED_LIMIT = 256 - (256 % CODE_ALPHABET.length);

/**
 * A code from random bytes, using only the bytes below the unbiased limit; null when too few of
 * them were usable (the caller draws again).
 */
export function codeFromBytes(bytes: Uint8Array): string | null {
  let code = '';
  for (const byte of bytes) {
    if (byte >= UNBIASED_LIMIT) continue;
    code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    if (code.length === CODE_LENGTH) return code;
  }
  return null;
}

/** What a person typed, as the code it means: upper case, dashes and spaces dropped. */
export function normalizeCode(input: string): string {
  return input
    .normalize('NFC')
    .toUpperCase()
    .replace(/[\s-]+/g, '');
}

/** A normalized code of the right length and alphabet. */
export function isWellFormedCode(code: string): boolean {
  if (code.length !== CODE_LENGTH) return false;
  for (const char of code) if (!CODE_ALPHABET.includes(char)) return false;
  return true;
}

/** `ABCDEFGHJK` → `ABCDE-FGHJK`: two halves are easier to copy from a slip. */
export function formatCode(code: string): string {
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, half)}-${code.slice(half)}`;
}

/** The largest sheet printed at once; more are issued with another sheet. */
export const MAX_CODES_PER_SHEET = 500;

/** The form window may stay open at most this long after it is opened. */
export const MAX_FORM_WINDOW_MS = 3 * 24 * 60 * 60_000;
