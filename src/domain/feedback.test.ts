import { describe, expect, it } from 'vitest';
import { type FeedbackFormContent, isConsistentOpinion, opinionsOfForm } from './feedback.js';

const blank = (): FeedbackFormContent => ({
  strengths: { politicalIdeology: '', ethicsLifestyle: '', duties: '', discipline: '', remedying: '' },
  shortcomings: { politicalIdeology: '', ethicsLifestyle: '', duties: '', discipline: '', remedying: '' },
  proposals: '',
});

describe('opinionsOfForm', () => {
  it('gives nothing for an empty form', () => {
    expect(opinionsOfForm(blank())).toEqual([]);
  });

  it('keeps the filled areas in the seed order: strengths, shortcomings, proposals', () => {
    const form = blank();
    form.proposals = 'Tăng cường đối thoại.';
    form.shortcomings.duties = 'Giải quyết hồ sơ chậm.';
    form.strengths.politicalIdeology = 'Lập trường vững vàng.';
    form.strengths.discipline = '   ';
    expect(opinionsOfForm(form)).toEqual([
      { area: 'politicalIdeology', kind: 'strength', text: 'Lập trường vững vàng.' },
      { area: 'duties', kind: 'shortcoming', text: 'Giải quyết hồ sơ chậm.' },
      { area: 'proposals', kind: 'proposal', text: 'Tăng cường đối thoại.' },
    ]);
  });
});

describe('isConsistentOpinion', () => {
  it.each([
    ['duties', 'strength', true],
    ['duties', 'shortcoming', true],
    ['duties', 'proposal', false],
    ['proposals', 'proposal', true],
    ['proposals', 'strength', false],
  ] as const)('%s / %s → %s', (area, kind, expected) => {
    expect(isConsistentOpinion(area, kind)).toBe(expected);
  });
});
