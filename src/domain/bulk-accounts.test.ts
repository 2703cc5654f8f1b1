import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { oneTimePassword, usernameBase, usernameFor } from './bulk-accounts.js';
import { passwordWeakness } from './password-policy.js';

describe('bulk account rules', () => {
  it('makes usernames by the stated rule, numbering the taken ones', () => {
    expect(usernameBase('Nguyễn Văn Tám')).toBe('tamnv');
    expect(usernameBase('Đặng Thị Ánh Hồng')).toBe('hongdta');
    const taken = new Set(['tamnv']);
    expect(usernameFor('Nguyễn Văn Tám', taken)).toBe('tamnv2');
    expect(usernameFor('Ngô Văn Tám', taken)).toBe('tamnv3');
    expect(usernameFor('An', taken)).toBe('an1');
  });

  it('one-time passwords are 12 unambiguous characters with a letter and a digit, and pass the policy', () => {
    const seen = new Set<string>();
    for (let index = 0; index < 200; index++) {
      const password = oneTimePassword((size) => randomBytes(size));
      expect(password).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
      expect(passwordWeakness(password, 'tamnv')).toBeNull();
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });
});
