import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '../../contract/organizations.js';
import type { Workplace } from '../../contract/workplaces.js';
import { accounts as accountsTable } from '../../db/schema/index.js';
import { createTestContext, TestClient, type TestContext } from '../test-support.js';
import { DEMO_PASSWORD, type DemoAccount } from './accounts.js';
import { loadDemo } from './load.js';

describe('the demo organization of Trà Vinh', () => {
  let context: TestContext;
  let accounts: DemoAccount[];
  let admin: TestClient;
  beforeAll(async () => {
    context = await createTestContext();
    accounts = await loadDemo(context.database.db);
    admin = await TestClient.signIn(context.app, 'admin', DEMO_PASSWORD);
  });
  afterAll(() => context.close());

  const childrenOf = async (parentId?: string): Promise<Organization[]> => {
    const response = await admin.get(`/api/v1/organizations${parentId ? `?parentId=${parentId}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items;
  };
  const allWorkplaces = async (): Promise<Workplace[]> => {
    const [root] = await childrenOf();
    const response = await admin.get(`/api/v1/workplaces?organizationId=${root!.id}&subtree=true`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items;
  };
  const workplaceNamed = async (name: string): Promise<Workplace> => {
    const listed = (await allWorkplaces()).find((workplace) => workplace.name === name);
    expect(listed, name).toBeDefined();
    const response = await admin.get(`/api/v1/workplaces/${listed!.id}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('is a tree from the province through the bloc down to base organizations and their cells', async () => {
    const roots = await childrenOf();
    expect(roots).toMatchObject([{ kind: 'province', name: 'Đảng bộ tỉnh Trà Vinh' }]);
    const [bloc] = await childrenOf(roots[0]!.id);
    expect(bloc).toMatchObject({
      kind: 'bloc',
      name: 'Đảng ủy Khối các cơ quan và doanh nghiệp',
      shortName: 'ĐUK',
    });
    const bases = (await childrenOf(bloc!.id)).filter((child) => child.kind === 'base');
    expect(bases.length).toBeGreaterThanOrEqual(3);
    for (const base of bases) {
      const cells = await childrenOf(base.id);
      expect(cells.length, base.name).toBeGreaterThanOrEqual(2);
      for (const cell of cells) {
        expect(cell.kind).toBe('cell');
        expect(cell.workplaceCount, cell.name).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('lets every demo account sign in with the printed password and the printed role', async () => {
    expect(accounts.map((account) => account.role)).toEqual(
      expect.arrayContaining(['administrator', 'organization-board', 'committee', 'member', 'masses']),
    );
    for (const account of accounts) {
      const client = new TestClient(context.app);
      const response = await client.post('/api/v1/sessions', {
        username: account.username,
        password: account.password,
      });
      expect(response.statusCode, `${account.username}: ${response.body}`).toBe(200);
      expect(response.json()).toMatchObject({
        username: account.username,
        mustChangePassword: false,
        roles: [{ role: account.role, organizationName: account.organizationName }],
      });
    }
  });

  it('has a workplace exempt for having under 5 masses at all', async () => {
    const workplace = await workplaceNamed('Thanh tra Sở Y tế');
    expect(workplace.eligibility.required).toBe(false);
    expect(workplace.eligibility.allMasses).toBeLessThan(5);
  });

  it('has a workplace exempt although short-term staff and line workers push its masses over 5', async () => {
    const { eligibility } = await workplaceNamed('Nhà máy nước Trà Vinh');
    expect(eligibility.required).toBe(false);
    expect(eligibility.allMasses).toBeGreaterThanOrEqual(5);
    expect(eligibility.countedMasses).toBeLessThan(5);
  });

  it('requires a meeting in most workplaces', async () => {
    const workplaces = await allWorkplaces();
    const required = workplaces.filter((workplace) => workplace.eligibility.required);
    expect(required.length).toBeGreaterThan(0);
    expect(required.length).toBeGreaterThan(workplaces.length / 2);
    expect(workplaces.every((workplace) => workplace.memberCount > 0)).toBe(true);
  });

  it('gives Văn phòng Sở Y tế a meeting: counted masses, members who self-criticize, a non-member secretary', async () => {
    const workplace = await workplaceNamed('Văn phòng Sở Y tế');
    expect(workplace.eligibility.required).toBe(true);
    expect(workplace.eligibility.countedMasses).toBeGreaterThanOrEqual(5);
    expect(workplace.memberCount).toBeGreaterThanOrEqual(2);
    const people = (await admin.get(`/api/v1/people?workplaceId=${workplace.id}&pageSize=200`)).json()
      .items as { id: string; fullName: string; isPartyMember: boolean }[];
    const personOf = async (username: string) => {
      const [row] = await context.database.db
        .select({ personId: accountsTable.personId, displayName: accountsTable.displayName })
        .from(accountsTable)
        .where(eq(accountsTable.username, username));
      return { row, person: people.find((person) => person.id === row?.personId) };
    };
    const secretary = await personOf('thuky');
    expect(secretary.person).toMatchObject({ isPartyMember: false, fullName: secretary.row?.displayName });
    expect((await personOf('quanchung')).person?.id).not.toBe(secretary.person?.id);
    for (const member of ['dangvien', 'chiuy.vp']) {
      expect((await personOf(member)).person?.isPartyMember, member).toBe(true);
    }
  });

  it('refuses to load into a database that already holds data', async () => {
    await expect(loadDemo(context.database.db)).rejects.toThrow(/trống/);
  });
});
