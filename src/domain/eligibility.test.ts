import { describe, expect, it } from 'vitest';
import {
  assessEligibility,
  assessEligibilityFromCounts,
  DEFAULT_ELIGIBILITY,
  isMeetingRequired,
  type StaffMember,
} from './eligibility.js';
import type { EmploymentType } from './employment.js';

const masses = (type: EmploymentType, n: number): StaffMember[] =>
  Array.from({ length: n }, () => ({ isPartyMember: false, employmentType: type }));
const members = (n: number): StaffMember[] =>
  Array.from({ length: n }, () => ({ isPartyMember: true, employmentType: 'permanent' as const }));

describe('eligibility (seed II.1–II.2)', () => {
  it.each([
    [0, false],
    [4, false],
    [5, true],
    [6, true],
    [200, true],
  ])('with %i counted masses a meeting is required: %s', (counted, required) => {
    expect(isMeetingRequired(counted, DEFAULT_ELIGIBILITY)).toBe(required);
  });

  it.each<[string, StaffMember[], number, number, boolean]>([
    ['permanent staff count', masses('permanent', 5), 5, 5, true],
    ['long-term contracts count', [...masses('permanent', 2), ...masses('long_term', 3)], 5, 5, true],
    [
      'short-term contracts do not count',
      [...masses('permanent', 4), ...masses('short_term', 6)],
      4,
      10,
      false,
    ],
    ['line workers do not count', [...masses('long_term', 3), ...masses('line_worker', 40)], 3, 43, false],
    ['party members are not masses', [...members(10), ...masses('permanent', 4)], 4, 4, false],
    ['an empty workplace is exempt', [], 0, 0, false],
  ])('%s', (_name, staff, countedMasses, allMasses, required) => {
    expect(assessEligibility(staff, DEFAULT_ELIGIBILITY)).toEqual({ countedMasses, allMasses, required });
  });

  it('follows a province that sets another threshold and counts short-term contracts', () => {
    const settings = { threshold: 3, countedEmploymentTypes: ['permanent', 'short_term'] as const };
    expect(assessEligibility([...masses('short_term', 2), ...masses('permanent', 1)], settings)).toEqual({
      countedMasses: 3,
      allMasses: 3,
      required: true,
    });
  });

  it('gives the same answer from per-type counts as from the people', () => {
    const staff = [...masses('permanent', 3), ...masses('short_term', 7), ...masses('long_term', 1)];
    expect(
      assessEligibilityFromCounts({ permanent: 3, short_term: 7, long_term: 1 }, DEFAULT_ELIGIBILITY),
    ).toEqual(assessEligibility(staff, DEFAULT_ELIGIBILITY));
  });
});
