/** The party-membership facts of a person that the rules below look at. */
export interface MembershipFacts {
  isPartyMember: boolean;
  organizationId: string | null;
  isCommitteeMember: boolean;
  partyOffice: string;
  governmentOffice: string;
}

export type MembershipField = 'isPartyMember' | 'organizationId' | 'isCommitteeMember' | 'partyOffice';

export interface MembershipIssue {
  field: MembershipField;
  message: string;
}

/** DESIGN glossary: a member with a party or government office writes the "with office" template. */
export function isWithOffice(person: MembershipFacts): boolean {
  return person.isPartyMember && (person.partyOffice.trim() !== '' || person.governmentOffice.trim() !== '');
}

/** A member belongs to exactly one cell, and only members hold party offices or committee seats. */
export function membershipIssues(person: MembershipFacts): MembershipIssue[] {
  const issues: MembershipIssue[] = [];
  if (person.isPartyMember && !person.organizationId) {
    issues.push({ field: 'organizationId', message: 'Đảng viên phải thuộc một chi bộ.' });
  }
  if (!person.isPartyMember && person.organizationId) {
    issues.push({ field: 'organizationId', message: 'Chỉ đảng viên mới thuộc chi bộ.' });
  }
  if (!person.isPartyMember && person.isCommitteeMember) {
    issues.push({ field: 'isCommitteeMember', message: 'Chỉ đảng viên mới có thể là cấp ủy viên.' });
  }
  if (!person.isPartyMember && person.partyOffice.trim() !== '') {
    issues.push({ field: 'partyOffice', message: 'Chỉ đảng viên mới có chức vụ Đảng.' });
  }
  return issues;
}

const GENERATED_CODE = /^NV-(\d+)$/;

/** Codes the system hands out when a roster gives none: `NV-001`, `NV-002`, … after the highest taken. */
export function nextPersonCodes(taken: Iterable<string>, count: number): string[] {
  let highest = 0;
  for (const code of taken) {
    const match = GENERATED_CODE.exec(code);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return Array.from({ length: count }, (_, index) => `NV-${String(highest + index + 1).padStart(3, '0')}`);
}
