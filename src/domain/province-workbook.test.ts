import { describe, expect, it } from 'vitest';
import {
  type ExistingState,
  fallbackOrganizationCode,
  fallbackWorkplaceCode,
  parentsFirst,
  planWorkbook,
  type WorkbookPerson,
} from './province-workbook.js';

const empty = (overrides: Partial<ExistingState> = {}): ExistingState => ({
  base: { id: 'base', code: 'TINH' },
  organizations: [],
  workplaces: [],
  people: [],
  foreignOrganizationCodes: new Set(),
  foreignWorkplaceCodes: new Set(),
  foreignPartyCards: new Set(),
  ...overrides,
});

const person = (row: number, overrides: Partial<WorkbookPerson> = {}): WorkbookPerson => ({
  row,
  staffCode: `NV${row}`,
  partyCardNumber: null,
  fullName: `Người ${row}`,
  birthDate: null,
  gender: null,
  workplaceCode: 'CQ1',
  cellCode: '',
  jobTitle: '',
  employmentType: 'permanent',
  isPartyMember: false,
  partyOffice: '',
  governmentOffice: '',
  isCommitteeMember: false,
  assignedDuty: '',
  distinctConfirmed: false,
  startedOn: null,
  leftOn: null,
  leavingReason: '',
  ...overrides,
});

const org = (row: number, code: string, parentCode = '') => ({
  row,
  code,
  name: `Tổ chức ${code}`,
  kind: 'cell',
  parentCode,
});
const wp = (row: number, code: string, organizationCode: string) => ({
  row,
  code,
  name: `Cơ quan ${code}`,
  organizationCode,
  address: '',
});

