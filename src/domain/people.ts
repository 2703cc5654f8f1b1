import { foldVietnamese } from './text.js';

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

/** Staff codes compare without case, diacritics or extra spaces: `NV01`, `nv01` and `NV 01 ` are one code. */
export function staffCodeKey(code: string): string {
  return foldVietnamese(code);
}

/** Same name (diacritics and case aside) and same birth date, or both without one. */
export function identityKey(fullName: string, birthDate: string | null): string {
  return `${foldVietnamese(fullName)}|${birthDate ?? ''}`;
}

/** One person of a workplace's roster as the duplicate rules see it; `ref` names it in messages. */
export interface RosterIdentity<Ref> {
  ref: Ref;
  code: string;
  fullName: string;
  birthDate: string | null;
  /** Confirmed by the roster keeper as another person than a namesake born the same day. */
  distinctConfirmed: boolean;
}

export interface RosterClash<Ref> {
  kind: 'code' | 'identity';
  /** The later entry, the one refused. */
  ref: Ref;
  /** The entry it clashes with, kept. */
  with: Ref;
}

/**
 * The duplicates of a workplace's roster, as the database's unique keys see them: a staff code
 * taken twice (staffCodeKey), and namesakes born the same day of which more than one is
 * unconfirmed. Entries are in order of precedence (people already on the roster first); each
 * later duplicate clashes with the first entry it repeats.
 */
export function rosterClashes<Ref>(entries: readonly RosterIdentity<Ref>[]): RosterClash<Ref>[] {
  const clashes: RosterClash<Ref>[] = [];
  const byCode = new Map<string, RosterIdentity<Ref>>();
  const unconfirmedByIdentity = new Map<string, RosterIdentity<Ref>>();
  for (const entry of entries) {
    const code = staffCodeKey(entry.code);
    const sameCode = byCode.get(code);
    if (sameCode) clashes.push({ kind: 'code', ref: entry.ref, with: sameCode.ref });
    else byCode.set(code, entry);
    if (entry.distinctConfirmed) continue;
    const identity = identityKey(entry.fullName, entry.birthDate);
    const namesake = unconfirmedByIdentity.get(identity);
    if (namesake) clashes.push({ kind: 'identity', ref: entry.ref, with: namesake.ref });
    else unconfirmedByIdentity.set(identity, entry);
  }
  return clashes;
}
