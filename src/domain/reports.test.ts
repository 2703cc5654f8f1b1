import { describe, expect, it } from 'vitest';
import { heldAttendance } from './report-figures.js';
import {
  addDays,
  describeGaps,
  expectedReports,
  narrativeIssues,
  type ReportingOrganization,
  type RootPlanDeadlines,
  reportDueOn,
  reportGaps,
  reportState,
} from './reports.js';

const org = (id: string, parent: ReportingOrganization | null): ReportingOrganization => ({
  id,
  parentId: parent?.id ?? null,
  path: `${parent?.path ?? '/'}${id}/`,
});

const province = org('province', null);
const bloc = org('bloc', province);
const baseA = org('baseA', bloc);
const baseB = org('baseB', bloc);
const baseEmpty = org('baseEmpty', bloc);
const cellA1 = org('cellA1', baseA);
const cellB1 = org('cellB1', baseB);
const teamA1 = org('teamA1', cellA1);
const elsewhere = org('elsewhere', province);

const plan: RootPlanDeadlines = {
  organizationId: 'bloc',
  meetingsDueOn: '2020-11-15',
  baseReportsDueOn: '2020-11-20',
  upwardReportDueOn: '2020-11-30',
};

describe('report deadlines (seed IV.2, IV.3)', () => {
  it.each([
    ['the issuer reports upward by the last deadline', bloc, [], '2020-11-30'],
    ['a base committee reports to the issuer by the base deadline', baseA, [], '2020-11-20'],
    ['a cell reports two days after the meetings without a derived plan', cellA1, [], '2020-11-17'],
    [
      'a cell reports by its base’s derived plan',
      cellA1,
      [{ organizationId: 'baseA', baseReportsDueOn: '2020-11-18' }],
      '2020-11-18',
    ],
    [
      'another base’s derived plan does not apply',
      cellB1,
      [{ organizationId: 'baseA', baseReportsDueOn: '2020-11-18' }],
      '2020-11-17',
    ],
    [
      'a deeper organization follows its own parent’s derived plan',
      teamA1,
      [{ organizationId: 'cellA1', baseReportsDueOn: '2020-11-16' }],
      '2020-11-16',
    ],
  ] as const)('%s', (_name, organization, derived, expected) => {
    expect(reportDueOn(organization, plan, derived)).toBe(expected);
  });

  it('never sets a cell after the base deadline', () => {
    const tight = { ...plan, meetingsDueOn: '2020-11-19', baseReportsDueOn: '2020-11-20' };
    expect(reportDueOn(cellA1, tight, [])).toBe('2020-11-20');
  });

  it.each([
    ['2020-11-15', 2, '2020-11-17'],
    ['2020-11-30', 2, '2020-12-02'],
    ['2020-12-31', 1, '2021-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
  ])('%s plus %i days is %s', (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
  });
});

describe('expected reports', () => {
  const subtree = [bloc, baseA, baseB, baseEmpty, cellA1, cellB1, teamA1];

  it('expects the issuer and every organization with a workplace below it, to its parent', () => {
    const reports = expectedReports(bloc, subtree, [cellA1.path, baseB.path], plan, []);
    expect(reports).toEqual([
      { organizationId: 'bloc', recipientOrganizationId: 'province', dueOn: '2020-11-30' },
      { organizationId: 'baseA', recipientOrganizationId: 'bloc', dueOn: '2020-11-20' },
      { organizationId: 'baseB', recipientOrganizationId: 'bloc', dueOn: '2020-11-20' },
      { organizationId: 'cellA1', recipientOrganizationId: 'baseA', dueOn: '2020-11-17' },
    ]);
  });

  it('expects no report from an organization without a workplace in its subtree', () => {
    const ids = expectedReports(bloc, subtree, [teamA1.path], plan, []).map((r) => r.organizationId);
    expect(ids).toEqual(['bloc', 'baseA', 'cellA1', 'teamA1']);
  });

  it('gives a root issuer no recipient, and ignores organizations outside its subtree', () => {
    const rootPlan = { ...plan, organizationId: 'province' };
    const reports = expectedReports(province, [province, elsewhere, bloc], [elsewhere.path], rootPlan, []);
    expect(reports).toEqual([
      { organizationId: 'province', recipientOrganizationId: null, dueOn: '2020-11-30' },
      { organizationId: 'elsewhere', recipientOrganizationId: 'province', dueOn: '2020-11-20' },
    ]);
    expect(expectedReports(bloc, [bloc, elsewhere], [elsewhere.path], plan, [])).toHaveLength(1);
  });
});

describe('report state', () => {
  it.each([
    ['on_time', '2020-11-25', 'on_time'],
    ['late', '2020-11-25', 'late'],
    [null, '2020-11-21', 'missing'],
    [null, '2020-11-20', 'not_yet_due'],
    [null, '2020-11-01', 'not_yet_due'],
  ] as const)('timeliness %s on %s is %s', (given, today, expected) => {
    expect(reportState({ timeliness: given }, '2020-11-20', today)).toBe(expected);
  });
});

describe('report submission rules (issue 11)', () => {
  it('names every empty narrative section', () => {
    expect(
      narrativeIssues({ results: 'x', strengths: ' ', limits: '', proposals: 'y' }).map(
        (issue) => issue.field,
      ),
    ).toEqual(['strengths', 'limits']);
  });
  it('finds meetings not held and reports below not in, and says so', () => {
    expect(
      reportGaps({ workplacesRequired: 2, workplacesHeld: 2 }, [{ name: 'A', submitted: true }]),
    ).toBeNull();
    const gaps = reportGaps({ workplacesRequired: 5, workplacesHeld: 0 }, [
      { name: 'Chi bộ 1', submitted: false },
      { name: 'Chi bộ 2', submitted: true },
    ]);
    expect(gaps).toEqual({ meetingsMissing: 5, meetingsRequired: 5, childrenMissing: ['Chi bộ 1'] });
    expect(describeGaps(gaps!)).toBe(
      'Khi nộp báo cáo: 5/5 cơ quan, đơn vị phải tổ chức chưa họp tự phê bình trước quần chúng; chưa có báo cáo của Chi bộ 1.',
    );
  });
  it('counts attendance only at a meeting that was held', () => {
    const marked = { present: 7, absentValid: 1, absentInvalid: 0, massesPresent: 9 };
    expect(heldAttendance(false, marked)).toEqual({
      present: 0,
      absentValid: 0,
      absentInvalid: 0,
      massesPresent: 0,
    });
    expect(heldAttendance(true, marked)).toEqual(marked);
  });
});
