import { describe, expect, it } from 'vitest';
import { foldVietnamese, tidyName, toNfc } from './text.js';

describe('foldVietnamese', () => {
  it.each([
    ['Nguyễn Văn Tám', 'nguyen van tam'],
    ['ĐẢNG ỦY KHỐI', 'dang uy khoi'],
    ['Thạch Thị Sóc Khơ', 'thach thi soc kho'],
    ['  Lê   Hoàng  ', 'le hoang'],
    ['Nguyễn Văn Tám'.normalize('NFD'), 'nguyen van tam'],
    ['', ''],
  ])('%j folds to %j', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });
});

describe('NFC at the edge', () => {
  it('turns decomposed Vietnamese into composed characters', () => {
    const nfd = 'Phẩm chất đạo đức'.normalize('NFD');
    expect(nfd).not.toBe('Phẩm chất đạo đức'.normalize('NFC'));
    expect(toNfc(nfd)).toBe('Phẩm chất đạo đức'.normalize('NFC'));
  });

  it('tidies a name typed with stray spaces', () => {
    expect(tidyName('  Trần   Thị\tLan ')).toBe('Trần Thị Lan');
  });
});
