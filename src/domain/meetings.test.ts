import { describe, expect, it } from 'vitest';
import {
  attendanceIssues,
  formWindowState,
  rescheduleRefusal,
  scheduleIssues,
  shownToAbsentMember,
  toldRefusal,
  vietnamDate,
} from './meetings.js';

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

describe('attendanceIssues', () => {
  const ids = new Set(['a', 'b']);
  it.each([
    ['everyone present', [{ selfCriticismId: 'a', present: true }], 3, [], []],
    [
      'an absent member with a valid reason',
      [{ selfCriticismId: 'a', present: false, absenceReason: 'Ốm', absenceReasonValid: true }],
      3,
      ['Lê Văn A'],
      [],
    ],
    [
      'an absent member without a reason',
      [{ selfCriticismId: 'a', present: false, absenceReasonValid: false }],
      0,
      [],
      ['body.members.0.absenceReason'],
    ],
    [
      'an absent member whose reason is not judged',
      [{ selfCriticismId: 'b', present: false, absenceReason: 'Bận' }],
      0,
      [],
      ['body.members.0.absenceReasonValid'],
    ],
    [
      'a member of another meeting',
      [{ selfCriticismId: 'z', present: true }],
      0,
      [],
      ['body.members.0.selfCriticismId'],
    ],
    [
      'a member marked twice',
      [
        { selfCriticismId: 'a', present: true },
        { selfCriticismId: 'a', present: true },
      ],
      0,
      [],
      ['body.members.1.selfCriticismId'],
    ],
    ['more names than masses', [], 1, ['Lê Văn A', 'Lê Văn B'], ['body.massesPresentNames']],
    ['a negative count', [], -1, [], ['body.massesPresent']],
  ])('%s', (_name, marks, massesPresent, names, paths) => {
    expect(attendanceIssues(marks, massesPresent, names, ids).map((issue) => issue.path)).toEqual(paths);
  });
});

describe('rescheduleRefusal', () => {
  it.each([
    ['not_started', false],
    ['content', false],
    ['done', true],
  ] as const)('%s refused: %s', (step, refused) => {
    expect(rescheduleRefusal(step) !== null).toBe(refused);
  });
});

describe('toldRefusal', () => {
  it.each([
    ['done', false, false],
    ['done', true, true],
    ['done', null, true],
    ['closing', false, true],
  ] as const)('step %s, present %s → refused %s', (step, present, refused) => {
    expect(toldRefusal(step, present) !== null).toBe(refused);
  });
});

describe('shownToAbsentMember', () => {
  it.each([
    ['oral', 'open', true],
    ['paper', 'not_opened', true],
    ['online', 'open', true],
    ['phone', 'open', false],
    ['phone', 'not_opened', false],
    ['phone', 'closed', true],
  ] as const)('%s while the window is %s → %s', (channel, state, shown) => {
    expect(shownToAbsentMember(channel, state)).toBe(shown);
  });
});
