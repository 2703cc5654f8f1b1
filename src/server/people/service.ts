import { and, asc, count, eq, like, not, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CreatePersonBody, LeavingBody, ReturnBody, UpdatePersonBody } from '../../contract/people.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { isReferencedElsewhere, pgConstraintName, pgErrorCode } from '../../db/errors.js';
import { organizations, people, workplaces } from '../../db/schema/index.js';
import { vietnamToday } from '../../domain/dates.js';
import { isCountedMass } from '../../domain/eligibility.js';
import {
  type EmploymentPeriod,
  type EmploymentType,
  isEmployedOn,
  periodIssues,
} from '../../domain/employment.js';
import { type MembershipFacts, membershipIssues, nextPersonCodes } from '../../domain/people.js';
import { foldVietnamese, tidyName } from '../../domain/text.js';
import { changedFields, createdFields, recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { ROSTER_KEEPERS, ROSTER_READERS } from '../auth/roles.js';
import { AppError, forbidden, staleVersion } from '../errors.js';
import { organizationInScope } from '../organizations/access.js';
import { readEligibilitySettings } from '../settings/eligibility-settings.js';
import { workplaceInScope } from '../workplaces/access.js';
import { lockWorkplaceRoster, type PersonRow, personInScope } from './access.js';
import { assertNoRosterDuplicate, duplicateCode } from './duplicates.js';
import {
  assertNoEmploymentIssues,
  cancelLeaving,
  employedTodaySql,
  periodsOf,
  recordLeaving,
  recordReturn,
  setLatestStart,
} from './employment.js';

export interface ListedPerson {
  person: PersonRow;
  workplaceName: string;
  organizationName: string | null;
  countedMass: boolean;
  /** Oldest first. */
  periods: EmploymentPeriod[];
  employedNow: boolean;
}

export interface PeopleSearch {
  q: string;
  organizationId?: string;
  workplaceId?: string;
  isPartyMember?: 'true' | 'false';
  employment?: 'current' | 'left';
  page: number;
  pageSize: number;
}

export const workplaceOrganization = alias(organizations, 'workplace_organization');
export const memberOrganization = alias(organizations, 'member_organization');

const listColumns = {
  person: people,
  workplaceName: workplaces.name,
  organizationName: memberOrganization.name,
};

/** People with their workplace and cell names, joined once so scope filters can use the workplace's path. */
export function selectListedPeople(db: DbOrTx) {
  return db
    .select(listColumns)
    .from(people)
    .innerJoin(workplaces, eq(workplaces.id, people.workplaceId))
    .innerJoin(workplaceOrganization, eq(workplaceOrganization.id, workplaces.organizationId))
    .leftJoin(memberOrganization, eq(memberOrganization.id, people.organizationId));
}

export const withinPath = (path: string) => like(workplaceOrganization.path, `${path}%`);

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (match) => `\\${match}`);

/** How many matches a people search counts at most; past it the answer says "more than". */
export const SEARCH_COUNT_LIMIT = 1000;

export async function searchPeople(
  db: Db,
  actor: Actor,
  search: PeopleSearch,
): Promise<{ items: ListedPerson[]; total: number; totalCapped: boolean }> {
  const conditions: (SQL | undefined)[] = [];
  if (search.workplaceId) {
    await workplaceInScope(db, actor, search.workplaceId, ROSTER_READERS);
    conditions.push(eq(people.workplaceId, search.workplaceId));
  }
  if (search.organizationId) {
    const organization = await organizationInScope(db, actor, search.organizationId, ROSTER_READERS);
    conditions.push(withinPath(organization.path));
  }
  if (!search.workplaceId && !search.organizationId) {
    const roots = actor.scopeRoots(ROSTER_READERS);
    if (roots.length === 0) throw forbidden();
    conditions.push(or(...roots.map(withinPath)));
  }
  const folded = foldVietnamese(search.q);
  if (folded) conditions.push(like(people.nameSearch, `%${escapeLike(folded)}%`));
  if (search.isPartyMember) conditions.push(eq(people.isPartyMember, search.isPartyMember === 'true'));
  if (search.employment === 'current') conditions.push(employedTodaySql());
  if (search.employment === 'left') conditions.push(not(employedTodaySql()));
  const where = and(...conditions);

  // Counted only up to SEARCH_COUNT_LIMIT + 1 matches: a name typed at the top of the country
  // matches hundreds of thousands of people, and counting them all cost more than the page.
  const matches = db
    .select({ id: people.id })
    .from(people)
    .innerJoin(workplaces, eq(workplaces.id, people.workplaceId))
    .innerJoin(workplaceOrganization, eq(workplaceOrganization.id, workplaces.organizationId))
    .where(where)
    .limit(SEARCH_COUNT_LIMIT + 1)
    .as('matches');
  const [counted] = await db.select({ total: count() }).from(matches);
  const total = counted?.total ?? 0;
  // Ordered by the bytes of the folded name (`using ~<~`, the text_pattern_ops index's order): for
  // a common name PostgreSQL walks that index in order and stops at the page; for a rare one it
  // takes the trigram index and sorts the few matches.
  const rows = await selectListedPeople(db)
    .where(where)
    .orderBy(sql`${people.nameSearch} using ~<~`, asc(people.id))
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize);
  return {
    items: await withEmployment(db, rows),
    total: Math.min(total, SEARCH_COUNT_LIMIT),
    totalCapped: total > SEARCH_COUNT_LIMIT,
  };
}

