import type { Role } from '../../domain/roles.js';
import type { Actor } from '../auth/actor.js';
import { forbidden } from '../errors.js';

/** DESIGN, roles: the committee and the organization board of the organization or above it, and administrators. */
export const REPORT_READERS: readonly Role[] = ['administrator', 'organization-board', 'committee'];

export function assertMayReadReport(actor: Actor, organizationPath: string): void {
  actor.assertReaches(REPORT_READERS, organizationPath);
}

const holdsHere = (actor: Actor, role: Role, path: string) =>
  actor.grants.some((grant) => grant.role === role && grant.organizationPath === path);

/**
 * The organization's own committee writes and submits its report; a committee above reads it but
 * does not write it. Seed IV.3: the issuer's upward report is compiled by its organization board
 * too ("Ban Tổ chức … tổng hợp báo cáo").
 */
export function mayWriteReport(actor: Actor, organizationPath: string, upward: boolean): boolean {
  return (
    holdsHere(actor, 'committee', organizationPath) ||
    (upward && holdsHere(actor, 'organization-board', organizationPath))
  );
}

export function assertMayWriteReport(actor: Actor, organizationPath: string, upward: boolean): void {
  if (!mayWriteReport(actor, organizationPath, upward)) throw forbidden();
}
