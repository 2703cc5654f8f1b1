import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../domain/roles.js';
import { insertPublishedPlan } from './plans/progress-test-support.js';
import { provinceFile } from './province/workbook-fixtures.js';
import {
  accountName,
  createTestContext,
  type OrgKey,
  seedScopeTree,
  TEST_PASSWORD,
  TestClient,
  type TestContext,
} from './test-support.js';

/**
 * Who may do what where (DESIGN.md, "Roles and what they may see"; issue 2). Every role is held at
 * base A; the target is base A itself (own), its cell (child), base B (sibling) or the bloc (parent).
 * SUBTREE: allowed on own and child, forbidden on sibling and parent. NONE: forbidden everywhere.
 * Forbidden means 403: the target exists, the caller's scope does not reach it.
 */
const SUBTREE = 'subtree';
const NONE = 'none';
type Allowance = typeof SUBTREE | typeof NONE;

const ROLES_AT_BASE_A = ['administrator', 'organization-board', 'committee', 'member', 'masses'] as const;

// biome-ignore format: the table is easier to read aligned.
const EXPECTED = {
  //                           administrator organization-board committee  member   masses
  'read organization detail':  [SUBTREE,     SUBTREE,           SUBTREE,   SUBTREE, SUBTREE],
  'create child organization': [SUBTREE,     NONE,              NONE,      NONE,    NONE],
  'rename organization':       [SUBTREE,     NONE,              NONE,      NONE,    NONE],
  'list workplaces':           [SUBTREE,     SUBTREE,           SUBTREE,   SUBTREE, SUBTREE],
  'create workplace':          [SUBTREE,     NONE,              SUBTREE,   NONE,    NONE],
  'read workplace':            [SUBTREE,     SUBTREE,           SUBTREE,   SUBTREE, SUBTREE],
  'update workplace':          [SUBTREE,     NONE,              SUBTREE,   NONE,    NONE],
  'list people':               [SUBTREE,     SUBTREE,           SUBTREE,   NONE,    NONE],
  'create person':             [SUBTREE,     NONE,              SUBTREE,   NONE,    NONE],
  'read audit entries':        [SUBTREE,     NONE,              NONE,      NONE,    NONE],
  'list accounts':             [SUBTREE,     NONE,              NONE,      NONE,    NONE],
  'create account':            [SUBTREE,     NONE,              NONE,      NONE,    NONE],
  'grant role':                [SUBTREE,     NONE,              NONE,      NONE,    NONE],
  'create plan':               [NONE,        SUBTREE,           SUBTREE,   NONE,    NONE],
  'read plan progress':        [SUBTREE,     SUBTREE,           SUBTREE,   NONE,    NONE],
  'raise concern':             [NONE,        SUBTREE,           SUBTREE,   NONE,    NONE],
  'read report':               [SUBTREE,     SUBTREE,           SUBTREE,   NONE,    NONE],
  'list reports due':          [SUBTREE,     SUBTREE,           SUBTREE,   NONE,    NONE],
  'read year-end ranking':     [SUBTREE,     SUBTREE,           SUBTREE,   NONE,    NONE],
  'read year-end members':     [SUBTREE,     SUBTREE,           SUBTREE,   NONE,    NONE],
  'read personal data':        [SUBTREE,     NONE,              NONE,      NONE,    NONE],
  'export personal data':      [SUBTREE,     NONE,              NONE,      NONE,    NONE],
  'export province workbook':  [SUBTREE,     NONE,              NONE,      NONE,    NONE],
  'import province workbook':  [SUBTREE,     NONE,              NONE,      NONE,    NONE],
  'issue accounts in bulk':    [SUBTREE,     NONE,              NONE,      NONE,    NONE],
} satisfies Record<string, [Allowance, Allowance, Allowance, Allowance, Allowance]>;

/** Settings are system-wide: only an administrator at a root of the tree changes them. */
// biome-ignore format: the table is easier to read aligned.
const SETTINGS_EXPECTED: Record<'root' | 'baseA', Record<Role, boolean>> = {
  root:  { administrator: true,  'organization-board': false, committee: false, member: false, masses: false },
  baseA: { administrator: false, 'organization-board': false, committee: false, member: false, masses: false },
};

const RELATIONS = { own: 'baseA', child: 'cellA1', sibling: 'baseB', parent: 'bloc' } as const;
type Relation = keyof typeof RELATIONS;
type Action = keyof typeof EXPECTED;

interface Target {
  organizationId: string;
  workplaceId: string;
  /** A non-member on that workplace's roster. */
  personId: string;
  /** A fresh suffix, so every cell that creates something creates something new. */
  unique: string;
}
interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