/** Adds each person's employment periods and whether they work there and count as masses today. */
export async function withEmployment(
  db: DbOrTx,
  rows: Omit<ListedPerson, 'countedMass' | 'periods' | 'employedNow'>[],
): Promise<ListedPerson[]> {
  const rules = await readEligibilitySettings(db);
  const periods = await periodsOf(
    db,
    rows.map((row) => row.person.id),
  );
  const today = vietnamToday();
  return rows.map((row) => {
    const own = (periods.get(row.person.id) ?? []).map(({ startedOn, leftOn, leavingReason }) => ({
      startedOn,
      leftOn,
      leavingReason,
    }));
    const employedNow = isEmployedOn(own, today);
    return {
      ...row,
      periods: own,
      employedNow,
      countedMass:
        employedNow &&
        isCountedMass(
          {
            isPartyMember: row.person.isPartyMember,
            employmentType: row.person.employmentType as EmploymentType,
          },
          rules,
        ),
    };
  });
}

export async function getPerson(db: Db, actor: Actor, id: string): Promise<ListedPerson> {
  await personInScope(db, actor, id, ROSTER_READERS);
  return loadListedPerson(db, id);
}

async function loadListedPerson(db: Db, id: string): Promise<ListedPerson> {
  const rows = await selectListedPeople(db).where(eq(people.id, id));
  const [listed] = await withEmployment(db, rows);
  return listed!;
}

function assertMembership(facts: MembershipFacts): void {
  const issues = membershipIssues(facts).map((issue) => ({
    path: `body.${issue.field}`,
    message: issue.message,
  }));
  const first = issues[0];
  if (first) {
    throw new AppError('bad_request', `Dữ liệu không hợp lệ ở "${first.path}": ${first.message}`, issues);
  }
}

/** A member's cell must be an open organization the actor keeps rosters for. */
export async function assertMemberCell(db: DbOrTx, actor: Actor, organizationId: string | null) {
  if (!organizationId) return;
  const cell = await organizationInScope(db, actor, organizationId, ROSTER_KEEPERS);
  if (cell.closedAt) throw new AppError('conflict', 'Không thể xếp đảng viên vào tổ chức đã đóng.');
}

/** The unique keys are the last line behind assertNoRosterDuplicate; their refusals read the same. */
async function translatingDuplicates<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (pgErrorCode(error) !== '23505') throw error;
    if (pgConstraintName(error) === 'people_workplace_code_key') throw duplicateCode();
    if (pgConstraintName(error) === 'people_workplace_identity_key') {
      throw new AppError('conflict', 'Đã có người cùng họ tên và ngày sinh trong cơ quan này.', [
        {
          path: 'body.distinctConfirmed',
          message: 'Đã có người cùng họ tên và ngày sinh trong cơ quan này.',
        },
      ]);
    }
    throw error;
  }
}

export async function takenCodes(db: DbOrTx, workplaceId: string): Promise<string[]> {
  const rows = await db.select({ code: people.code }).from(people).where(eq(people.workplaceId, workplaceId));
  return rows.map((row) => row.code);
}

export async function createPerson(db: Db, actor: Actor, body: CreatePersonBody): Promise<ListedPerson> {
  const id = await db.transaction(async (tx) => {
    const { workplace, organizationPath } = await workplaceInScope(
      tx,
      actor,
      body.workplaceId,
      ROSTER_KEEPERS,
    );
    if (workplace.closedAt) {
      throw new AppError('conflict', 'Không thể thêm người vào cơ quan, đơn vị đã đóng.');
    }
    const fullName = tidyName(body.fullName);
    const fields = {
      workplaceId: body.workplaceId,
      fullName,
      birthDate: body.birthDate ?? null,
      gender: body.gender ?? null,
      jobTitle: body.jobTitle ?? '',
      employmentType: body.employmentType,
      isPartyMember: body.isPartyMember,
      organizationId: body.organizationId ?? null,
      partyOffice: body.partyOffice ?? '',
      governmentOffice: body.governmentOffice ?? '',
      isCommitteeMember: body.isCommitteeMember ?? false,
      assignedDuty: body.assignedDuty ?? '',
    };
    assertMembership(fields);
    await assertMemberCell(tx, actor, fields.organizationId);
    await lockWorkplaceRoster(tx, body.workplaceId);
    const code = body.code || nextPersonCodes(await takenCodes(tx, body.workplaceId), 1)[0]!;
    const distinctConfirmed = body.distinctConfirmed ?? false;
    await assertNoRosterDuplicate(tx, { ...fields, code, distinctConfirmed });
    const startedOn = body.startedOn ?? null;
    assertNoEmploymentIssues(periodIssues({ startedOn, leftOn: null, leavingReason: '' }, []));
    const [created] = await translatingDuplicates(() =>
      tx
        .insert(people)
        .values({
          ...fields,
          code,
          distinctConfirmed,
          nameSearch: foldVietnamese(fullName),
        })
        .returning(),
    );
    if (startedOn) await setLatestStart(tx, created!.id, startedOn);
    await recordAudit(tx, actor, {
      action: 'person.created',
      targetType: 'person',
      targetId: created!.id,
      organizationPath,
      changes: createdFields({
        ...fields,
        code,
        startedOn,
        ...(distinctConfirmed ? { distinctConfirmed } : {}),
      }),
    });
    return created!.id;
  });
  return loadListedPerson(db, id);
}

