import { describe, expect, it } from 'vitest';
import {
  deadlineIssues,
  isDeterminationCorrectable,
  mayDerivePlan,
  mayIssuePlan,
  PLAN_WORKPLACE_STATUS_LABELS,
  PLAN_WORKPLACE_STATUSES,
  type PlanDeadlines,
  type PlanWorkplaceStatus,
  parseManifestationList,
  planFullNumber,
  planSymbol,
  planWorkplaceStatusOrder,
  proposedDeadlines,
  publicationIssues,
  replacementIssue,
} from './plans.js';
import type { RoleGrant } from './roles.js';

const deadlines = (meetings: string, base: string, upward: string): PlanDeadlines => ({
  meetingsDueOn: meetings,
  baseReportsDueOn: base,
  upwardReportDueOn: upward,
});

describe('plan number and symbol', () => {
  it.each([
    ['ĐUK', '03', 'KH/ĐUK', '03-KH/ĐUK'],
    [' ĐUK ', ' 03 ', 'KH/ĐUK', '03-KH/ĐUK'],
    ['ĐU', '', 'KH/ĐU', 'KH/ĐU'],
    ['', '12', 'KH', '12-KH'],
    ['ĐU', '7', 'KH/ĐU', '7-KH/ĐU'],
  ])('short name %j, number %j → %s, %s', (shortName, number, symbol, full) => {
    expect(planSymbol(shortName)).toBe(symbol);
    expect(planFullNumber(number, planSymbol(shortName))).toBe(full);
  });

  it('composes the short name to NFC', () => {
    expect(planSymbol('\u0110UK'.normalize('NFD'))).toBe('KH/ĐUK');
    expect(planSymbol('Hu\u0065\u0302')).toBe('KH/Huê');
  });
});

describe('deadlines', () => {
  const parent = deadlines('2026-11-15', '2026-11-20', '2026-11-30');

  it.each<[string, PlanDeadlines, PlanDeadlines | undefined, string[]]>([
    ['the seed order is fine', parent, undefined, []],
    ['equal dates are fine', deadlines('2026-11-15', '2026-11-15', '2026-11-15'), undefined, []],
    [
      'base reports before meetings',
      deadlines('2026-11-15', '2026-11-10', '2026-11-30'),
      undefined,
      ['Hạn cấp ủy cơ sở báo cáo (10/11/2026) không được sớm hơn hạn hoàn thành họp (15/11/2026).'],
    ],
    [
      'upward report before base reports',
      deadlines('2026-11-15', '2026-11-20', '2026-11-19'),
      undefined,
      ['Hạn báo cáo về trên (19/11/2026) không được sớm hơn hạn cấp ủy cơ sở báo cáo (20/11/2026).'],
    ],
    ['a derived plan inside the parent', deadlines('2026-11-10', '2026-11-18', '2026-11-30'), parent, []],
    [
      'a derived plan meeting after the parent',
      deadlines('2026-11-20', '2026-11-20', '2026-11-30'),
      parent,
      ['Hạn hoàn thành họp (20/11/2026) phải không muộn hơn hạn của kế hoạch cấp trên (15/11/2026).'],
    ],
    [
      'a derived plan reporting upward late',
      deadlines('2026-11-10', '2026-11-20', '2026-12-01'),
      parent,
      ['Hạn báo cáo về trên (01/12/2026) phải không muộn hơn hạn của kế hoạch cấp trên (30/11/2026).'],
    ],
  ])('%s', (_name, own, parentDeadlines, messages) => {
    expect(deadlineIssues(own, parentDeadlines).map((issue) => issue.message)).toEqual(messages);
  });

  it('names the field at fault', () => {
    expect(deadlineIssues(deadlines('2026-11-16', '2026-11-20', '2026-11-30'), parent)).toEqual([
      expect.objectContaining({ field: 'meetingsDueOn' }),
    ]);
  });
});

