import { and, asc, eq, isNull, like, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organizations, workplaces } from '../../db/schema/index.js';
import { assessEligibilityFromCounts, type Eligibility } from '../../domain/eligibility.js';
import type { EmploymentType } from '../../domain/employment.js';
import { foldVietnamese } from '../../domain/text.js';
import { changedFields, createdFields, recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { EVERYONE, ROSTER_KEEPERS } from '../auth/roles.js';
import { AppError, staleVersion } from '../errors.js';
import { organizationInScope } from '../organizations/access.js';
import { employedTodaySql } from '../people/employment.js';
import { readEligibilitySettings } from '../settings/eligibility-settings.js';
import { type WorkplaceRow, workplaceInScope } from './access.js';

export interface ListedWorkplace {
  workplace: WorkplaceRow;
  organizationName: string;
  memberCount: number;
  eligibility: Eligibility & { threshold: number };
}

// The outer table is named explicitly: Drizzle may leave its columns unqualified. Only people
// working there today count (a person who left stays on the roster, with their leaving day).
const massesByType = () => sql<Partial<Record<EmploymentType, number>>>`(
  select coalesce(jsonb_object_agg(t.employment_type, t.n), '{}'::jsonb)
  from (select employment_type, count(*)::int as n from people
        where people.workplace_id = "workplaces"."id" and not people.is_party_member
          and ${employedTodaySql()}
        group by employment_type) t)`;
const memberCount = () =>
  sql<number>`(select count(*)::int from people where people.workplace_id = "workplaces"."id" and people.is_party_member and ${employedTodaySql()})`;

async function selectWorkplaces(db: Db, where: SQL | undefined): Promise<ListedWorkplace[]> {
  const rules = await readEligibilitySettings(db);
  const rows = await db
    .select({
      workplace: workplaces,
      organizationName: organizations.name,
      memberCount: memberCount(),
      massesByType: massesByType(),
    })
    .from(workplaces)
    .innerJoin(organizations, eq(organizations.id, workplaces.organizationId))
    .where(where)
    .orderBy(asc(workplaces.nameSearch));
  return rows.map((row) => ({
    workplace: row.workplace,
    organizationName: row.organizationName,
    memberCount: row.memberCount,
    eligibility: { ...assessEligibilityFromCounts(row.massesByType, rules), threshold: rules.threshold },
  }));
}

export async function listWorkplaces(
  db: Db,
  actor: Actor,
  organizationId: string,
  options: { subtree: boolean; includeClosed: boolean },
): Promise<ListedWorkplace[]> {
  const organization = await organizationInScope(db, actor, organizationId, EVERYONE);
  const placement = options.subtree
    ? like(organizations.path, `${organization.path}%`)
    : eq(workplaces.organizationId, organizationId);
  return selectWorkplaces(
    db,
    and(placement, options.includeClosed ? undefined : isNull(workplaces.closedAt)),
  );
}

export async function getWorkplace(db: Db, actor: Actor, id: string): Promise<ListedWorkplace> {
  await workplaceInScope(db, actor, id, EVERYONE);
  const [listed] = await selectWorkplaces(db, eq(workplaces.id, id));
  return listed!;
}

export async function createWorkplace(
  db: Db,
  actor: Actor,
  fields: { organizationId: string; name: string; address: string },
): Promise<WorkplaceRow> {
  return db.transaction(async (tx) => {
    const organization = await organizationInScope(tx, actor, fields.organizationId, ROSTER_KEEPERS);
    if (organization.closedAt)
      throw new AppError('conflict', 'Không thể thêm cơ quan, đơn vị vào tổ chức đã đóng.');
    const [created] = await tx
      .insert(workplaces)
      .values({ ...fields, nameSearch: foldVietnamese(fields.name) })
      .returning();
    await recordAudit(tx, actor, {
      action: 'workplace.created',
      targetType: 'workplace',
      targetId: created!.id,
      organizationPath: organization.path,
      changes: createdFields(fields),
    });
    return created!;
  });
}

export async function updateWorkplace(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  fields: { name?: string; address?: string; organizationId?: string },
): Promise<WorkplaceRow> {
  return db.transaction(async (tx) => {
    const { workplace: before, organizationPath } = await workplaceInScope(tx, actor, id, ROSTER_KEEPERS);
    let targetPath = organizationPath;
    if (fields.organizationId && fields.organizationId !== before.organizationId) {
      const target = await organizationInScope(tx, actor, fields.organizationId, ROSTER_KEEPERS);
      if (target.closedAt)
        throw new AppError('conflict', 'Không thể chuyển cơ quan, đơn vị vào tổ chức đã đóng.');
      targetPath = target.path;
    }
    const nameSearch = fields.name === undefined ? undefined : foldVietnamese(fields.name);
    const [updated] = await tx
      .update(workplaces)
      .set({ ...fields, nameSearch, version: version + 1, updatedAt: new Date() })
      .where(and(eq(workplaces.id, id), eq(workplaces.version, version)))
      .returning();
    if (!updated) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'workplace.updated',
      targetType: 'workplace',
      targetId: id,
      organizationPath: targetPath,
      changes: changedFields(before, fields),
    });
    return updated;
  });
}

export async function setWorkplaceClosed(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  closed: boolean,
): Promise<WorkplaceRow> {
  return db.transaction(async (tx) => {
    const { organizationPath } = await workplaceInScope(tx, actor, id, ROSTER_KEEPERS);
    const [updated] = await tx
      .update(workplaces)
      .set({ closedAt: closed ? new Date() : null, version: version + 1, updatedAt: new Date() })
      .where(and(eq(workplaces.id, id), eq(workplaces.version, version)))
      .returning();
    if (!updated) throw staleVersion();
    await recordAudit(tx, actor, {
      action: closed ? 'workplace.closed' : 'workplace.reopened',
      targetType: 'workplace',
      targetId: id,
      organizationPath,
      changes: { closed: { from: !closed, to: closed } },
    });
    return updated;
  });
}
