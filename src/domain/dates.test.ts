import { describe, expect, it } from 'vitest';
import { formatVietnameseDate, parseVietnameseDate } from './dates.js';

describe('Vietnamese dates', () => {
  it.each([
    ['21/10/2020', '2020-10-21'],
    ['1/2/1980', '1980-02-01'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2023', null],
    ['31/04/2020', null],
    ['2020-10-21', null],
    ['00/01/2020', null],
    ['15/13/2020', null],
    ['abc', null],
  ])('%s parses to %s', (text, iso) => {
    expect(parseVietnameseDate(text)).toBe(iso);
  });

  it.each([
    ['2020-11-15', '15/11/2020'],
    ['2020-11-30T10:00:00Z', '30/11/2020'],
  ])('%s is shown as %s', (iso, shown) => {
    expect(formatVietnameseDate(iso)).toBe(shown);
  });
});
