import { describe, expect, it } from 'vitest';
import {
  coveragePercent,
  type DeadlineStanding,
  meetingsStanding,
  onTimeDeadlines,
  participationOf,
  type RankInput,
  rankOrganizations,
  reportStanding,
  tallyOrganizations,
  type YearEndItem,
  type YearEndPlace,
} from './year-end.js';

const TODAY = '2026-12-20';

describe('meetingsStanding', () => {
  it.each([
    ['nothing required', { required: 0, held: 0, heldLate: 0 }, '2026-11-15', 'none'],
    ['all held by the deadline', { required: 2, held: 2, heldLate: 0 }, '2026-11-15', 'on_time'],
    ['all held, one after the deadline', { required: 2, held: 2, heldLate: 1 }, '2026-11-15', 'late'],
    ['one not held after the deadline', { required: 2, held: 1, heldLate: 0 }, '2026-11-15', 'missing'],
    ['one not held before the deadline', { required: 2, held: 1, heldLate: 0 }, '2026-12-31', 'pending'],
    ['not held on the deadline day', { required: 1, held: 0, heldLate: 0 }, TODAY, 'pending'],
    ['not held and no deadline known', { required: 1, held: 0, heldLate: 0 }, null, 'missing'],
  ] as const)('%s', (_name, counts, dueOn, expected) => {
    expect(meetingsStanding(counts, dueOn, TODAY)).toBe(expected);
  });
});

describe('reportStanding', () => {
  it.each([
    ['submitted on time', 'on_time', '2026-11-20', 'on_time'],
    ['submitted late', 'late', '2026-11-20', 'late'],
    ['not submitted, deadline passed', null, '2026-11-20', 'missing'],
    ['not submitted, deadline today', null, TODAY, 'pending'],
  ] as const)('%s', (_name, timeliness, dueOn, expected) => {
    expect(reportStanding({ timeliness, dueOn }, TODAY)).toBe(expected);
  });
});

describe('coveragePercent', () => {
  it.each([
    [2, 2, 100],
    [1, 3, 33.3],
    [0, 4, 0],
    [0, 0, null],
  ])('%i held of %i required → %s', (held, required, expected) => {
    expect(coveragePercent(held, required)).toBe(expected);
  });
});

describe('onTimeDeadlines', () => {
  it.each([
    ['on_time', 'on_time', 2],
    ['on_time', 'late', 1],
    ['late', 'on_time', 1],
    ['missing', 'pending', 0],
    ['none', 'on_time', 1],
  ] as const)('meetings %s, report %s → %i', (meetings, report, expected) => {
    expect(onTimeDeadlines({ meetings, report })).toBe(expected);
  });
});

const row = (
  name: string,
  coverage: number | null,
  meetings: DeadlineStanding,
  report: DeadlineStanding,
  remediationPercent: number,
): RankInput => ({ name, coveragePercent: coverage, meetings, report, remediationPercent });

describe('rankOrganizations', () => {
  it.each([
    [
      'coverage first, even over deadlines and remediation',
      [row('Chi bộ A', 50, 'on_time', 'on_time', 100), row('Chi bộ B', 100, 'late', 'late', 0)],
      [
        ['Chi bộ B', 1],
        ['Chi bộ A', 2],
      ],
    ],
    [
      'then deadlines met on time',
      [row('Chi bộ A', 100, 'late', 'on_time', 100), row('Chi bộ B', 100, 'on_time', 'on_time', 0)],
      [
        ['Chi bộ B', 1],
        ['Chi bộ A', 2],
      ],
    ],
    [
      'then remediation completion',
      [row('Chi bộ A', 100, 'on_time', 'late', 50), row('Chi bộ B', 100, 'late', 'on_time', 75)],
      [
        ['Chi bộ B', 1],
        ['Chi bộ A', 2],
      ],
    ],
    [
      'equal merit shares a rank, listed by Vietnamese name order; the next rank skips',
      [
        row('Chi bộ Đông', 100, 'on_time', 'on_time', 100),
        row('Chi bộ Dương', 100, 'on_time', 'on_time', 100),
        row('Chi bộ Ấp', 100, 'on_time', 'on_time', 100),
        row('Chi bộ Zeta', 90, 'on_time', 'on_time', 100),
      ],
      [
        ['Chi bộ Ấp', 1],
        ['Chi bộ Dương', 1],
        ['Chi bộ Đông', 1],
        ['Chi bộ Zeta', 4],
      ],
    ],
    [
      'nothing required comes after every organization with something required, even 0 %',
      [row('Chi bộ A', null, 'none', 'on_time', 100), row('Chi bộ B', 0, 'missing', 'missing', 100)],
      [
        ['Chi bộ B', 1],
        ['Chi bộ A', 2],
      ],
    ],
    ['an empty list', [], []],
  ])('%s', (_name, rows, expected) => {
    expect(rankOrganizations(rows).map((ranked) => [ranked.name, ranked.rank])).toEqual(expected);
  });

  it('keeps the fields it was given', () => {
    const [ranked] = rankOrganizations([{ ...row('Chi bộ A', 100, 'on_time', 'on_time', 100), id: 'x' }]);
    expect(ranked).toMatchObject({ id: 'x', rank: 1, name: 'Chi bộ A' });
  });
});

