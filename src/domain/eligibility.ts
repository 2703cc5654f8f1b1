import type { EmploymentType } from './employment.js';

export interface EligibilitySettings {
  /** Seed II.1: workplaces with fewer than this many counted masses hold no meeting. */
  threshold: number;
  /** Seed II.2: permanent staff and long-term contracts count; short-term and line workers do not. */
  countedEmploymentTypes: readonly EmploymentType[];
}

export const DEFAULT_ELIGIBILITY: EligibilitySettings = {
  threshold: 5,
  countedEmploymentTypes: ['permanent', 'long_term'],
};

export interface StaffMember {
  isPartyMember: boolean;
  employmentType: EmploymentType;
}

export interface Eligibility {
  countedMasses: number;
  /** Masses of any employment type, shown beside the counted figure so the difference is visible. */
  allMasses: number;
  required: boolean;
}

export function isCountedMass(person: StaffMember, settings: EligibilitySettings): boolean {
  return !person.isPartyMember && settings.countedEmploymentTypes.includes(person.employmentType);
}

/** Seed II.1: from 5 counted masses upward the meeting is required; under 5 the workplace is exempt. */
export function isMeetingRequired(countedMasses: number, settings: EligibilitySettings): boolean {
  return countedMasses >= settings.threshold;
}

export function assessEligibility(staff: readonly StaffMember[], settings: EligibilitySettings): Eligibility {
  const masses = staff.filter((person) => !person.isPartyMember);
  const countedMasses = masses.filter((person) => isCountedMass(person, settings)).length;
  return { countedMasses, allMasses: masses.length, required: isMeetingRequired(countedMasses, settings) };
}

/** The same rule from per-type counts, as the database returns them. */
export function assessEligibilityFromCounts(
  massesByType: Partial<Record<EmploymentType, number>>,
  settings: EligibilitySettings,
): Eligibility {
  let countedMasses = 0;
  let allMasses = 0;
  for (const [type, count] of Object.entries(massesByType) as [EmploymentType, number][]) {
    allMasses += count;
    if (settings.countedEmploymentTypes.includes(type)) countedMasses += count;
  }
  return { countedMasses, allMasses, required: isMeetingRequired(countedMasses, settings) };
}