describe('manifestation list paste', () => {
  it.each<[string, string, string[]]>([
    ['numbered with dots', '1. Phai nhạt lý tưởng\n2. Dao động', ['Phai nhạt lý tưởng', 'Dao động']],
    ['numbered with parentheses', '1) Một\n(2) Hai\n10) Mười', ['Một', 'Hai', 'Mười']],
    ['bullets', '- Một\n• Hai\n* Ba\n– Bốn', ['Một', 'Hai', 'Ba', 'Bốn']],
    ['blank lines and Windows ends', '\r\n1. Một\r\n\r\n   \r\n2. Hai\r\n', ['Một', 'Hai']],
    ['inner spaces collapsed', '3.   Nói   không đi đôi với làm', ['Nói không đi đôi với làm']],
    ['a year inside the text stays', 'Vi phạm Nghị quyết 4 năm 2016', ['Vi phạm Nghị quyết 4 năm 2016']],
    ['no numbering at all', 'Một\nHai', ['Một', 'Hai']],
  ])('%s', (_name, text, items) => {
    expect(parseManifestationList(text)).toEqual(items);
  });

  it('turns decomposed text into NFC', () => {
    const [item] = parseManifestationList('1. Tu\u031b tu\u031bo\u031b\u0309ng'.normalize('NFD'));
    expect(item).toBe('Tư tưởng'.normalize('NFC'));
    expect(item!.normalize('NFC')).toBe(item);
  });

  it('keeps all 82 items of a province list', () => {
    const text = Array.from({ length: 82 }, (_, index) => `${index + 1}. Biểu hiện số ${index + 1}`).join(
      '\n',
    );
    const items = parseManifestationList(text);
    expect(items).toHaveLength(82);
    expect(items[81]).toBe('Biểu hiện số 82');
  });
});

describe('who issues and derives plans', () => {
  const grant = (role: RoleGrant['role'], organizationPath: string): RoleGrant => ({
    role,
    organizationPath,
  });
  const bloc = '/root/bloc/';
  const baseA = '/root/bloc/a/';

  it.each<[string, RoleGrant[], string, boolean]>([
    ['the committee of the organization', [grant('committee', bloc)], bloc, true],
    ['its organization board', [grant('organization-board', bloc)], bloc, true],
    ['a committee above it', [grant('committee', '/root/')], bloc, true],
    ['a committee below it', [grant('committee', baseA)], bloc, false],
    ['a member of the organization', [grant('member', bloc)], bloc, false],
    ['an administrator', [grant('administrator', '/root/')], bloc, false],
  ])('%s may issue: %s', (_name, grants, path, allowed) => {
    expect(mayIssuePlan(grants, path)).toBe(allowed);
  });

  it.each<[string, RoleGrant[], string, boolean]>([
    ['a base committee under the issuer', [grant('committee', baseA)], baseA, true],
    ['the issuer itself, for its own organization', [grant('committee', bloc)], bloc, false],
    ['the issuer, for a base under it', [grant('committee', bloc)], baseA, true],
    ['a base committee, for a sibling base', [grant('committee', baseA)], '/root/bloc/b/', false],
    ['a base committee outside the issuer', [grant('committee', '/root/other/')], '/root/other/', false],
  ])('%s may derive: %s', (_name, grants, target, allowed) => {
    expect(mayDerivePlan(grants, bloc, target)).toBe(allowed);
  });
});

describe('workplace status in a plan', () => {
  it('has a Vietnamese label for every status, in process order', () => {
    expect(PLAN_WORKPLACE_STATUSES.map(planWorkplaceStatusOrder)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const status of PLAN_WORKPLACE_STATUSES) expect(PLAN_WORKPLACE_STATUS_LABELS[status]).toBeTruthy();
  });

  it.each<[PlanWorkplaceStatus, boolean]>([
    ['exempt', true],
    ['pending', true],
    ['scheduled', false],
    ['reported', false],
  ])('a determination at %s may be corrected: %s', (status, correctable) => {
    expect(isDeterminationCorrectable(status)).toBe(correctable);
  });
});

