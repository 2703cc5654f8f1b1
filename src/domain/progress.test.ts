import { describe, expect, it } from 'vitest';
import { PLAN_WORKPLACE_STATUSES, type PlanWorkplaceStatus } from './plans.js';
import { checkStatusMove, countsDelta, countsOf, latenessOf, vietnamToday, ZERO_COUNTS } from './progress.js';

describe('status moves of a workplace in a plan', () => {
  it.each<[PlanWorkplaceStatus, PlanWorkplaceStatus, boolean]>([
    ['pending', 'scheduled', true],
    ['pending', 'reported', true],
    ['held', 'minutes_signed', true],
    ['held', 'scheduled', true],
    ['held', 'pending', false],
    ['reported', 'compiled', true],
    ['reported', 'pending', false],
    ['exempt', 'pending', true],
    ['pending', 'exempt', true],
    ['exempt', 'scheduled', false],
    ['scheduled', 'exempt', false],
    ['held', 'held', false],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    const check = checkStatusMove(from, to);
    expect(check.ok).toBe(allowed);
    if (!check.ok) expect(check.message).toMatch(/[ơưđạ]/);
  });
});

describe('what a workplace adds to its ancestors', () => {
  it('counts a workplace in every step it has reached', () => {
    expect(countsOf('held')).toEqual({
      ...ZERO_COUNTS,
      workplaces: 1,
      required: 1,
      scheduled: 1,
      held: 1,
    });
    expect(countsOf('exempt')).toEqual({ ...ZERO_COUNTS, workplaces: 1, exempt: 1 });
    expect(countsOf('pending')).toEqual({ ...ZERO_COUNTS, workplaces: 1, required: 1 });
  });

  it('moves the counters between two statuses, forward and back', () => {
    expect(countsDelta('pending', 'minutes_signed')).toEqual({
      ...ZERO_COUNTS,
      scheduled: 1,
      held: 1,
      minutesSigned: 1,
    });
    expect(countsDelta('compiled', 'minutes_signed')).toEqual({ ...ZERO_COUNTS, compiled: -1 });
    expect(countsDelta('exempt', 'pending')).toEqual({ ...ZERO_COUNTS, required: 1, exempt: -1 });
  });

  it('keeps every delta the difference of the two statuses', () => {
    for (const from of PLAN_WORKPLACE_STATUSES)
      for (const to of PLAN_WORKPLACE_STATUSES) {
        const delta = countsDelta(from, to);
        for (const key of Object.keys(delta) as (keyof typeof delta)[])
          expect(countsOf(from)[key] + delta[key]).toBe(countsOf(to)[key]);
      }
  });
});

describe('late and missing against the deadlines', () => {
  const deadlines = { meetingsDueOn: '2025-10-31', baseReportsDueOn: '2025-11-15' };
  const counts = { ...ZERO_COUNTS, workplaces: 3, required: 2, exempt: 1, scheduled: 1, held: 1 };

  it('is not late on the deadline day itself', () => {
    expect(latenessOf(counts, 'base', deadlines, '2025-10-31')).toEqual({
      lateMeetings: false,
      lateBaseReport: false,
      missing: false,
    });
  });

  it('is late for meetings the day after while a required meeting is not held', () => {
    expect(latenessOf(counts, 'cell', deadlines, '2025-11-01').lateMeetings).toBe(true);
    expect(latenessOf({ ...counts, held: 2 }, 'cell', deadlines, '2025-11-01').lateMeetings).toBe(false);
  });

  it('is late for the base report only for base organizations', () => {
    expect(latenessOf(counts, 'base', deadlines, '2025-11-16').lateBaseReport).toBe(true);
    expect(latenessOf(counts, 'base-cell', deadlines, '2025-11-16').lateBaseReport).toBe(true);
    expect(latenessOf(counts, 'cell', deadlines, '2025-11-16').lateBaseReport).toBe(false);
    expect(latenessOf({ ...counts, reported: 2 }, 'base', deadlines, '2025-11-16').lateBaseReport).toBe(
      false,
    );
  });

  it('is missing past the meetings deadline when nothing required is even scheduled', () => {
    const none = { ...ZERO_COUNTS, workplaces: 1, required: 1 };
    expect(latenessOf(none, 'cell', deadlines, '2025-11-01').missing).toBe(true);
    expect(latenessOf(none, 'cell', deadlines, '2025-10-30').missing).toBe(false);
    expect(latenessOf(ZERO_COUNTS, 'cell', deadlines, '2025-11-01').missing).toBe(false);
  });

  it('takes the day in Vietnam, seven hours ahead of UTC', () => {
    expect(vietnamToday(new Date('2025-10-31T16:59:00Z'))).toBe('2025-10-31');
    expect(vietnamToday(new Date('2025-10-31T17:00:00Z'))).toBe('2025-11-01');
  });
});
