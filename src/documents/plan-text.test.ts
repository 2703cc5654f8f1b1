import { describe, expect, it } from 'vitest';
import { formatPlaceDate, formatShortDate, inlineRuns, punctuateRecipients } from './plan-text.js';

describe('formatPlaceDate', () => {
  it.each([
    ['2020-10-21', 'Trà Vinh, ngày 21 tháng 10 năm 2020'],
    ['2021-02-05', 'Trà Vinh, ngày 05 tháng 02 năm 2021'],
    ['2021-01-31', 'Trà Vinh, ngày 31 tháng 01 năm 2021'],
    ['2021-03-09', 'Trà Vinh, ngày 09 tháng 3 năm 2021'],
    [null, 'Trà Vinh, ngày ..... tháng ..... năm ........'],
  ])('writes %s as %s (leading zero for days below 10 and months 1 and 2)', (iso, expected) => {
    expect(formatPlaceDate('Trà Vinh', iso)).toBe(expected);
  });

  it('leaves dots for a place not yet entered', () => {
    expect(formatPlaceDate(' ', '2020-10-21')).toBe('.........., ngày 21 tháng 10 năm 2020');
  });
});

describe('formatShortDate', () => {
  it.each([
    ['2020-11-15', '15/11/2020'],
    ['2021-01-05', '05/01/2021'],
    [null, '..../..../........'],
  ])('writes %s as %s', (iso, expected) => {
    expect(formatShortDate(iso)).toBe(expected);
  });
});

describe('inlineRuns', () => {
  it.each([
    ['plain text', [{ text: 'plain text' }]],
    [
      'Tất cả (*biên chế*) đang',
      [{ text: 'Tất cả (' }, { text: 'biên chế', italic: true }, { text: ') đang' }],
    ],
    ['**Thời gian:** sáng', [{ text: 'Thời gian:', bold: true }, { text: ' sáng' }]],
    ['3 * 4 = 12', [{ text: '3 * 4 = 12' }]],
  ])('reads %s', (text, runs) => {
    expect(inlineRuns(text)).toEqual(runs);
  });
});

describe('punctuateRecipients', () => {
  it('starts each item with "- ", ends it with a comma and the last with a full stop', () => {
    expect(
      punctuateRecipients(['- Ban Tổ chức Tỉnh ủy (b/c),', 'Các chi bộ;', '', 'Lưu Văn phòng.']),
    ).toEqual(['- Ban Tổ chức Tỉnh ủy (b/c),', '- Các chi bộ,', '- Lưu Văn phòng.']);
  });
});
