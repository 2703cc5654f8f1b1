import { grantsReach, type Role, type RoleGrant, scopeRoots } from '../../domain/roles.js';
import { AppError, forbidden } from '../errors.js';

export interface Grant extends RoleGrant {
  organizationId: string;
}

/** The signed-in account and its role grants, loaded from the session on every request. */
export class Actor {
  constructor(
    readonly accountId: string,
    readonly username: string,
    readonly displayName: string,
    readonly homeOrganizationPath: string,
    readonly grants: readonly Grant[],
    readonly mustChangePassword: boolean,
    /** The session the request came with (the owner's list of sessions marks it "this device"). */
    readonly sessionId = '',
    /** Two-factor sign-in is required of this account and not set up yet. */
    readonly mustEnrollSecondFactor = false,
    /** The roster entry the account belongs to: reads of one's own report are not audited as reads by others. */
    readonly personId: string | null = null,
  ) {}

  /** Whether one of the roles, held at this organization or an ancestor, reaches `targetPath`. */
  reaches(roles: readonly Role[], targetPath: string): boolean {
    return grantsReach(this.grants, roles, targetPath);
  }

  assertReaches(roles: readonly Role[], targetPath: string): void {
    if (!this.reaches(roles, targetPath)) throw forbidden();
  }

  /** Paths of the topmost organizations where the actor holds one of the roles. */
  scopeRoots(roles: readonly Role[]): string[] {
    return scopeRoots(
      this.grants.filter((grant) => roles.includes(grant.role)).map((g) => g.organizationPath),
    );
  }

  hasAnyRole(roles: readonly Role[]): boolean {
    return this.grants.some((grant) => roles.includes(grant.role));
  }
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('unauthenticated', 'Bạn cần đăng nhập để tiếp tục.');
  return actor;
}