describe('participationOf', () => {
  it.each([
    [null, null, 'unmarked'],
    [true, null, 'present'],
    [false, true, 'absent_valid'],
    [false, false, 'absent_invalid'],
  ] as const)('present %s, reason valid %s → %s', (present, valid, expected) => {
    expect(participationOf(present, valid)).toBe(expected);
  });
});

describe('tallyOrganizations', () => {
  // /root/ ─ /root/base/ ─ /root/base/cellA/, /root/base/cellB/; /root/other/ holds only an exempt workplace.
  const ids = ['root', 'base', 'cellA', 'cellB', 'other'];
  const place = (organizationPath: string, overrides: Partial<YearEndPlace> = {}): YearEndPlace => ({
    organizationId: organizationPath.split('/').filter(Boolean).at(-1)!,
    organizationPath,
    required: true,
    held: false,
    heldOn: null,
    dueOn: '2026-11-15',
    ...overrides,
  });
  const places = [
    place('/root/base/cellA/', { held: true, heldOn: '2026-11-10' }),
    place('/root/base/cellA/', { held: true, heldOn: '2026-11-20' }),
    place('/root/base/cellB/', { dueOn: '2026-11-01' }),
    place('/root/other/', { required: false }),
  ];
  const items: YearEndItem[] = [
    { organizationPath: '/root/base/cellA/', status: 'done', deadline: '2026-12-01' },
    { organizationPath: '/root/base/cellA/', status: 'open', deadline: '2026-12-01' },
    { organizationPath: '/root/base/cellB/', status: 'in_progress', deadline: '2027-01-31' },
    { organizationPath: '/elsewhere/', status: 'open', deadline: '2026-01-01' },
  ];

  it('measures each organization over every workplace below it, a late meeting once', () => {
    const tallies = tallyOrganizations(ids, places, items, TODAY);
    expect(tallies.get('cellA')).toEqual({
      required: 2,
      held: 2,
      heldLate: 1,
      meetingsDueOn: '2026-11-15',
      itemsTotal: 2,
      itemsDone: 1,
      itemsOverdue: 1,
    });
    expect(tallies.get('base')).toEqual({
      required: 3,
      held: 2,
      heldLate: 1,
      meetingsDueOn: '2026-11-01',
      itemsTotal: 3,
      itemsDone: 1,
      itemsOverdue: 1,
    });
    expect(tallies.get('root')).toMatchObject({ required: 3, itemsTotal: 3 });
  });

  it('keeps an organization with nothing required only when it holds a workplace itself', () => {
    const tallies = tallyOrganizations(ids, places, items, TODAY);
    expect(tallies.get('other')).toMatchObject({ required: 0, held: 0 });
    const withoutOwn = tallyOrganizations(
      ids,
      places.map((row) =>
        row.organizationId === 'other'
          ? { ...row, organizationId: 'x', organizationPath: '/root/other/x/' }
          : row,
      ),
      [],
      TODAY,
    );
    expect(withoutOwn.has('other')).toBe(false);
    expect(withoutOwn.has('x')).toBe(false);
  });

  it('counts only the organizations of the subtree it is given', () => {
    const tallies = tallyOrganizations(['base', 'cellA'], places, items, TODAY);
    expect([...tallies.keys()].sort()).toEqual(['base', 'cellA']);
    expect(tallies.get('base')?.required).toBe(3);
  });

  it('does not count a meeting held on its deadline day, nor one with no day or no deadline, as late', () => {
    const tallies = tallyOrganizations(
      ['c'],
      [
        place('/c/', { held: true, heldOn: '2026-11-15' }),
        place('/c/', { held: true, heldOn: null }),
        place('/c/', { held: true, heldOn: '2026-12-01', dueOn: null }),
      ],
      [],
      TODAY,
    );
    expect(tallies.get('c')).toMatchObject({
      required: 3,
      held: 3,
      heldLate: 0,
      meetingsDueOn: '2026-11-15',
    });
  });
});
