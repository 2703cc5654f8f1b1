import { describe, expect, it } from 'vitest';
import {
  isWithOffice,
  type MembershipFacts,
  membershipIssues,
  nextPersonCodes,
  rosterClashes,
  staffCodeKey,
} from './people.js';

const masses: MembershipFacts = {
  isPartyMember: false,
  organizationId: null,
  isCommitteeMember: false,
  partyOffice: '',
  governmentOffice: '',
};
const member: MembershipFacts = { ...masses, isPartyMember: true, organizationId: 'cell' };

describe('isWithOffice', () => {
  it.each([
    ['a member without office', member, false],
    ['a member with a party office', { ...member, partyOffice: 'Bí thư chi bộ' }, true],
    ['a member with a government office', { ...member, governmentOffice: 'Giám đốc' }, true],
    ['a member whose office is only spaces', { ...member, partyOffice: '  ' }, false],
    ['a non-member with a government office', { ...masses, governmentOffice: 'Trưởng phòng' }, false],
  ])('%s → %s', (_name, person, expected) => {
    expect(isWithOffice(person)).toBe(expected);
  });
});

describe('membershipIssues', () => {
  it.each([
    ['a plain non-member', masses, []],
    ['a member in a cell', member, []],
    ['a committee member with office', { ...member, isCommitteeMember: true, partyOffice: 'Bí thư' }, []],
    ['a member without a cell', { ...member, organizationId: null }, ['organizationId']],
    ['a non-member in a cell', { ...masses, organizationId: 'cell' }, ['organizationId']],
    ['a non-member on a committee', { ...masses, isCommitteeMember: true }, ['isCommitteeMember']],
    ['a non-member with a party office', { ...masses, partyOffice: 'Bí thư' }, ['partyOffice']],
  ])('%s', (_name, person, fields) => {
    expect(membershipIssues(person).map((issue) => issue.field)).toEqual(fields);
  });
});

describe('nextPersonCodes', () => {
  it.each([
    ['an empty workplace', [], 2, ['NV-001', 'NV-002']],
    ['after the highest generated code', ['NV-002', 'NV-010', 'X-99'], 1, ['NV-011']],
    ['ignoring codes of other shapes', ['SYT-005', 'nv-7'], 1, ['NV-001']],
    ['beyond three digits', ['NV-999'], 1, ['NV-1000']],
  ])('%s', (_name, taken, count, expected) => {
    expect(nextPersonCodes(taken, count)).toEqual(expected);
  });
});

describe('staffCodeKey', () => {
  it.each([
    ['NV01', 'nv01'],
    [' NV  01 ', 'nv 01'],
    ['ĐV-Ấ1', 'dv-a1'],
  ])('%s → %s', (code, key) => {
    expect(staffCodeKey(code)).toBe(key);
  });
});

describe('rosterClashes', () => {
  const entry = (
    ref: string,
    code: string,
    fullName = ref,
    birthDate: string | null = null,
    distinctConfirmed = false,
  ) => ({
    ref,
    code,
    fullName,
    birthDate,
    distinctConfirmed,
  });
  it.each([
    ['different people', [entry('a', 'NV01'), entry('b', 'NV02')], []],
    ['one code in two cases', [entry('a', 'NV01'), entry('b', 'nv01')], [['code', 'b', 'a']]],
    ['one code with and without marks', [entry('a', 'ĐV1'), entry('b', 'dv1')], [['code', 'b', 'a']]],
    [
      'namesakes born the same day',
      [entry('a', 'NV01', 'Nguyễn Văn An', '1980-01-01'), entry('b', 'NV02', 'nguyen van an', '1980-01-01')],
      [['identity', 'b', 'a']],
    ],
    [
      'namesakes both without a birth date',
      [entry('a', 'NV01', 'Lê Thị Hoa'), entry('b', 'NV02', 'Lê Thị Hoa')],
      [['identity', 'b', 'a']],
    ],
    [
      'namesakes born on different days',
      [entry('a', 'NV01', 'Lê Thị Hoa', '1980-01-01'), entry('b', 'NV02', 'Lê Thị Hoa', '1981-01-01')],
      [],
    ],
    [
      'a namesake confirmed as another person',
      [entry('a', 'NV01', 'Lê Thị Hoa'), entry('b', 'NV02', 'Lê Thị Hoa', null, true)],
      [],
    ],
    [
      'a third namesake, unconfirmed',
      [
        entry('a', 'NV01', 'Lê Thị Hoa'),
        entry('b', 'NV02', 'Lê Thị Hoa', null, true),
        entry('c', 'NV03', 'Lê Thị Hoa'),
      ],
      [['identity', 'c', 'a']],
    ],
  ])('%s', (_name, entries, expected) => {
    expect(rosterClashes(entries).map((clash) => [clash.kind, clash.ref, clash.with])).toEqual(expected);
  });
});
