import { describe, expect, it } from 'vitest';
import { formWindowState, scheduleIssues, vietnamDate } from './meetings.js';

const at = (iso: string) => new Date(iso);

describe('scheduleIssues', () => {
  const deadline = '2026-11-15';
  it.each([
    ['a morning on the deadline', '2026-11-15T08:00:00+07:00', '2026-11-15T11:30:00+07:00', []],
    ['a whole day', '2026-11-10T00:00:00+07:00', '2026-11-10T23:59:00+07:00', []],
    ['an end before the start', '2026-11-10T10:00:00+07:00', '2026-11-10T09:00:00+07:00', ['endsAt']],
    ['a span over midnight', '2026-11-10T20:00:00+07:00', '2026-11-11T08:00:00+07:00', ['endsAt']],
    ['two days', '2026-11-10T08:00:00+07:00', '2026-11-11T17:00:00+07:00', ['endsAt']],
    ['a day after the deadline', '2026-11-16T08:00:00+07:00', '2026-11-16T11:00:00+07:00', ['startsAt']],
  ])('%s', (_name, startsAt, endsAt, fields) => {
    const issues = scheduleIssues({ startsAt: at(startsAt), endsAt: at(endsAt), deadline });
    expect(issues.map((issue) => issue.field)).toEqual(fields);
  });

  it('names the deadline as dd/mm/yyyy', () => {
    const [issue] = scheduleIssues({
      startsAt: at('2026-12-01T08:00:00+07:00'),
      endsAt: at('2026-12-01T09:00:00+07:00'),
      deadline,
    });
    expect(issue?.message).toContain('15/11/2026');
  });
});

describe('vietnamDate', () => {
  it('reads the day in UTC+7', () => {
    expect(vietnamDate(at('2026-11-14T18:00:00Z'))).toBe('2026-11-15');
    expect(vietnamDate(at('2026-11-14T16:59:00Z'))).toBe('2026-11-14');
  });
});

describe('formWindowState', () => {
  const now = at('2026-11-10T10:00:00Z');
  it.each([
    ['never opened', { openedAt: null, endsAt: null, closedAt: null }, 'not_opened'],
    ['open without an end', { openedAt: at('2026-11-10T09:00:00Z'), endsAt: null, closedAt: null }, 'open'],
    [
      'open before its end',
      { openedAt: at('2026-11-10T09:00:00Z'), endsAt: at('2026-11-10T11:00:00Z'), closedAt: null },
      'open',
    ],
    [
      'past its end',
      { openedAt: at('2026-11-10T08:00:00Z'), endsAt: at('2026-11-10T10:00:00Z'), closedAt: null },
      'closed',
    ],
    [
      'closed by the committee',
      { openedAt: at('2026-11-10T08:00:00Z'), endsAt: null, closedAt: at('2026-11-10T09:00:00Z') },
      'closed',
    ],
  ] as const)('%s', (_name, window, state) => {
    expect(formWindowState(window, now)).toBe(state);
  });
});
