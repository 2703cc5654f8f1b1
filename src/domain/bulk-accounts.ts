import { foldVietnamese } from './text.js';

/**
 * Issue 16: accounts issued in bulk. The username rule, stated to the administrator as it is:
 * the given name, then the first letters of the family and middle names, without marks
 * (Nguyễn Văn Tám → `tamnv`); when taken, the next free number is added (`tamnv2`, `tamnv3`, …).
 */
export const USERNAME_RULE =
  'Tên đăng nhập = tên + chữ cái đầu của họ và tên đệm, không dấu, chữ thường (Nguyễn Văn Tám → tamnv); trùng thì thêm số 2, 3, … (tamnv2).';

export function usernameBase(fullName: string): string {
  const words = foldVietnamese(fullName)
    .replace(/[^a-z0-9 ]/g, '')
    .split(' ')
    .filter(Boolean);
  const given = words.at(-1) ?? 'nguoi';
  const initials = words
    .slice(0, -1)
    .map((word) => word[0])
    .join('');
  return `${given}${initials}`.slice(0, 40) || 'nguoi';
}

/** The rule's username for a name, given every username already taken (and taken by it). */
export function usernameFor(fullName: string, taken: Set<string>): string {
  const base = usernameBase(fullName);
  let candidate = base.length >= 3 ? base : `${base}1`;
  for (let suffix = 2; taken.has(candidate); suffix++) candidate = `${base}${suffix}`;
  taken.add(candidate);
  return candidate;
}

/** Letters and digits nobody misreads on paper: no 0/o, 1/l/i. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A one-time password of 12 characters in groups of four (`k7mq-p4xa-9qaz`): about 59 bits, with
 * a letter and a digit always, so it meets the password policy; it is printed once and only its
 * hash is kept.
 */
export function oneTimePassword(randomBytes: (size: number) => Uint8Array): string {
  for (;;) {
    const bytes = randomBytes(12);
    const chars = Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]!).join('');
    if (/\d/.test(chars) && /[a-z]/.test(chars))
      return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  }
}
