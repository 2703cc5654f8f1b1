import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accounts, organizations, people, workplaces } from '../../db/schema/index.js';
import { childPath, depthOf } from '../../domain/organization-path.js';
import { foldVietnamese } from '../../domain/text.js';
import { createRootOrganization, insertAccount, isEmptyDatabase } from '../bootstrap.js';
import type { OrganizationFields } from '../organizations/service.js';
import { DEMO_ACCOUNT_SPECS, DEMO_PASSWORD, DEMO_USERNAMES, type DemoAccount } from './accounts.js';
import { seededRandom } from './names.js';
import { buildStaff, type PersonRow } from './staff.js';
import { DEMO_TREE, type OrganizationSpec } from './tree.js';

// The date of plan 03-KH/ĐUK (21/10/2020) seeds the generator.
export const SEED = 20_201_021;
const PEOPLE_PER_INSERT = 400;

interface Loaded {
  organizationIds: Map<string, string>;
  personIds: Map<string, string>;
  personNames: Map<string, string>;
}

/**
 * Loads the demo organization of Trà Vinh into an empty database, in one transaction, and returns
 * the demo accounts to print. The same names come out every time (a seeded generator).
 */
export async function loadDemo(db: Db): Promise<DemoAccount[]> {
  if (!(await isEmptyDatabase(db))) {
    throw new Error('Cơ sở dữ liệu đã có dữ liệu: chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống.');
  }
  return db.transaction(async (tx) => {
    const inner = tx as unknown as Db;
    const loaded = await insertTree(inner);
    const created: DemoAccount[] = [];
    for (const spec of DEMO_ACCOUNT_SPECS) {
      const organizationId = loaded.organizationIds.get(spec.organization);
      if (!organizationId)
        throw new Error(`demo account ${spec.username}: no organization ${spec.organization}`);
      const personId = spec.person ? loaded.personIds.get(spec.person) : undefined;
      if (spec.person && !personId)
        throw new Error(`demo account ${spec.username}: no person ${spec.person}`);
      const displayName = (personId && loaded.personNames.get(personId)) || spec.displayName || spec.username;
      await insertAccount(inner, {
        username: spec.username,
        displayName,
        password: DEMO_PASSWORD,
        homeOrganizationId: organizationId,
        personId: personId ?? null,
        roles: [{ role: spec.role, organizationId }],
      });
      created.push({
        username: spec.username,
        password: DEMO_PASSWORD,
        role: spec.role,
        displayName,
        organizationName: spec.organization,
      });
    }
    return created;
  });
}

async function insertTree(db: Db): Promise<Loaded> {
  const random = seededRandom(SEED);
  const takenNames = new Set<string>();
  const loaded: Loaded = { organizationIds: new Map(), personIds: new Map(), personNames: new Map() };
  const rows: PersonRow[] = [];

  const rootId = await createRootOrganization(db, organizationFields(DEMO_TREE));
  loaded.organizationIds.set(DEMO_TREE.name, rootId);

  const visit = async (spec: OrganizationSpec, parentId: string, parentPath: string) => {
    const id = crypto.randomUUID();
    const path = childPath(parentPath, id);
    const fields = organizationFields(spec);
    await db.insert(organizations).values({
      id,
      parentId,
      path,
      depth: depthOf(path),
      nameSearch: foldVietnamese(fields.name),
      ...fields,
    });
    loaded.organizationIds.set(spec.name, id);
    for (const workplace of spec.workplaces ?? []) {
      const [created] = await db
        .insert(workplaces)
        .values({
          organizationId: id,
          name: workplace.name,
          nameSearch: foldVietnamese(workplace.name),
          address: workplace.address,
        })
        .returning({ id: workplaces.id });
      const staff = buildStaff(workplace, { random, takenNames, workplaceId: created!.id, cellId: id });
      rows.push(...staff.rows);
      for (const [tag, personId] of staff.tagged) loaded.personIds.set(tag, personId);
    }
    for (const child of spec.children ?? []) await visit(child, id, path);
  };
  for (const child of DEMO_TREE.children ?? []) await visit(child, rootId, childPath(null, rootId));

  for (let start = 0; start < rows.length; start += PEOPLE_PER_INSERT) {
    await db.insert(people).values(rows.slice(start, start + PEOPLE_PER_INSERT));
  }
  for (const row of rows) loaded.personNames.set(row.id, row.fullName);
  return loaded;
}

function organizationFields(spec: OrganizationSpec): OrganizationFields {
  const { kind, name, shortName } = spec;
  return { kind, name, shortName, headerSuperior: '', headerIssuer: '' };
}

/** True when one of the demo accounts exists: the database was loaded with the demo once. */
export async function hasDemoAccounts(db: Db): Promise<boolean> {
  const [found] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(inArray(accounts.username, [...DEMO_USERNAMES]))
    .limit(1);
  return found !== undefined;
}
