import { describe, expect, it } from 'vitest';
import { isWithOffice, type MembershipFacts, membershipIssues, nextPersonCodes } from './people.js';

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
