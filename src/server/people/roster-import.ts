import { and, eq, isNull, like } from 'drizzle-orm';
import type { RosterImportResult, RosterImportRowError } from '../../contract/people.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { organizations, people } from '../../db/schema/index.js';
import { membershipIssues, nextPersonCodes } from '../../domain/people.js';
import { foldVietnamese } from '../../domain/text.js';
import type { Actor } from '../auth/actor.js';
import { ROSTER_KEEPERS } from '../auth/roles.js';
import { AppError } from '../errors.js';
import { workplaceInScope } from '../workplaces/access.js';
import { lockWorkplaceRoster } from './access.js';
import { applyPlan, type ExistingPerson, type PersonValues, type Planned } from './roster-apply.js';
import { COLUMN_HEADER } from './roster-columns.js';
import { loadWorkbook, type RosterEntry, readRosterRows, rowErrors } from './roster-read.js';
import { assertSafeXlsx } from './roster-upload.js';

const MEMBERSHIP_COLUMN = {
  isPartyMember: COLUMN_HEADER.isPartyMember,
  organizationId: COLUMN_HEADER.organizationName,
  isCommitteeMember: COLUMN_HEADER.isCommitteeMember,
  partyOffice: COLUMN_HEADER.partyOffice,
} as const;

/**
 * Imports a roster into one workplace: every row is checked first, and only a fully valid file
 * is written, in one transaction. People are matched by code, or by name and birth date when the
 * row has no code; people of the workplace missing from the file are left alone. The file is read
 * only once the actor is known to keep this workplace's roster.
 */
export async function importRoster(
  db: Db,
  actor: Actor,
  workplaceId: string,
  readFile: () => Promise<Buffer>,
): Promise<RosterImportResult> {
  const { workplace, organizationPath } = await workplaceInScope(db, actor, workplaceId, ROSTER_KEEPERS);
  if (workplace.closedAt) {
    throw new AppError('conflict', 'Không thể nhập danh sách vào cơ quan, đơn vị đã đóng.');
  }
  const file = await readFile();
  await assertSafeXlsx(file);
  const { entries, errors } = readRosterRows(await loadWorkbook(file));
  return db.transaction(async (tx) => {
    await lockWorkplaceRoster(tx, workplaceId);
    const existing = await existingPeople(tx, workplaceId);
    const cells = await cellsByName(tx, actor, organizationPath);
    const plan = planImport(entries, existing, cells, errors);
    if (errors.length) throw rowErrors(errors);
    return applyPlan(tx, actor, workplaceId, organizationPath, plan);
  });
}

async function existingPeople(db: DbOrTx, workplaceId: string): Promise<ExistingPerson[]> {
  const rows = await db
    .select({ person: people, cellNameSearch: organizations.nameSearch })
    .from(people)
    .leftJoin(organizations, eq(organizations.id, people.organizationId))
    .where(eq(people.workplaceId, workplaceId));
  return rows.map((row) => ({ ...row.person, cellNameSearch: row.cellNameSearch }));
}

/** Cells a roster may name: open organizations under the workplace's own, that the actor keeps. */
async function cellsByName(db: DbOrTx, actor: Actor, organizationPath: string) {
  const rows = await db
    .select({ id: organizations.id, nameSearch: organizations.nameSearch, path: organizations.path })
    .from(organizations)
    .where(and(like(organizations.path, `${organizationPath}%`), isNull(organizations.closedAt)));
  const byName = new Map<string, string[]>();
  for (const row of rows) {
    if (!actor.reaches(ROSTER_KEEPERS, row.path)) continue;
    byName.set(row.nameSearch, [...(byName.get(row.nameSearch) ?? []), row.id]);
  }
  return byName;
}

const identity = (fullName: string, birthDate: string | null) =>
  `${foldVietnamese(fullName)}|${birthDate ?? ''}`;

function planImport(
  entries: RosterEntry[],
  existing: ExistingPerson[],
  cells: Map<string, string[]>,
  errors: RosterImportRowError[],
): Planned[] {
  const fail = (row: number, column: string, message: string) => errors.push({ row, column, message });
  const byCode = new Map(existing.map((person) => [person.code, person]));
  const claimed = new Set<string>();
  const firstRowOfCode = new Map<string, number>();
  const matched = new Map<RosterEntry, ExistingPerson | undefined>();
  for (const entry of entries) {
    if (!entry.code) continue;
    const earlier = firstRowOfCode.get(entry.code);
    if (earlier !== undefined) {
      fail(entry.row, COLUMN_HEADER.code, `Mã "${entry.code}" trùng với dòng ${earlier}.`);
      continue;
    }
    firstRowOfCode.set(entry.code, entry.row);
    const person = byCode.get(entry.code);
    if (person) claimed.add(person.id);
    matched.set(entry, person);
  }
  const byIdentity = new Map<string, ExistingPerson[]>();
  for (const person of [...existing].sort((a, b) => a.code.localeCompare(b.code))) {
    const key = identity(person.fullName, person.birthDate);
    byIdentity.set(key, [...(byIdentity.get(key) ?? []), person]);
  }
  for (const entry of entries) {
    if (entry.code) continue;
    const person = byIdentity
      .get(identity(entry.fullName, entry.birthDate))
      ?.find((candidate) => !claimed.has(candidate.id));
    if (person) claimed.add(person.id);
    matched.set(entry, person);
  }
  const newCodes = nextPersonCodes(
    [...byCode.keys(), ...firstRowOfCode.keys()],
    entries.filter((entry) => !entry.code && !matched.get(entry)).length,
  );
  const plan: Planned[] = [];
  for (const entry of entries) {
    if (!matched.has(entry)) continue;
    const person = matched.get(entry);
    const organizationId = resolveCell(entry, person, cells, fail);
    for (const issue of membershipIssues({ ...entry, organizationId })) {
      fail(entry.row, MEMBERSHIP_COLUMN[issue.field], issue.message);
    }
    const code = entry.code || person?.code || newCodes.shift()!;
    plan.push({ entry, existing: person, code, values: personValues(entry, organizationId) });
  }
  return plan;
}

/** The cell named in the row; a person already in a cell of that name keeps it even outside the subtree. */
function resolveCell(
  entry: RosterEntry,
  person: ExistingPerson | undefined,
  cells: Map<string, string[]>,
  fail: (row: number, column: string, message: string) => void,
): string | null {
  if (!entry.organizationName) return null;
  const found = cells.get(foldVietnamese(entry.organizationName)) ?? [];
  if (found.length === 1) return found[0]!;
  if (
    person?.organizationId &&
    found.length === 0 &&
    person.cellNameSearch === foldVietnamese(entry.organizationName)
  ) {
    return person.organizationId;
  }
  fail(
    entry.row,
    COLUMN_HEADER.organizationName,
    found.length
      ? `Có nhiều chi bộ tên "${entry.organizationName}"; hãy ghi tên đầy đủ, không trùng.`
      : `Không tìm thấy chi bộ "${entry.organizationName}" thuộc tổ chức của cơ quan này.`,
  );
  return 'unresolved';
}

function personValues(entry: RosterEntry, organizationId: string | null): PersonValues {
  return {
    fullName: entry.fullName,
    nameSearch: foldVietnamese(entry.fullName),
    birthDate: entry.birthDate,
    gender: entry.gender,
    jobTitle: entry.jobTitle,
    employmentType: entry.employmentType,
    isPartyMember: entry.isPartyMember,
    organizationId,
    partyOffice: entry.partyOffice,
    governmentOffice: entry.governmentOffice,
    isCommitteeMember: entry.isCommitteeMember,
    assignedDuty: entry.assignedDuty,
  };
}
