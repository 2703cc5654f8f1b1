import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { people, workplaces } from '../../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { ROSTER_READERS } from '../auth/roles.js';
import { organizationInScope } from '../organizations/access.js';
import { workplaceInScope } from '../workplaces/access.js';
import { rosterExport } from './roster-workbook.js';
import { selectListedPeople, withCountedMass, withinPath } from './service.js';

export interface RosterFile {
  fileName: string;
  content: Buffer;
}

const order = [asc(workplaces.nameSearch), asc(people.code)] as const;

export async function exportWorkplaceRoster(db: Db, actor: Actor, workplaceId: string): Promise<RosterFile> {
  const { workplace } = await workplaceInScope(db, actor, workplaceId, ROSTER_READERS);
  const rows = await selectListedPeople(db)
    .where(eq(people.workplaceId, workplaceId))
    .orderBy(...order);
  return {
    fileName: `Danh sách nhân sự - ${workplace.name}.xlsx`,
    content: await rosterExport(await withCountedMass(db, rows)),
  };
}

/** The people of every workplace in the organization's subtree, in one sheet. */
export async function exportOrganizationRoster(
  db: Db,
  actor: Actor,
  organizationId: string,
): Promise<RosterFile> {
  const organization = await organizationInScope(db, actor, organizationId, ROSTER_READERS);
  const rows = await selectListedPeople(db)
    .where(withinPath(organization.path))
    .orderBy(...order);
  return {
    fileName: `Danh sách nhân sự - ${organization.name}.xlsx`,
    content: await rosterExport(await withCountedMass(db, rows)),
  };
}
