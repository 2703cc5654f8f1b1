import { and, eq, isNull, like } from 'drizzle-orm';
import type { RosterImportResult, RosterImportRowError } from '../../contract/people.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { organizations, people } from '../../db/schema/index.js';
import { type EmploymentPeriod, latestPeriodChange } from '../../domain/employment.js';
import {
  identityKey,
  membershipIssues,
  nextPersonCodes,
  type RosterIdentity,
  rosterClashes,
  staffCodeKey,
} from '../../domain/people.js';
import { foldVietnamese } from '../../domain/text.js';
import type { Actor } from '../auth/actor.js';
import { ROSTER_KEEPERS } from '../auth/roles.js';
import { AppError } from '../errors.js';
import { workplaceInScope } from '../workplaces/access.js';
import { lockWorkplaceRoster } from './access.js';
import { describeNamesake } from './duplicates.js';
import { periodsOf } from './employment.js';
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
 * row has no code; people of the workplace missing from the file are left alone (a person who
 * left is marked by their leaving day, never by a missing row). Duplicates are refused. The file is read
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
  const periods = await periodsOf(
    db,
    rows.map((row) => row.person.id),
  );
  return rows.map((row) => ({
    ...row.person,
    cellNameSearch: row.cellNameSearch,
    periods: periods.get(row.person.id) ?? [],
  }));
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

type Fail = (row: number, column: string, message: string) => void;

/** A new person's first period, as the database opens it (the trigger on people). */
const FIRST_PERIOD = { startedOn: null, leftOn: null, leavingReason: '' };

function planImport(
  entries: RosterEntry[],
  existing: ExistingPerson[],
  cells: Map<string, string[]>,
  errors: RosterImportRowError[],
): Planned[] {
  const fail: Fail = (row, column, message) => errors.push({ row, column, message });
  const matched = matchEntries(entries, existing, fail);
  const newCodes = nextPersonCodes(
    [...existing.map((person) => person.code), ...entries.map((entry) => entry.code)],
    entries.filter((entry) => !entry.code && matched.has(entry) && !matched.get(entry)).length,
  );
  const plan: Planned[] = [];
  for (const entry of entries) {
    if (!matched.has(entry)) continue;
    const person = matched.get(entry);
    const organizationId = resolveCell(entry, person, cells, fail);
    for (const issue of membershipIssues({ ...entry, organizationId })) {
      fail(entry.row, MEMBERSHIP_COLUMN[issue.field], issue.message);
    }
    const { change, issues } = latestPeriodChange<EmploymentPeriod & { id?: string }>(
      person?.periods ?? [FIRST_PERIOD],
      { startedOn: entry.startedOn, leftOn: entry.leftOn, leavingReason: entry.leavingReason },
    );
    for (const issue of issues) fail(entry.row, COLUMN_HEADER[issue.field], issue.message);
    const code = entry.code || person?.code || newCodes.shift()!;
    plan.push({
      entry,
      existing: person,
      code,
      values: personValues(entry, organizationId),
      employment: change,
    });
  }
  const failedRows = new Set(errors.map((error) => error.row));
  failClashes(
    plan.filter((planned) => !failedRows.has(planned.entry.row)),
    existing,
    fail,
  );
  return plan;
}

/**
 * Each row's person: by code (as staffCodeKey compares them), else by name and birth date among
 * those no other row claimed; undefined for a new person. A row repeating an earlier row's code
 * is reported and left out.
 */
function matchEntries(entries: RosterEntry[], existing: ExistingPerson[], fail: Fail) {
  const byCode = new Map(existing.map((person) => [staffCodeKey(person.code), person]));
  const claimed = new Set<string>();
  const firstRowOfCode = new Map<string, number>();
  const matched = new Map<RosterEntry, ExistingPerson | undefined>();
  for (const entry of entries) {
    if (!entry.code) continue;
    const key = staffCodeKey(entry.code);
    const earlier = firstRowOfCode.get(key);
    if (earlier !== undefined) {
      fail(
        entry.row,
        COLUMN_HEADER.code,
        `Mã "${entry.code}" trùng với dòng ${earlier} (không phân biệt hoa thường, dấu).`,
      );
      continue;
    }
    firstRowOfCode.set(key, entry.row);
    const person = byCode.get(key);
    if (person) claimed.add(person.id);
    matched.set(entry, person);
  }
  const byIdentity = new Map<string, ExistingPerson[]>();
  for (const person of [...existing].sort((a, b) => a.code.localeCompare(b.code))) {
    const key = identityKey(person.fullName, person.birthDate);
    byIdentity.set(key, [...(byIdentity.get(key) ?? []), person]);
  }
  for (const entry of entries) {
    if (entry.code) continue;
    const person = byIdentity
      .get(identityKey(entry.fullName, entry.birthDate))
      ?.find((candidate) => !claimed.has(candidate.id));
    if (person) claimed.add(person.id);
    matched.set(entry, person);
  }
  return matched;
}

/**
 * Issue 11: the roster after the import must hold no duplicate (rosterClashes): a row that would
 * repeat someone is reported with the row or person it repeats, and nothing is written. Rows
 * already wrong are left out, so an empty name is not also fifty duplicates.
 */
function failClashes(plan: Planned[], existing: ExistingPerson[], fail: Fail): void {
  const inFile = new Set(plan.flatMap((planned) => (planned.existing ? [planned.existing.id] : [])));
  type Ref = ExistingPerson | RosterEntry;
  const identities: RosterIdentity<Ref>[] = [
    ...existing
      .filter((person) => !inFile.has(person.id))
      .map((person) => ({ ref: person as Ref, ...person })),
    ...[...plan]
      .sort((a, b) => Number(!a.existing) - Number(!b.existing))
      .map((planned) => ({
        ref: planned.entry as Ref,
        code: planned.code,
        fullName: planned.values.fullName,
        birthDate: planned.values.birthDate ?? null,
        distinctConfirmed: planned.values.distinctConfirmed ?? false,
      })),
  ];
  const describe = (ref: Ref) =>
    'row' in ref ? `dòng ${ref.row}` : `${describeNamesake(ref)} đã có trong cơ quan`;
  for (const clash of rosterClashes(identities)) {
    if (!('row' in clash.ref)) continue;
    if (clash.kind === 'code') {
      fail(clash.ref.row, COLUMN_HEADER.code, `Mã trùng với ${describe(clash.with)}.`);
    } else {
      fail(
        clash.ref.row,
        COLUMN_HEADER.fullName,
        `Trùng họ tên và ngày sinh với ${describe(clash.with)}. Nếu đúng là người khác, ghi Có ở cột "${COLUMN_HEADER.distinctConfirmed}"; nếu là cùng một người, ghi đúng Mã của người đó.`,
      );
    }
  }
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
    distinctConfirmed: entry.distinctConfirmed,
  };
}
