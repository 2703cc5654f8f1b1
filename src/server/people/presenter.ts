import type { Person } from '../../contract/people.js';
import { type EmploymentType, type Gender, latestPeriod } from '../../domain/employment.js';
import { isWithOffice } from '../../domain/people.js';
import type { ListedPerson } from './service.js';

export function presentPerson({
  person,
  workplaceName,
  organizationName,
  countedMass,
  periods,
  employedNow,
}: ListedPerson): Person {
  const latest = latestPeriod(periods);
  return {
    id: person.id,
    workplaceId: person.workplaceId,
    workplaceName,
    code: person.code,
    fullName: person.fullName,
    birthDate: person.birthDate,
    gender: person.gender as Gender | null,
    jobTitle: person.jobTitle,
    employmentType: person.employmentType as EmploymentType,
    isPartyMember: person.isPartyMember,
    organizationId: person.organizationId,
    organizationName,
    partyOffice: person.partyOffice,
    governmentOffice: person.governmentOffice,
    isCommitteeMember: person.isCommitteeMember,
    assignedDuty: person.assignedDuty,
    withOffice: isWithOffice(person),
    countedMass,
    distinctConfirmed: person.distinctConfirmed,
    startedOn: latest?.startedOn ?? null,
    leftOn: latest?.leftOn ?? null,
    leavingReason: latest?.leavingReason ?? '',
    employedNow,
    periods,
    version: person.version,
  };
}
