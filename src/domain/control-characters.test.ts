import { describe, expect, it } from 'vitest';
import { hasControlCharacters } from './control-characters.js';

describe('control characters', () => {
  it.each([
    ['a\u0000b', 'multiline', true],
    ['chuông\u0007', 'multiline', true],
    ['esc\u001b[31m', 'multiline', true],
    ['del\u007f', 'multiline', true],
    ['c1\u0085', 'multiline', true],
    ['\u000bdọc', 'multiline', true],
    ['dòng 1\ndòng 2', 'multiline', false],
    ['dòng 1\r\ndòng 2', 'multiline', false],
    ['cột\tcột', 'multiline', false],
    ['dòng 1\ndòng 2', 'single-line', true],
    ['cột\tcột', 'single-line', true],
    ['Nguyễn Văn Tám', 'single-line', false],
    ['\u200bẩn \u202eđảo', 'single-line', false],
    ['😀 Cán bộ', 'single-line', false],
  ] as const)('%j as %s → %s', (value, shape, expected) => {
    expect(hasControlCharacters(value, shape)).toBe(expected);
  });
});
