import type { Role } from './roles.js';

/** Settings of sign-in and personal data (issue 13), kept with the other system settings. */
export interface SecuritySettings {
  /** Administrators and organization boards must sign in with a one-time code as well. */
  requireSecondFactorForOfficers: boolean;
  /**
   * S8: how long a non-member's personal data is kept after their last part in the process;
   * once it has passed, an administrator may erase it.
   */
  nonMemberRetentionMonths: number;
}

/** Two-factor sign-in is offered to everyone and, by default, required of nobody (the demo accounts stay simple). */
export const DEFAULT_SECURITY: SecuritySettings = {
  requireSecondFactorForOfficers: false,
  nonMemberRetentionMonths: 24,
};

/** The roles that can publish plans and change the tree. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['administrator', 'organization-board'];

export function mustUseSecondFactor(roles: readonly Role[], settings: SecuritySettings): boolean {
  return settings.requireSecondFactorForOfficers && roles.some((role) => SECOND_FACTOR_ROLES.includes(role));
}
