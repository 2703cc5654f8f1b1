import type { Organization } from '../../contract/organizations.js';
import type { ListedOrganization } from './service.js';

/** Record → API shape: the materialized path and search columns stay inside the server. */
export function presentOrganization({ row, childCount, workplaceCount }: ListedOrganization): Organization {
  return {
    id: row.id,
    parentId: row.parentId,
    kind: row.kind,
    name: row.name,
    shortName: row.shortName,
    headerSuperior: row.headerSuperior,
    headerIssuer: row.headerIssuer,
    depth: row.depth,
    closed: row.closedAt !== null,
    childCount,
    workplaceCount,
    version: row.version,
  };
}