export async function updatePerson(
  db: Db,
  actor: Actor,
  id: string,
  { version, startedOn, ...body }: UpdatePersonBody,
): Promise<ListedPerson> {
  await db.transaction(async (tx) => {
    const { person: before, workplaceOrganizationPath } = await personInScope(tx, actor, id, ROSTER_KEEPERS);
    await lockWorkplaceRoster(tx, before.workplaceId);
    if (body.code === '') {
      throw new AppError('bad_request', 'Dữ liệu không hợp lệ ở "body.code": Mã không được để trống.', [
        { path: 'body.code', message: 'Mã không được để trống.' },
      ]);
    }
    const fields = { ...body, fullName: body.fullName === undefined ? undefined : tidyName(body.fullName) };
    const merged = { ...before, ...withoutUndefined(fields) };
    assertMembership(merged);
    if (fields.organizationId && fields.organizationId !== before.organizationId) {
      await assertMemberCell(tx, actor, fields.organizationId);
    }
    if (before.version !== version) throw staleVersion();
    const identityChanged =
      merged.code !== before.code ||
      merged.fullName !== before.fullName ||
      merged.birthDate !== before.birthDate ||
      merged.distinctConfirmed !== before.distinctConfirmed;
    if (identityChanged) await assertNoRosterDuplicate(tx, merged, id);
    const nameSearch = fields.fullName === undefined ? undefined : foldVietnamese(fields.fullName);
    const [updated] = await translatingDuplicates(() =>
      tx
        .update(people)
        .set({ ...fields, nameSearch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(people.id, id), eq(people.version, version)))
        .returning(),
    );
    if (!updated) throw staleVersion();
    const changes = changedFields(before, fields);
    if (startedOn !== undefined) {
      const started = await setLatestStart(tx, id, startedOn);
      if (started) changes.startedOn = started;
    }
    await recordAudit(tx, actor, {
      action: 'person.updated',
      targetType: 'person',
      targetId: id,
      organizationPath: workplaceOrganizationPath,
      changes,
    });
  });
  return loadListedPerson(db, id);
}

/**
 * Removes a person entered by mistake; the audit keeps who and what. Someone who really worked
 * there leaves instead (recordLeaving): once a plan counted them or they wrote a report, the
 * database refuses the removal and the message says to record the leaving.
 */
export async function deletePerson(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const { person, workplaceOrganizationPath } = await personInScope(tx, actor, id, ROSTER_KEEPERS);
    const [deleted] = await tx
      .delete(people)
      .where(and(eq(people.id, id), eq(people.version, version)))
      .returning({ id: people.id })
      .catch((error: unknown) => {
        if (isReferencedElsewhere(error)) throw personInRecords();
        throw error;
      });
    if (!deleted) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'person.deleted',
      targetType: 'person',
      targetId: id,
      organizationPath: workplaceOrganizationPath,
      changes: {
        code: { from: person.code, to: null },
        fullName: { from: person.fullName, to: null },
        workplaceId: { from: person.workplaceId, to: null },
      },
    });
  });
}

const personInRecords = () =>
  new AppError(
    'conflict',
    'Người này đã có trong hồ sơ (danh sách được tính của kế hoạch, bản tự phê bình, tài khoản hoặc cuộc họp) nên không xóa được. Nếu người này đã nghỉ việc, hãy ghi nhận nghỉ việc để giữ lịch sử.',
  );

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

/** DESIGN step 2: a person who left is kept with the day and reason, and counted no more from then. */
export async function leavePerson(
  db: Db,
  actor: Actor,
  id: string,
  body: LeavingBody,
): Promise<ListedPerson> {
  await db.transaction((tx) => recordLeaving(tx, actor, id, body));
  return loadListedPerson(db, id);
}

export async function cancelPersonLeaving(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
): Promise<ListedPerson> {
  await db.transaction((tx) => cancelLeaving(tx, actor, id, version));
  return loadListedPerson(db, id);
}

export async function returnPerson(
  db: Db,
  actor: Actor,
  id: string,
  body: ReturnBody,
): Promise<ListedPerson> {
  await db.transaction((tx) => recordReturn(tx, actor, id, body));
  return loadListedPerson(db, id);
}
