import { describe, expect, it } from 'vitest';
import { addFigures, type ReportFigures, sumWorkplaces, timeliness, zeroFigures } from './report-figures.js';

function figures(seed: number): ReportFigures {
  const value = zeroFigures();
  value.workplacesRequired = 1;
  value.workplacesHeld = seed % 2;
  value.membersSelfCriticized = seed;
  value.massesPresent = seed * 3;
  value.opinions = seed + 2;
  value.opinionsByChannel.oral = seed;
  value.opinionsByChannel.phone = 2;
  value.opinionsByArea.duties = seed + 2;
  value.opinionsByKind.shortcoming = seed + 2;
  value.remediationItems = seed;
  return value;
}

describe('report figures', () => {
  it('adds every figure and every breakdown', () => {
    const sum = addFigures(figures(3), figures(4));
    expect(sum.membersSelfCriticized).toBe(7);
    expect(sum.massesPresent).toBe(21);
    expect(sum.workplacesHeld).toBe(1);
    expect(sum.opinionsByChannel).toMatchObject({ oral: 7, phone: 4, paper: 0 });
    expect(sum.opinionsByArea.duties).toBe(11);
    expect(sum.opinionsByKind.shortcoming).toBe(11);
  });

  it('leaves its inputs alone', () => {
    const a = figures(1);
    addFigures(a, figures(2));
    expect(a).toEqual(figures(1));
  });

  it('sums a subtree from its workplaces, and a parent equals the sum of its parts', () => {
    const rows = Array.from({ length: 30 }, (_, index) => ({
      workplaceId: `w${index}`,
      figures: figures(index),
    }));
    const whole = sumWorkplaces(rows);
    const parts = [rows.slice(0, 7), rows.slice(7, 19), rows.slice(19)].map(sumWorkplaces);
    expect(parts.reduce(addFigures, zeroFigures())).toEqual(whole);
    expect(whole.membersSelfCriticized).toBe((29 * 30) / 2);
  });

  it('refuses to count a workplace twice', () => {
    expect(() =>
      sumWorkplaces([
        { workplaceId: 'w1', figures: figures(1) },
        { workplaceId: 'w1', figures: figures(1) },
      ]),
    ).toThrow(/counted twice/);
  });
});

describe('timeliness', () => {
  it.each([
    ['2026-11-19', 'on_time'],
    ['2026-11-20', 'on_time'],
    ['2026-11-21', 'late'],
  ] as const)('submitted %s against 20/11', (submittedOn, expected) => {
    expect(timeliness(submittedOn, '2026-11-20')).toBe(expected);
  });
});