describe('scope matrix: role × organization × action', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let workplaceAt: Record<OrgKey, string>;
  const personAt = {} as Record<OrgKey, string>;
  let grantTargetId: string;
  /** A plan of the root, published: it covers every organization of the matrix. */
  let nationalPlanId: string;
  const clients = new Map<string, TestClient>();

  const currentVersion = async (url: string) => (await tree.admin.get(url)).json().version as number;

  const CALLS: Record<Action, (target: Target) => Promise<Call>> = {
    'read organization detail': async (t) => ({
      method: 'GET',
      url: `/api/v1/organizations/${t.organizationId}`,
    }),
    'create child organization': async (t) => ({
      method: 'POST',
      url: '/api/v1/organizations',
      body: {
        parentId: t.organizationId,
        kind: 'cell',
        name: `Chi bộ ${t.unique}`,
        shortName: '',
        headerSuperior: '',
        headerIssuer: '',
      },
    }),
    'rename organization': async (t) => ({
      method: 'PATCH',
      url: `/api/v1/organizations/${t.organizationId}`,
      body: {
        version: await currentVersion(`/api/v1/organizations/${t.organizationId}`),
        name: `Tên mới ${t.unique}`,
      },
    }),
    'list workplaces': async (t) => ({
      method: 'GET',
      url: `/api/v1/workplaces?organizationId=${t.organizationId}`,
    }),
    'create workplace': async (t) => ({
      method: 'POST',
      url: '/api/v1/workplaces',
      body: { organizationId: t.organizationId, name: `Cơ quan ${t.unique}`, address: '' },
    }),
    'read workplace': async (t) => ({ method: 'GET', url: `/api/v1/workplaces/${t.workplaceId}` }),
    'update workplace': async (t) => ({
      method: 'PATCH',
      url: `/api/v1/workplaces/${t.workplaceId}`,
      body: {
        version: await currentVersion(`/api/v1/workplaces/${t.workplaceId}`),
        address: `Địa chỉ ${t.unique}`,
      },
    }),
    'list people': async (t) => ({ method: 'GET', url: `/api/v1/people?organizationId=${t.organizationId}` }),
    'create person': async (t) => ({
      method: 'POST',
      url: '/api/v1/people',
      body: {
        workplaceId: t.workplaceId,
        fullName: `Người ${t.unique}`,
        employmentType: 'permanent',
        isPartyMember: false,
      },
    }),
    'read audit entries': async (t) => ({
      method: 'GET',
      url: `/api/v1/audit-entries?organizationId=${t.organizationId}`,
    }),
    'list accounts': async (t) => ({
      method: 'GET',
      url: `/api/v1/accounts?organizationId=${t.organizationId}`,
    }),
    'create account': async (t) => ({
      method: 'POST',
      url: '/api/v1/accounts',
      body: {
        username: `tk.${t.unique}`,
        displayName: 'Tài khoản mới',
        password: 'tam-thoi-2024',
        homeOrganizationId: t.organizationId,
      },
    }),
    'grant role': async (t) => ({
      method: 'POST',
      url: `/api/v1/accounts/${grantTargetId}/roles`,
      body: { role: 'member', organizationId: t.organizationId },
    }),
    'create plan': async (t) => ({
      method: 'POST',
      url: '/api/v1/plans',
      body: {
        organizationId: t.organizationId,
        year: 2026,
        title: `Kế hoạch ${t.unique}`,
        meetingsDueOn: '2026-11-15',
        baseReportsDueOn: '2026-11-20',
        upwardReportDueOn: '2026-11-30',
      },
    }),
    'read plan progress': async (t) => ({
      method: 'GET',
      url: `/api/v1/plans/${nationalPlanId}/progress?organizationId=${t.organizationId}`,
    }),
    'raise concern': async (t) => ({
      method: 'POST',
      url: `/api/v1/plans/${nationalPlanId}/concerns`,
      body: { organizationId: t.organizationId, subject: `Vướng mắc ${t.unique}`, body: 'Nội dung' },
    }),
    'read report': async (t) => ({
      method: 'GET',
      url: `/api/v1/plans/${nationalPlanId}/organizations/${t.organizationId}/report`,
    }),
    'list reports due': async (t) => ({
      method: 'GET',
      url: `/api/v1/plans/${nationalPlanId}/reports?organizationId=${t.organizationId}`,
    }),
    'read year-end ranking': async (t) => ({
      method: 'GET',
      url: `/api/v1/plans/${nationalPlanId}/year-end/organizations?organizationId=${t.organizationId}`,
    }),
    'read year-end members': async (t) => ({
      method: 'GET',
      url: `/api/v1/plans/${nationalPlanId}/year-end/members?organizationId=${t.organizationId}`,
    }),
    'read personal data': async (t) => ({ method: 'GET', url: `/api/v1/people/${t.personId}/personal-data` }),
    'export personal data': async (t) => ({
      method: 'GET',
      url: `/api/v1/people/${t.personId}/personal-data.xlsx`,
    }),
    'export province workbook': async (t) => ({
      method: 'GET',
      url: `/api/v1/organizations/${t.organizationId}/province-workbook.xlsx`,
    }),
    'import province workbook': async (t) => {
      const boundary = `----tpb${t.unique.length}`;
      return {
        method: 'POST',
        url: `/api/v1/organizations/${t.organizationId}/province-imports`,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="so.xlsx"\r\n` +
              'Content-Type: application/octet-stream\r\n\r\n',
          ),
          await provinceFile({}),
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      };
    },
    'issue accounts in bulk': async (t) => ({
      method: 'POST',
      url: `/api/v1/organizations/${t.organizationId}/bulk-accounts`,
      body: { personIds: [t.personId] },
    }),
  };

  beforeAll(async () => {
    context = await createTestContext();
    tree = await seedScopeTree(context, [
      ...ROLES_AT_BASE_A.map((role) => ({ role, at: 'baseA' as const })),
      ...ROLES_AT_BASE_A.map((role) => ({ role, at: 'root' as const })),
    ]);
    const addWorkplace = async (organizationId: string, name: string) =>
      (await tree.admin.post('/api/v1/workplaces', { organizationId, name, address: '' })).json()
        .id as string;
    workplaceAt = {
      root: await addWorkplace(tree.organizations.root, 'Văn phòng Tỉnh'),
      bloc: await addWorkplace(tree.organizations.bloc, 'Văn phòng Khối'),
      baseA: await addWorkplace(tree.organizations.baseA, 'Văn phòng cơ sở A'),
      baseB: await addWorkplace(tree.organizations.baseB, 'Văn phòng cơ sở B'),
      cellA1: tree.workplaces.wpA1,
      cellB1: tree.workplaces.wpB1,
    };
    for (const [at, workplaceId] of Object.entries(workplaceAt) as [OrgKey, string][]) {
      const added = await tree.admin.post('/api/v1/people', {
        workplaceId,
        fullName: `Quần chúng ở ${at}`,
        employmentType: 'permanent',
        isPartyMember: false,
      });
      personAt[at] = added.json().id;
    }
    const target = await tree.admin.post('/api/v1/accounts', {
      username: 'nhan.vai-tro',
      displayName: 'Người nhận vai trò',
      password: 'tam-thoi-2024',
      homeOrganizationId: tree.organizations.baseA,
    });
    grantTargetId = target.json().id;
    nationalPlanId = await insertPublishedPlan(context.database.db, tree.organizations.root);
    for (const at of ['baseA', 'root'] as const) {
      for (const role of ROLES_AT_BASE_A) {
        clients.set(
          `${role}@${at}`,
          await TestClient.signIn(context.app, accountName(role, at), TEST_PASSWORD),
        );
      }
    }
  });
  afterAll(() => context.close());

  const cells = Object.entries(EXPECTED).flatMap(([action, allowances]) =>
    ROLES_AT_BASE_A.flatMap((role, column) =>
      (Object.keys(RELATIONS) as Relation[]).map((relation) => {
        const allowed = allowances[column] === SUBTREE && (relation === 'own' || relation === 'child');
        return {
          name: `${role} at ${relation} org: ${action} → ${allowed ? 'allowed' : 'forbidden'}`,
          role,
          relation,
          action: action as Action,
          allowed,
        };
      }),
    ),
  );

  it.each(cells.map((cell) => [cell.name, cell] as const))(
    '%s',
    async (_, { role, relation, action, allowed }) => {
      const at = RELATIONS[relation];
      const call = await CALLS[action]({
        organizationId: tree.organizations[at],
        workplaceId: workplaceAt[at],
        personId: personAt[at],
        unique: `${role}.${relation}.${action.replaceAll(' ', '-')}`,
      });
      const response = await clients
        .get(`${role}@baseA`)!
        .request(call.method, call.url, call.body, call.headers);
      if (allowed) expect([200, 201, 202], response.body).toContain(response.statusCode);
      else expect(response.statusCode, response.body).toBe(403);
    },
  );

  const SETTINGS = {
    eligibility: (current: Record<string, unknown>) => ({
      version: current.version,
      threshold: current.threshold,
      countedEmploymentTypes: current.countedEmploymentTypes,
    }),
    security: (current: Record<string, unknown>) => ({
      version: current.version,
      requireSecondFactorForOfficers: current.requireSecondFactorForOfficers,
      nonMemberRetentionMonths: current.nonMemberRetentionMonths,
    }),
    anonymity: (current: Record<string, unknown>) => ({
      version: current.version,
      smallGroupThreshold: current.smallGroupThreshold,
    }),
  };
  const settingsCells = (['root', 'baseA'] as const).flatMap((at) =>
    ROLES_AT_BASE_A.flatMap((role) =>
      (Object.keys(SETTINGS) as (keyof typeof SETTINGS)[]).map((which) => ({
        name: `${role} at ${at === 'root' ? 'the root' : 'base A'}: change ${which} settings → ${SETTINGS_EXPECTED[at][role] ? 'allowed' : 'forbidden'}`,
        role,
        at,
        which,
        allowed: SETTINGS_EXPECTED[at][role],
      })),
    ),
  );

  it.each(settingsCells.map((cell) => [cell.name, cell] as const))(
    '%s',
    async (_, { role, at, which, allowed }) => {
      const client = clients.get(`${role}@${at}`)!;
      const current = (await client.get(`/api/v1/settings/${which}`)).json();
      expect(current.canEdit).toBe(allowed);
      const response = await client.put(`/api/v1/settings/${which}`, SETTINGS[which](current));
      expect(response.statusCode, response.body).toBe(allowed ? 200 : 403);
    },
  );
});
