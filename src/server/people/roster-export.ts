import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { people, workplaces } from '../../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { ROSTER_READERS } from '../auth/roles.js';
import { AppError } from '../errors.js';
import { organizationInScope } from '../organizations/access.js';
import { workplaceInScope } from '../workplaces/access.js';
import { periodsOf } from './employment.js';
import { type ExportedPerson, rosterExport } from './roster-workbook.js';
import { selectListedPeople, withinPath } from './service.js';

export interface RosterFile {
  fileName: string;
  content: Buffer;
}

const order = [asc(workplaces.nameSearch), asc(people.code)] as const;

/**
 * The workbook is built in memory: a bloc's roster (a few thousand members and their masses) fits
 * easily, while a province's or the country's is refused instead of exhausting the server.
 */
export const MAX_EXPORT_ROWS = 50_000;

async function buildRoster(db: Db, listed: Omit<ExportedPerson, 'periods'>[]): Promise<Buffer> {
  if (listed.length > MAX_EXPORT_ROWS) {
    throw new AppError(
      'unprocessable',
      `Danh sách có hơn ${MAX_EXPORT_ROWS.toLocaleString('vi-VN')} người, quá lớn cho một tệp. Hãy xuất theo từng tổ chức trực thuộc.`,
    );
  }
  const periods = await periodsOf(
    db,
    listed.map((row) => row.person.id),
  );
  return rosterExport(listed.map((row) => ({ ...row, periods: periods.get(row.person.id) ?? [] })));
}

export async function exportWorkplaceRoster(db: Db, actor: Actor, workplaceId: string): Promise<RosterFile> {
  const { workplace } = await workplaceInScope(db, actor, workplaceId, ROSTER_READERS);
  const rows = await selectListedPeople(db)
    .where(eq(people.workplaceId, workplaceId))
    .orderBy(...order)
    .limit(MAX_EXPORT_ROWS + 1);
  return {
    fileName: `Danh sách nhân sự - ${workplace.name}.xlsx`,
    content: await buildRoster(db, rows),
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
    .orderBy(...order)
    .limit(MAX_EXPORT_ROWS + 1);
  return {
    fileName: `Danh sách nhân sự - ${organization.name}.xlsx`,
    content: await buildRoster(db, rows),
  };
}
