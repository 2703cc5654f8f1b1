import { and, asc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organizations, people, workplaces } from '../../db/schema/index.js';
import { childPath, depthOf, idsOnPath, wouldCreateCycle } from '../../domain/organization-path.js';
import { foldVietnamese } from '../../domain/text.js';
import { changedFields, createdFields, recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { ADMINISTRATORS, EVERYONE, ROSTER_KEEPERS, ROSTER_READERS } from '../auth/roles.js';
import { AppError, staleVersion } from '../errors.js';
import { type OrganizationRow, organizationInScope } from './access.js';

export interface OrganizationFields {
  kind: string;
  name: string;
  shortName: string;
  headerSuperior: string;
  headerIssuer: string;
}

// Drizzle leaves columns unqualified in single-table selects, so the outer table is named explicitly here.
const childCount = sql<number>`(select count(*)::int from organizations c where c.parent_id = "organizations"."id" and c.closed_at is null)`;
const workplaceCount = sql<number>`(select count(*)::int from workplaces w where w.organization_id = "organizations"."id" and w.closed_at is null)`;

const listColumns = { row: organizations, childCount, workplaceCount };

export type ListedOrganization = { row: OrganizationRow; childCount: number; workplaceCount: number };

/** Children of an organization, or the tops of the actor's scope when no parent is given. */
export async function listOrganizations(
  db: Db,
  actor: Actor,
  parentId: string | undefined,
  includeClosed: boolean,
): Promise<ListedOrganization[]> {
  const open = includeClosed ? undefined : isNull(organizations.closedAt);
  if (parentId) {
    await organizationInScope(db, actor, parentId, EVERYONE);
    return db
      .select(listColumns)
      .from(organizations)
      .where(and(eq(organizations.parentId, parentId), open))
      .orderBy(asc(organizations.name));
  }
  const roots = actor.scopeRoots(EVERYONE);
  if (roots.length === 0) return [];
  return db
    .select(listColumns)
    .from(organizations)
    .where(and(inArray(organizations.path, roots), open))
    .orderBy(asc(organizations.name));
}

export async function getListedOrganization(db: Db, id: string): Promise<ListedOrganization> {
  const [listed] = await db.select(listColumns).from(organizations).where(eq(organizations.id, id));
  if (!listed) throw new AppError('not_found', 'Không tìm thấy tổ chức.');
  return listed;
}

export async function getOrganizationDetail(db: Db, actor: Actor, id: string) {
  const row = await organizationInScope(db, actor, id, EVERYONE);
  const listed = await getListedOrganization(db, id);
  const ancestorIds = idsOnPath(row.path).slice(0, -1);
  const ancestors = ancestorIds.length
    ? (await db.select().from(organizations).where(inArray(organizations.id, ancestorIds)))
        .filter((ancestor) => actor.reaches(EVERYONE, ancestor.path))
        .sort((a, b) => a.depth - b.depth)
        .map((ancestor) => ({ id: ancestor.id, name: ancestor.name }))
    : [];
  const children = await listOrganizations(db, actor, id, true);
  const readPeople = actor.reaches(ROSTER_READERS, row.path);
  const committee = readPeople
    ? await db
        .select({
          personId: people.id,
          fullName: people.fullName,
          partyOffice: people.partyOffice,
          workplaceName: workplaces.name,
        })
        .from(people)
        .innerJoin(workplaces, eq(workplaces.id, people.workplaceId))
        .where(and(eq(people.organizationId, id), eq(people.isCommitteeMember, true)))
        .orderBy(asc(people.nameSearch))
    : [];
  return {
    listed,
    ancestors,
    children,
    committee,
    permissions: {
      editTree: actor.reaches(ADMINISTRATORS, row.path),
      editWorkplaces: actor.reaches(ROSTER_KEEPERS, row.path),
      readPeople,
    },
  };
}

export async function createOrganization(
  db: Db,
  actor: Actor,
  parentId: string,
  fields: OrganizationFields,
): Promise<OrganizationRow> {
  return db.transaction(async (tx) => {
    const parent = await organizationInScope(tx, actor, parentId, ADMINISTRATORS);
    if (parent.closedAt) throw new AppError('conflict', 'Không thể thêm tổ chức vào một tổ chức đã đóng.');
    const id = crypto.randomUUID();
    const path = childPath(parent.path, id);
    const [created] = await tx
      .insert(organizations)
      .values({
        id,
        parentId,
        path,
        depth: depthOf(path),
        nameSearch: foldVietnamese(fields.name),
        ...fields,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'organization.created',
      targetType: 'organization',
      targetId: id,
      organizationPath: path,
      changes: createdFields({ parentId, ...fields }),
    });
    return created!;
  });
}

export async function updateOrganization(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  fields: Partial<OrganizationFields>,
): Promise<OrganizationRow> {
  return db.transaction(async (tx) => {
    const before = await organizationInScope(tx, actor, id, ADMINISTRATORS);
    const nameSearch = fields.name === undefined ? undefined : foldVietnamese(fields.name);
    const [updated] = await tx
      .update(organizations)
      .set({ ...fields, nameSearch, version: version + 1, updatedAt: new Date() })
      .where(and(eq(organizations.id, id), eq(organizations.version, version)))
      .returning();
    if (!updated) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'organization.updated',
      targetType: 'organization',
      targetId: id,
      organizationPath: before.path,
      changes: changedFields(before, fields),
    });
    return updated;
  });
}

