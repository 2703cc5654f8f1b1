import type { ConcernSide, ConcernStatus } from '../../contract/concerns.js';
import type { Role } from '../../domain/roles.js';
import type { Actor } from '../auth/actor.js';

/** DESIGN, roles: committees raise concerns; the organization board and the committee follow them. */
export const CONCERN_PARTIES: readonly Role[] = ['organization-board', 'committee'];
/** Issue 3: the issuer's organization board answers. */
export const CONCERN_ANSWERERS: readonly Role[] = ['organization-board'];

/**
 * The side an account writes for: the issuer's organization board (held at the issuer or above),
 * or the raising committee's officers (held at the raising organization or above it, but below the
 * issuer — a committee at the issuer itself reads the thread, it does not raise to itself).
 */
export function concernSideOf(actor: Actor, issuerPath: string, raisedByPath: string): ConcernSide | null {
  if (actor.reaches(CONCERN_ANSWERERS, issuerPath)) return 'issuer';
  const raises = actor.grants.some(
    (grant) =>
      CONCERN_PARTIES.includes(grant.role) &&
      raisedByPath.startsWith(grant.organizationPath) &&
      grant.organizationPath.length > issuerPath.length,
  );
  return raises ? 'raiser' : null;
}

/** Both sides read the thread: the raiser's officers and everyone following the issuer's subtree. */
export function mayReadConcern(actor: Actor, raisedByPath: string): boolean {
  return actor.reaches(CONCERN_PARTIES, raisedByPath);
}

/** An answer puts the concern at "answered"; a follow-up from the raiser opens it again. */
export function statusAfterMessage(side: ConcernSide): ConcernStatus {
  return side === 'issuer' ? 'answered' : 'open';
}
