import { describe, expect, it } from 'vitest';
import { passwordWeakness } from './password-policy.js';

describe('password policy', () => {
  it.each([
    ['ngan1', 'ít nhất 8'],
    ['chiuy.vp-2026', 'tên đăng nhập'],
    ['chichuvamchu', 'chữ và số'],
    ['12345678901', 'chữ và số'],
  ])('refuses %j', (password, reason) => {
    expect(passwordWeakness(password, 'chiuy.vp')).toContain(reason);
  });

  it('accepts a long password with letters and digits, Vietnamese letters included', () => {
    expect(passwordWeakness('mậtkhẩu-2026', 'chiuy.vp')).toBeNull();
  });
});
