import { and, asc, count, eq, like, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CreatePersonBody, UpdatePersonBody } from '../../contract/people.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { pgConstraintName, pgErrorCode } from '../../db/errors.js';
import { organizations, people, workplaces } from '../../db/schema/index.js';
import { isCountedMass } from '../../domain/eligibility.js';
import type { EmploymentType } from '../../domain/employment.js';
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

export interface ListedPerson {
  person: PersonRow;
  workplaceName: string;
  organizationName: string | null;
  countedMass: boolean;
}

export interface PeopleSearch {
  q: string;
  organizationId?: string;
  workplaceId?: string;
  isPartyMember?: 'true' | 'false';
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

export async function searchPeople(
  db: Db,
  actor: Actor,
  search: PeopleSearch,
): Promise<{ items: ListedPerson[]; total: number }> {
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
  const where = and(...conditions);

  const [counted] = await db
    .select({ total: count() })
    .from(people)
    .innerJoin(workplaces, eq(workplaces.id, people.workplaceId))
    .innerJoin(workplaceOrganization, eq(workplaceOrganization.id, workplaces.organizationId))
    .where(where);
  const rows = await selectListedPeople(db)
    .where(where)
    .orderBy(asc(people.nameSearch), asc(people.id))
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize);
  return { items: await withCountedMass(db, rows), total: counted?.total ?? 0 };
}

export async function withCountedMass(
  db: DbOrTx,
  rows: Omit<ListedPerson, 'countedMass'>[],
): Promise<ListedPerson[]> {
  const rules = await readEligibilitySettings(db);
  return rows.map((row) => ({
    ...row,
    countedMass: isCountedMass(
      {
        isPartyMember: row.person.isPartyMember,
        employmentType: row.person.employmentType as EmploymentType,
      },
      rules,
    ),
  }));
}

export async function getPerson(db: Db, actor: Actor, id: string): Promise<ListedPerson> {
  await personInScope(db, actor, id, ROSTER_READERS);
  return loadListedPerson(db, id);
}

async function loadListedPerson(db: Db, id: string): Promise<ListedPerson> {
  const rows = await selectListedPeople(db).where(eq(people.id, id));
  const [listed] = await withCountedMass(db, rows);
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

export const duplicateCode = () =>
  new AppError('conflict', 'Mã nhân sự đã có trong cơ quan này.', [
    { path: 'body.code', message: 'Mã nhân sự đã có trong cơ quan này.' },
  ]);

async function translatingDuplicateCode<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (pgErrorCode(error) === '23505' && pgConstraintName(error) === 'people_workplace_code_key') {
      throw duplicateCode();
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
    const [created] = await translatingDuplicateCode(() =>
      tx
        .insert(people)
        .values({ ...fields, code, nameSearch: foldVietnamese(fullName) })
        .returning(),
    );
    await recordAudit(tx, actor, {
      action: 'person.created',
      targetType: 'person',
      targetId: created!.id,
      organizationPath,
      changes: createdFields({ ...fields, code }),
    });
    return created!.id;
  });
  return loadListedPerson(db, id);
}

export async function updatePerson(
  db: Db,
  actor: Actor,
  id: string,
  { version, ...body }: UpdatePersonBody,
): Promise<ListedPerson> {
  await db.transaction(async (tx) => {
    const { person: before, workplaceOrganizationPath } = await personInScope(tx, actor, id, ROSTER_KEEPERS);
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
    const nameSearch = fields.fullName === undefined ? undefined : foldVietnamese(fields.fullName);
    const [updated] = await translatingDuplicateCode(() =>
      tx
        .update(people)
        .set({ ...fields, nameSearch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(people.id, id), eq(people.version, version)))
        .returning(),
    );
    if (!updated) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'person.updated',
      targetType: 'person',
      targetId: id,
      organizationPath: workplaceOrganizationPath,
      changes: changedFields(before, fields),
    });
  });
  return loadListedPerson(db, id);
}

/** People carry no history of their own yet, so a mistaken entry is removed outright; the audit keeps who and what. */
export async function deletePerson(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const { person, workplaceOrganizationPath } = await personInScope(tx, actor, id, ROSTER_KEEPERS);
    const [deleted] = await tx
      .delete(people)
      .where(and(eq(people.id, id), eq(people.version, version)))
      .returning({ id: people.id });
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

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
