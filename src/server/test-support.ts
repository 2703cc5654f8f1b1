import type { LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../db/test-database.js';
import type { PlanDeadlines } from '../domain/plans.js';
import type { Role } from '../domain/roles.js';
import { buildApp } from './app.js';
import { createRootOrganization, insertAccount } from './bootstrap.js';
import { testConfig } from './config.js';
import type { App } from './http/types.js';
import { backdatePlan, hasPastDeadline } from './plans/backdate-support.js';

export const TEST_PASSWORD = 'matkhau-thu-123';

export interface TestContext {
  app: App;
  database: Database;
  close(): Promise<void>;
}

/**
 * A real app on a fresh database (PGlite, or PostgreSQL under TEST_DB=postgres), driven through
 * inject(). `clock` is the time sign-in delays and one-time codes are judged at.
 */
export async function createTestContext(options: { clock?: () => Date } = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const app = await buildApp({
    config: testConfig(),
    db: database.db,
    serveWeb: false,
    clock: options.clock,
  });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in HTTP client: keeps the session cookie like a browser does. */
export class TestClient {
  constructor(
    readonly app: App,
    private cookie = '',
  ) {}

  static async signIn(app: App, username: string, password = TEST_PASSWORD): Promise<TestClient> {
    const client = new TestClient(app);
    const response = await client.request('POST', '/api/v1/sessions', { username, password });
    if (response.statusCode !== 200) throw new Error(`login of ${username} failed: ${response.body}`);
    return client;
  }

  async request(method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) {
    const response: LightMyRequestResponse = await this.app.inject({
      method: method as 'GET',
      url,
      payload: payload as object | undefined,
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
    });
    const setCookie = response.cookies.find((cookie) => cookie.name === 'tpb_session');
    if (setCookie) this.cookie = setCookie.value ? `tpb_session=${setCookie.value}` : '';
    return response;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, payload?: unknown) => this.request('POST', url, payload ?? {});
  patch = (url: string, payload: unknown) => this.request('PATCH', url, payload);
  put = (url: string, payload: unknown) => this.request('PUT', url, payload);
  delete = (url: string) => this.request('DELETE', url);
}

/**
 * A small tree for scope tests:
 *   root ─┬─ bloc ─┬─ baseA ── cellA1 (workplace wpA1)
 *         │        └─ baseB ── cellB1 (workplace wpB1)
 * with one account per role at the named organization (`<role>@<org>`), password TEST_PASSWORD.
 */
export async function seedScopeTree(context: TestContext, grants: { role: Role; at: OrgKey }[] = []) {
  const { db } = context.database;
  const root = await createRootOrganization(db, {
    kind: 'province',
    name: 'Đảng bộ Tỉnh Thử',
    shortName: 'TT',
    headerSuperior: '',
    headerIssuer: 'ĐẢNG BỘ TỈNH THỬ',
  });
  const rootAdmin = await insertAccount(db, {
    username: 'root-admin',
    displayName: 'Quản trị gốc',
    password: TEST_PASSWORD,
    homeOrganizationId: root,
    roles: [{ role: 'administrator', organizationId: root }],
  });
  const admin = await TestClient.signIn(context.app, 'root-admin');
  const create = async (parentId: string, name: string, kind: string) => {
    const response = await admin.post('/api/v1/organizations', {
      parentId,
      name,
      kind,
      shortName: '',
      headerSuperior: '',
      headerIssuer: '',
    });
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json().id as string;
  };
  const bloc = await create(root, 'Đảng bộ Khối Thử', 'bloc');
  const baseA = await create(bloc, 'Đảng bộ cơ sở A', 'base');
  const baseB = await create(bloc, 'Đảng bộ cơ sở B', 'base');
  const cellA1 = await create(baseA, 'Chi bộ A1', 'cell');
  const cellB1 = await create(baseB, 'Chi bộ B1', 'cell');
  const organizations = { root, bloc, baseA, baseB, cellA1, cellB1 };
  const workplace = async (organizationId: string, name: string) => {
    const response = await admin.post('/api/v1/workplaces', { organizationId, name, address: '' });
    if (response.statusCode !== 201) throw new Error(response.body);
    return response.json().id as string;
  };
  const workplaces = {
    wpA1: await workplace(cellA1, 'Sở Thử A1'),
    wpB1: await workplace(cellB1, 'Sở Thử B1'),
  };
  for (const grant of grants) {
    await insertAccount(db, {
      username: `${grant.role}@${grant.at}`.toLowerCase().replace('@', '.'),
      displayName: `${grant.role} ${grant.at}`,
      password: TEST_PASSWORD,
      homeOrganizationId: organizations[grant.at],
      roles: [{ role: grant.role, organizationId: organizations[grant.at] }],
    });
  }
  return { organizations, workplaces, admin, rootAdminId: rootAdmin };
}

export type OrgKey = 'root' | 'bloc' | 'baseA' | 'baseB' | 'cellA1' | 'cellB1';

export const accountName = (role: Role, at: OrgKey) => `${role}.${at}`.toLowerCase();

/** A person on a workplace's roster, added through the API by an administrator; returns its id. */
export async function addPerson(admin: TestClient, workplaceId: string, fields: object): Promise<string> {
  const response = await admin.post('/api/v1/people', {
    workplaceId,
    employmentType: 'permanent',
    ...fields,
  });
  if (response.statusCode !== 201) throw new Error(`adding a person failed: ${response.body}`);
  return response.json().id as string;
}

/** A party member of `cellId` working at `workplaceId`, with a member account signed in as `username`. */
export async function addMemberWithAccount(
  context: TestContext,
  admin: TestClient,
  member: { username: string; workplaceId: string; cellId: string },
  fields: object,
): Promise<TestClient> {
  const { username, workplaceId, cellId } = member;
  const personId = await addPerson(admin, workplaceId, {
    isPartyMember: true,
    organizationId: cellId,
    ...fields,
  });
  await insertAccount(context.database.db, {
    username,
    displayName: username,
    password: TEST_PASSWORD,
    homeOrganizationId: cellId,
    personId,
    roles: [{ role: 'member', organizationId: cellId }],
  });
  return TestClient.signIn(context.app, username);
}

/** A plan issued at `organizationId` from the seed template, with `fields` over it, published; returns its id. */
export async function publishPlanFromTemplate(
  issuer: TestClient,
  organizationId: string,
  fields: object,
): Promise<string> {
  const template = await issuer.get(`/api/v1/plans/template?organizationId=${organizationId}&year=2026`);
  // Deadlines already past cannot be published (issue 11): the plan is published with the
  // template's dates, still ahead, then given the past ones as if time had passed since.
  const past = hasPastDeadline(fields as Partial<PlanDeadlines>);
  const { meetingsDueOn, baseReportsDueOn, upwardReportDueOn } = template.json() as PlanDeadlines;
  const created = await issuer.post('/api/v1/plans', {
    ...(template.json() as object),
    number: '03',
    place: 'Trà Vinh',
    signerName: 'Nguyễn Văn Ký',
    ...fields,
    ...(past ? { meetingsDueOn, baseReportsDueOn, upwardReportDueOn } : {}),
  });
  if (created.statusCode !== 201) throw new Error(`creating a plan failed: ${created.body}`);
  const { id, version } = created.json();
  const published = await issuer.post(`/api/v1/plans/${id}/publish`, { version });
  if (published.statusCode !== 200) throw new Error(`publishing a plan failed: ${published.body}`);
  if (past) await backdatePlan(issuer.app.db, id, fields as Partial<PlanDeadlines>);
  return id as string;
}