/** Moves an organization with its whole subtree: every descendant's path is rebased in one statement. */
export async function moveOrganization(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  newParentId: string,
): Promise<OrganizationRow> {
  return db.transaction(async (tx) => {
    const moved = await organizationInScope(tx, actor, id, ADMINISTRATORS);
    const newParent = await organizationInScope(tx, actor, newParentId, ADMINISTRATORS);
    if (!moved.parentId) throw new AppError('conflict', 'Không thể chuyển tổ chức gốc.');
    if (wouldCreateCycle(moved.path, newParent.path)) {
      throw new AppError('conflict', 'Không thể chuyển một tổ chức vào chính nó hoặc tổ chức trực thuộc nó.');
    }
    if (newParent.closedAt) throw new AppError('conflict', 'Không thể chuyển vào một tổ chức đã đóng.');
    if (moved.version !== version) throw staleVersion();
    const newPath = childPath(newParent.path, moved.id);
    const depthShift = depthOf(newPath) - moved.depth;
    await tx
      .update(organizations)
      .set({
        path: sql`${newPath} || substr(${organizations.path}, ${moved.path.length + 1})`,
        depth: sql`${organizations.depth} + ${depthShift}`,
      })
      .where(like(organizations.path, `${moved.path}%`));
    const [updated] = await tx
      .update(organizations)
      .set({ parentId: newParentId, version: version + 1, updatedAt: new Date() })
      .where(eq(organizations.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'organization.moved',
      targetType: 'organization',
      targetId: id,
      organizationPath: newPath,
      changes: { parentId: { from: moved.parentId, to: newParentId } },
    });
    return updated!;
  });
}

/** A closed organization keeps its records and history; it only leaves the working tree. */
export async function setOrganizationClosed(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  closed: boolean,
): Promise<OrganizationRow> {
  return db.transaction(async (tx) => {
    const before = await organizationInScope(tx, actor, id, ADMINISTRATORS);
    if (closed) await assertNothingOpenBelow(tx as unknown as Db, before);
    const [updated] = await tx
      .update(organizations)
      .set({ closedAt: closed ? new Date() : null, version: version + 1, updatedAt: new Date() })
      .where(and(eq(organizations.id, id), eq(organizations.version, version)))
      .returning();
    if (!updated) throw staleVersion();
    await recordAudit(tx, actor, {
      action: closed ? 'organization.closed' : 'organization.reopened',
      targetType: 'organization',
      targetId: id,
      organizationPath: before.path,
      changes: { closed: { from: !closed, to: closed } },
    });
    return updated;
  });
}

async function assertNothingOpenBelow(db: Db, organization: OrganizationRow): Promise<void> {
  const [open] = await db
    .select({ children: childCount, workplaces: workplaceCount })
    .from(organizations)
    .where(eq(organizations.id, organization.id));
  if (open && (open.children > 0 || open.workplaces > 0)) {
    throw new AppError(
      'conflict',
      'Tổ chức còn tổ chức trực thuộc hoặc cơ quan, đơn vị đang hoạt động. Hãy đóng hoặc chuyển chúng trước.',
    );
  }
}
