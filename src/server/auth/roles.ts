import type { Role } from '../../domain/roles.js';

/** Who may do what, by role; each route's policy picks one of these and checks it against the target's path. */
export const EVERYONE: readonly Role[] = [
  'administrator',
  'organization-board',
  'committee',
  'member',
  'masses',
];
export const ADMINISTRATORS: readonly Role[] = ['administrator'];
/** Officers who read the tree's people and rosters: personal data stays with those who run the process. */
export const ROSTER_READERS: readonly Role[] = ['administrator', 'organization-board', 'committee'];
/** The cell committee keeps its workplaces' rosters; administrators keep everything. */
export const ROSTER_KEEPERS: readonly Role[] = ['administrator', 'committee'];
