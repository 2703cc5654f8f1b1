import type { Account } from '../../contract/accounts.js';
import type { Actor } from '../auth/actor.js';
import { ADMINISTRATORS } from '../auth/roles.js';
import type { AccountView } from './views.js';

/** Record → API shape: the password hash and organization paths never leave the server. */
export function presentAccount(view: AccountView, actor: Actor): Account {
  const { account } = view;
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    homeOrganizationId: account.homeOrganizationId,
    homeOrganizationName: view.homeOrganizationName,
    personId: account.personId,
    disabled: account.disabledAt !== null,
    mustChangePassword: account.mustChangePassword,
    roles: view.roles.map(({ id, role, organizationId, organizationName }) => ({
      id,
      role,
      organizationId,
      organizationName,
    })),
    canManage: view.roles.every((grant) => actor.reaches(ADMINISTRATORS, grant.organizationPath)),
    version: account.version,
  };
}
