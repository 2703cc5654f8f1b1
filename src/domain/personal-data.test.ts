import { describe, expect, it } from 'vitest';
import { erasableFrom, erasureRefusal } from './personal-data.js';

describe('personal data retention', () => {
  it.each([
    ['2024-03-15T03:00:00Z', 24, '2026-03-15'],
    // 20:00 UTC on 31 January is already 1 February in Vietnam.
    ['2024-01-31T20:00:00Z', 1, '2024-03-01'],
    ['2024-01-31T10:00:00Z', 1, '2024-02-29'],
    ['2025-08-31T10:00:00Z', 6, '2026-02-28'],
  ])('last involvement %s + %i months → erasable from %s', (last, months, expected) => {
    expect(erasableFrom(new Date(last), months)).toBe(expected);
  });

  const nonMember = {
    isPartyMember: false,
    erasedAt: null,
    lastInvolvementAt: new Date('2024-03-15T03:00:00Z'),
  };

  it.each([
    ['a non-member after the period', nonMember, '2026-03-14T17:00:00Z', null],
    ['a non-member the day before', nonMember, '2026-03-14T16:59:00Z', /từ ngày 15\/03\/2026/],
    ['a party member', { ...nonMember, isPartyMember: true }, '2030-01-01T00:00:00Z', /quần chúng/],
    [
      'data already erased',
      { ...nonMember, erasedAt: new Date('2026-04-01') },
      '2030-01-01T00:00:00Z',
      /đã được xóa/,
    ],
  ] as const)('%s', (_, subject, now, expected) => {
    const refusal = erasureRefusal(subject, 24, new Date(now));
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });
});
