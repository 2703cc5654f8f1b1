import { describe, expect, it } from 'vitest';
import {
  type EmploymentPeriod,
  isEmployedOn,
  latestPeriod,
  latestPeriodChange,
  leavingIssues,
  periodIssues,
  periodsOverlap,
  returnIssues,
} from './employment.js';

const period = (startedOn: string | null, leftOn: string | null, leavingReason = leftOn ? 'Nghỉ hưu' : '') =>
  ({ startedOn, leftOn, leavingReason }) satisfies EmploymentPeriod;

describe('isEmployedOn', () => {
  it.each([
    ['no period at all', [], '2026-10-01', false],
    ['an open period from before records', [period(null, null)], '2026-10-01', true],
    ['an open period started later', [period('2026-10-02', null)], '2026-10-01', false],
    ['starting that very day', [period('2026-10-01', null)], '2026-10-01', true],
    ['left that very day (the first day away)', [period(null, '2026-10-01')], '2026-10-01', false],
    ['left the day after', [period(null, '2026-10-02')], '2026-10-01', true],
    [
      'between two periods',
      [period('2020-01-01', '2025-01-01'), period('2027-01-01', null)],
      '2026-10-01',
      false,
    ],
    ['back again', [period('2020-01-01', '2025-01-01'), period('2026-01-01', null)], '2026-10-01', true],
  ])('%s → %s', (_name, periods, day, expected) => {
    expect(isEmployedOn(periods, day)).toBe(expected);
  });
});

describe('latestPeriod', () => {
  it.each([
    ['none', [], undefined],
    ['the open one, wherever it sits', [period(null, null), period(null, '2020-01-01')], 0],
    ['the one that ended last', [period(null, '2020-01-01'), period('2021-01-01', '2022-01-01')], 1],
  ])('%s', (_name, periods, index) => {
    expect(latestPeriod(periods)).toBe(index === undefined ? undefined : periods[index]);
  });
});

describe('periodsOverlap', () => {
  it.each([
    [
      'back to back (leaving day = next start)',
      period(null, '2025-01-01'),
      period('2025-01-01', null),
      false,
    ],
    ['a day shared', period(null, '2025-01-02'), period('2025-01-01', null), true],
    ['two open periods', period('2020-01-01', null), period('2024-01-01', null), true],
    ['apart', period('2010-01-01', '2011-01-01'), period('2012-01-01', '2013-01-01'), false],
  ])('%s → %s', (_name, a, b, expected) => {
    expect(periodsOverlap(a, b)).toBe(expected);
    expect(periodsOverlap(b, a)).toBe(expected);
  });
});

describe('periodIssues', () => {
  it.each([
    ['an open period', period('2020-01-01', null), [], []],
    ['leaving on the start day', period('2020-01-01', '2020-01-01'), [], ['leftOn']],
    ['leaving before the start', period('2020-01-02', '2020-01-01'), [], ['leftOn']],
    ['leaving without a reason', period(null, '2020-01-01', '  '), [], ['leavingReason']],
    ['a reason without leaving', period(null, null, 'Nghỉ hưu'), [], ['leftOn']],
    ['a start before 1900', period('1899-12-31', null), [], ['startedOn']],
    ['overlapping another period', period('2020-01-01', null), [period(null, '2021-01-01')], ['startedOn']],
  ])('%s', (_name, checked, others, fields) => {
    expect(periodIssues(checked, others).map((issue) => issue.field)).toEqual(fields);
  });
});

describe('leavingIssues and returnIssues', () => {
  it.each([
    ['leaving while working', [period('2020-01-01', null)], '2026-06-30', 'Nghỉ hưu', []],
    ['leaving twice', [period(null, '2026-01-01')], '2026-06-30', 'Nghỉ hưu', ['leftOn']],
    ['leaving without a reason', [period(null, null)], '2026-06-30', '', ['leavingReason']],
    ['leaving before starting', [period('2026-07-01', null)], '2026-06-30', 'Thôi việc', ['leftOn']],
  ])('leaving: %s', (_name, periods, leftOn, reason, fields) => {
    expect(leavingIssues(periods, leftOn, reason).map((issue) => issue.field)).toEqual(fields);
  });

  it.each([
    ['after leaving', [period(null, '2025-01-01')], '2026-01-01', []],
    ['on the leaving day', [period(null, '2025-01-01')], '2025-01-01', []],
    ['before the leaving day', [period(null, '2025-01-01')], '2024-12-31', ['startedOn']],
    ['while still working', [period(null, null)], '2026-01-01', ['startedOn']],
  ])('return: %s', (_name, periods, startedOn, fields) => {
    expect(returnIssues(periods, startedOn).map((issue) => issue.field)).toEqual(fields);
  });
});

describe('latestPeriodChange', () => {
  it.each([
    ['the same period', [period('2020-01-01', null)], period('2020-01-01', null), 'unchanged', []],
    ['a start set', [period(null, null)], period('2020-01-01', null), 'update', []],
    ['a leaving', [period('2020-01-01', null)], period('2020-01-01', '2026-06-30'), 'update', []],
    [
      'a leaving without reason',
      [period(null, null)],
      period(null, '2026-06-30', ''),
      'update',
      ['leavingReason'],
    ],
    ['a leaving withdrawn', [period('2020-01-01', '2026-06-30')], period('2020-01-01', null), 'update', []],
    ['a return after leaving', [period(null, '2025-01-01')], period('2025-03-01', null), 'return', []],
    [
      'a start moved back over an older period',
      [period(null, '2019-01-01'), period('2020-01-01', null)],
      period('2018-01-01', null),
      'update',
      ['startedOn'],
    ],
    ['a first period', [], period('2024-01-01', null), 'return', []],
  ])('%s → %s', (_name, periods, wanted, kind, fields) => {
    const { change, issues } = latestPeriodChange(periods, wanted);
    expect(change.kind).toBe(kind);
    expect(issues.map((issue) => issue.field)).toEqual(fields);
  });
});
