import { describe, expect, it } from 'vitest';
import { type CompiledOpinion, compareOpinions, proposeGroups, similarity } from './compilation.js';

const opinion = (id: string, text: string, fields: Partial<CompiledOpinion> = {}): CompiledOpinion => ({
  id,
  selfCriticismId: 'a',
  area: 'duties',
  kind: 'shortcoming',
  text,
  ...fields,
});

describe('similarity', () => {
  it('ignores diacritics, case and punctuation', () => {
    expect(similarity('Giải quyết hồ sơ còn chậm.', 'giai quyet ho so con cham')).toBe(1);
  });
  it('is low for unrelated opinions', () => {
    expect(similarity('Giải quyết hồ sơ còn chậm', 'Lập trường chính trị vững vàng')).toBeLessThan(0.2);
  });
});

describe('proposeGroups', () => {
  it('groups near-duplicates about the same target, area and kind, and keeps every opinion', () => {
    const opinions = [
      opinion('1', 'Giải quyết hồ sơ của dân còn chậm'),
      opinion('2', 'Lập trường vững vàng', { kind: 'strength', area: 'politicalIdeology' }),
      opinion('3', 'Giải quyết hồ sơ của dân còn chậm trễ'),
      opinion('4', 'Giải quyết hồ sơ của dân còn chậm', { selfCriticismId: 'b' }),
      opinion('5', 'Hay đi muộn'),
    ];
    const groups = proposeGroups(opinions);
    expect(groups.map((group) => group.map((item) => item.id))).toEqual([['1', '3'], ['2'], ['4'], ['5']]);
    expect(groups.flat()).toHaveLength(opinions.length);
  });
});

describe('compareOpinions', () => {
  it('orders by target, then area, then kind', () => {
    const order = [null, 'a', 'b'];
    const sorted = [
      opinion('1', 'x', { selfCriticismId: 'b' }),
      opinion('2', 'x', { area: 'politicalIdeology', kind: 'shortcoming' }),
      opinion('3', 'x', { area: 'politicalIdeology', kind: 'strength' }),
      opinion('4', 'x', { selfCriticismId: null }),
    ].sort((a, b) => compareOpinions(a, b, order));
    expect(sorted.map((item) => item.id)).toEqual(['4', '3', '2', '1']);
  });
});