describe('province workbook rules', () => {
  it('plans a new tree, parents first, and finds nothing wrong', () => {
    const plan = planWorkbook(
      {
        organizations: [org(2, 'B', 'A'), org(3, 'A', 'TINH'), org(4, 'C')],
        workplaces: [wp(2, 'CQ1', 'b')],
        people: [person(2, { isPartyMember: true, cellCode: 'B', partyCardNumber: '79 001' }), person(3)],
      },
      empty(),
    );
    expect(plan.issues).toEqual([]);
    expect(plan.organizations.map((each) => each.action)).toEqual(['create', 'create', 'create']);
    expect(parentsFirst(plan.organizations.map((each) => each.row)).map((each) => each.code)).toEqual([
      'A',
      'B',
      'C',
    ]);
    expect(plan.people).toHaveLength(2);
  });

  it('names every error by sheet, row and field: unknown parent, cycle, duplicate codes and cards, two workplaces at once, dates', () => {
    const plan = planWorkbook(
      {
        organizations: [org(2, 'X', 'Y'), org(3, 'Y', 'X'), org(4, 'Z', 'KHONG-CO'), org(5, 'z')],
        workplaces: [wp(2, 'CQ1', 'TINH'), wp(3, 'CQ2', 'TINH'), wp(4, 'cq1', 'TINH')],
        people: [
          person(2, { isPartyMember: true, cellCode: 'TINH', partyCardNumber: '123' }),
          person(3, { isPartyMember: true, cellCode: 'TINH', partyCardNumber: '1 23', staffCode: 'NV9' }),
          person(4, { staffCode: 'NV2', workplaceCode: 'CQ2' }),
          person(5, {
            staffCode: 'NV6',
            startedOn: '2020-01-01',
            leftOn: '2019-01-01',
            leavingReason: 'Nghỉ hưu',
          }),
          person(6, { staffCode: 'NV7', leftOn: '2024-01-01' }),
          person(7, { staffCode: 'NV8', workplaceCode: 'KHONG' }),
          person(8, { staffCode: 'NV10', partyOffice: 'Bí thư' }),
        ],
      },
      empty(),
    );
    const found = plan.issues.map((issue) => `${issue.sheet}:${issue.row}:${issue.field}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'organizations:2:parentCode',
        'organizations:3:parentCode',
        'organizations:4:parentCode',
        'organizations:5:code',
        'workplaces:4:code',
        'people:3:partyCardNumber',
        'people:4:workplaceCode',
        'people:5:leftOn',
        'people:6:leavingReason',
        'people:7:workplaceCode',
        'people:8:partyOffice',
      ]),
    );
    expect(plan.issues.find((issue) => issue.row === 2 && issue.sheet === 'organizations')?.message).toMatch(
      /vòng lặp/,
    );
    expect(plan.issues.find((issue) => issue.sheet === 'people' && issue.row === 4)?.message).toMatch(
      /hai nơi cùng lúc/,
    );
  });

  it('a person who moved (left the old workplace before starting the new one) is no clash', () => {
    const plan = planWorkbook(
      {
        organizations: [],
        workplaces: [wp(2, 'CQ1', 'TINH'), wp(3, 'CQ2', 'TINH')],
        people: [
          person(2, { staffCode: 'NV1', leftOn: '2024-01-01', leavingReason: 'Chuyển công tác' }),
          person(3, { staffCode: 'NV1', workplaceCode: 'CQ2', startedOn: '2024-01-01' }),
        ],
      },
      empty(),
    );
    expect(plan.issues).toEqual([]);
  });

  it('re-import matches by codes (or an export code of an uncoded organization) and tells what changes', () => {
    const state = empty({
      organizations: [
        { id: 'o1', code: 'A', name: 'Tổ chức A', kind: 'cell', parentId: 'base' },
        { id: 'o2', code: null, name: 'Cũ', kind: 'cell', parentId: 'base' },
      ],
      workplaces: [{ id: 'w1', code: 'CQ1', name: 'Cơ quan CQ1', address: '', organizationId: 'o1' }],
      people: [
        {
          ...person(0, { staffCode: 'nv2' }),
          id: 'p1',
          workplaceId: 'w1',
          cellId: null,
        },
      ],
    });
    const plan = planWorkbook(
      {
        organizations: [org(2, 'a'), { ...org(3, fallbackOrganizationCode('o2')), name: 'Cũ' }],
        workplaces: [wp(2, 'CQ1', 'A')],
        people: [person(2, { fullName: 'Người 0 đổi tên' })],
      },
      state,
    );
    expect(plan.issues).toEqual([]);
    // o2 is found by its export code; that code alone is no change to write.
    expect(plan.organizations.map((each) => each.action)).toEqual(['update', 'unchanged']);
    expect(plan.organizations[1]!.existing?.id).toBe('o2');
    expect(plan.organizations[0]!.changes).toEqual({
      code: { from: 'A', to: 'a' },
      name: { from: 'Tổ chức A', to: 'Tổ chức a' },
    });
    expect(plan.workplaces[0]!.action).toBe('unchanged');
    expect(plan.people[0]!.action).toBe('update');
    expect(plan.people[0]!.changes).toEqual({ fullName: { from: 'Người 0', to: 'Người 0 đổi tên' } });
  });

  it('reads back the code an export derived for an uncoded organization or workplace as no change', () => {
    const plan = planWorkbook(
      {
        organizations: [{ ...org(2, fallbackOrganizationCode('o1')), name: 'Tổ chức cũ' }],
        workplaces: [
          { ...wp(2, fallbackWorkplaceCode('w1'), fallbackOrganizationCode('o1')), name: 'Cơ quan cũ' },
        ],
        people: [],
      },
      empty({
        organizations: [{ id: 'o1', code: null, name: 'Tổ chức cũ', kind: 'cell', parentId: 'base' }],
        workplaces: [{ id: 'w1', code: null, name: 'Cơ quan cũ', address: '', organizationId: 'o1' }],
      }),
    );
    expect(plan.issues).toEqual([]);
    expect(plan.organizations.map((each) => [each.action, each.changes])).toEqual([['unchanged', {}]]);
    expect(plan.workplaces.map((each) => [each.action, each.changes])).toEqual([['unchanged', {}]]);
  });

  it('refuses codes and party cards held outside the subtree, and moving an organization', () => {
    const plan = planWorkbook(
      {
        organizations: [org(2, 'NGOAI'), org(3, 'A', 'B'), org(4, 'B')],
        workplaces: [],
        people: [],
      },
      empty({
        organizations: [{ id: 'o1', code: 'A', name: 'Tổ chức A', kind: 'cell', parentId: 'base' }],
        foreignOrganizationCodes: new Set(['ngoai']),
      }),
    );
    expect(plan.issues.map((issue) => `${issue.row}:${issue.field}`)).toEqual(['2:code', '3:parentCode']);
  });

  it('namesakes born the same day at one workplace need a confirmation', () => {
    const twin = { fullName: 'Lê Văn A', birthDate: '1980-01-01' };
    const refused = planWorkbook(
      { organizations: [], workplaces: [wp(2, 'CQ1', 'TINH')], people: [person(2, twin), person(3, twin)] },
      empty(),
    );
    expect(refused.issues.map((issue) => `${issue.row}:${issue.field}`)).toEqual(['3:fullName']);
    const confirmed = planWorkbook(
      {
        organizations: [],
        workplaces: [wp(2, 'CQ1', 'TINH')],
        people: [person(2, twin), person(3, { ...twin, distinctConfirmed: true })],
      },
      empty(),
    );
    expect(confirmed.issues).toEqual([]);
  });
});