describe('publicationIssues (issue 11)', () => {
  const draft = {
    number: '03',
    place: 'Trà Vinh',
    signerName: 'Nguyễn Văn A',
    issuedOn: null,
    meetingsDueOn: '2026-11-15',
    baseReportsDueOn: '2026-11-20',
    upwardReportDueOn: '2026-11-30',
  };

  it('lets a complete draft with deadlines ahead be published', () => {
    expect(publicationIssues(draft, '2026-10-01')).toEqual([]);
  });

  it('lists every missing field at once, each by name', () => {
    const issues = publicationIssues({ ...draft, number: ' ', place: '', signerName: '' }, '2026-10-01');
    expect(issues.map((issue) => issue.field)).toEqual(['number', 'place', 'signerName']);
    expect(issues[0]!.message).toBe('Số kế hoạch không được để trống.');
  });

  it('refuses deadlines already past in Vietnam, naming the field and today', () => {
    const issues = publicationIssues(draft, '2026-11-18');
    expect(issues).toEqual([
      {
        field: 'meetingsDueOn',
        message: 'Hạn hoàn thành họp (15/11/2026) đã qua: phải từ hôm nay (18/11/2026) trở đi.',
      },
    ]);
  });

  it('refuses deadlines before the issue date', () => {
    const issues = publicationIssues({ ...draft, issuedOn: '2026-11-25' }, '2026-10-01');
    expect(issues.map((issue) => issue.field)).toEqual(['meetingsDueOn', 'baseReportsDueOn']);
    expect(issues[1]!.message).toBe(
      'Hạn cấp ủy cơ sở báo cáo (20/11/2026) sớm hơn ngày ban hành (25/11/2026).',
    );
  });
});

describe('proposedDeadlines (issue 11)', () => {
  it('proposes the seed dates of the year while they are ahead', () => {
    expect(proposedDeadlines(2026, '2026-10-21')).toEqual({
      meetingsDueOn: '2026-11-15',
      baseReportsDueOn: '2026-11-20',
      upwardReportDueOn: '2026-11-30',
    });
  });

  it('proposes dates still ahead, with the seed spacing, once they are past', () => {
    const proposed = proposedDeadlines(2026, '2026-12-03');
    expect(proposed).toEqual({
      meetingsDueOn: '2026-12-17',
      baseReportsDueOn: '2026-12-22',
      upwardReportDueOn: '2027-01-01',
    });
    expect(
      publicationIssues(
        { ...proposed, number: '1', place: 'x', signerName: 'y', issuedOn: null },
        '2026-12-03',
      ),
    ).toEqual([]);
  });
});

describe('replacementIssue (issue 11)', () => {
  const standing = { id: 'a', fullNumber: '03-KH/ĐUK' };
  it('publishes freely when nothing stands for the year', () => {
    expect(replacementIssue(null, undefined, 2026)).toBeNull();
  });
  it('refuses a second plan unless it replaces the first, naming it', () => {
    expect(replacementIssue(standing, undefined, 2026)).toContain('đã ban hành Kế hoạch số 03-KH/ĐUK');
    expect(replacementIssue(standing, { replacesPlanId: 'b', reason: 'x' }, 2026)).toContain(
      'chỉ thay thế được kế hoạch đó',
    );
    expect(replacementIssue(standing, { replacesPlanId: 'a', reason: '  ' }, 2026)).toBe(
      'Cần ghi lý do thay thế kế hoạch.',
    );
    expect(replacementIssue(standing, { replacesPlanId: 'a', reason: 'Sai số liệu' }, 2026)).toBeNull();
  });
  it('refuses a replacement when there is nothing to replace', () => {
    expect(replacementIssue(null, { replacesPlanId: 'a', reason: 'x' }, 2026)).toContain('chưa có kế hoạch');
  });
});
