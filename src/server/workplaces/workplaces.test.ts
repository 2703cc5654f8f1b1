import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmploymentType } from '../../domain/employment.js';
import {
  accountName,
  createTestContext,
  seedScopeTree,
  TestClient,
  type TestContext,
} from '../test-support.js';

describe('workplaces and the meeting rule', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let committee: TestClient;
  beforeAll(async () => {
    context = await createTestContext();
    tree = await seedScopeTree(context, [{ role: 'committee', at: 'cellA1' }]);
    committee = await TestClient.signIn(context.app, accountName('committee', 'cellA1'));
  });
  afterAll(() => context.close());

  const addMasses = async (workplaceId: string, employmentType: EmploymentType, names: string[]) => {
    for (const fullName of names) {
      const response = await committee.post('/api/v1/people', {
        workplaceId,
        fullName,
        employmentType,
        isPartyMember: false,
      });
      expect(response.statusCode, response.body).toBe(201);
    }
  };
  const eligibility = async (id: string) =>
    (await committee.get(`/api/v1/workplaces/${id}`)).json().eligibility;

  it('lets the cell committee add a workplace to its cell, and not to a sibling cell', async () => {
    const own = await committee.post('/api/v1/workplaces', {
      organizationId: tree.organizations.cellA1,
      name: 'Phòng Kế hoạch',
    });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({
      name: 'Phòng Kế hoạch',
      closed: false,
      eligibility: { required: false, countedMasses: 0 },
    });
    const sibling = await committee.post('/api/v1/workplaces', {
      organizationId: tree.organizations.cellB1,
      name: 'Phòng khác',
    });
    expect(sibling.statusCode).toBe(403);
  });

  it('turns required at five counted masses, and short-term staff do not count', async () => {
    const { wpA1 } = tree.workplaces;
    await addMasses(wpA1, 'short_term', [
      'Lê Văn Một',
      'Lê Văn Hai',
      'Lê Văn Ba',
      'Lê Văn Bốn',
      'Lê Văn Năm',
      'Lê Văn Sáu',
    ]);
    expect(await eligibility(wpA1)).toEqual({
      countedMasses: 0,
      allMasses: 6,
      required: false,
      threshold: 5,
    });
    await addMasses(wpA1, 'permanent', ['Trần Thị Hoa', 'Trần Thị Huệ', 'Trần Thị Lan', 'Trần Thị Mai']);
    expect((await eligibility(wpA1)).required).toBe(false);
    await addMasses(wpA1, 'long_term', ['Thạch Sơn']);
    expect(await eligibility(wpA1)).toEqual({
      countedMasses: 5,
      allMasses: 11,
      required: true,
      threshold: 5,
    });
  });

  it('follows the settings when an administrator at the root changes the rule', async () => {
    const current = (await tree.admin.get('/api/v1/settings/eligibility')).json();
    expect(current).toMatchObject({ threshold: 5, canEdit: true });
    const changed = await tree.admin.put('/api/v1/settings/eligibility', {
      version: current.version,
      threshold: 12,
      countedEmploymentTypes: ['permanent', 'long_term', 'short_term'],
    });
    expect(changed.statusCode).toBe(200);
    expect(await eligibility(tree.workplaces.wpA1)).toEqual({
      countedMasses: 11,
      allMasses: 11,
      required: false,
      threshold: 12,
    });
    const stale = await tree.admin.put('/api/v1/settings/eligibility', {
      version: current.version,
      threshold: 5,
      countedEmploymentTypes: ['permanent'],
    });
    expect(stale.statusCode).toBe(409);
    const committeeTry = await committee.put('/api/v1/settings/eligibility', {
      version: changed.json().version,
      threshold: 1,
      countedEmploymentTypes: ['permanent'],
    });
    expect(committeeTry.statusCode).toBe(403);
  });

  it('lists the workplaces of a whole subtree', async () => {
    const listed = (
      await tree.admin.get(`/api/v1/workplaces?organizationId=${tree.organizations.bloc}&subtree=true`)
    ).json();
    expect(listed.items.map((w: { name: string }) => w.name).sort()).toEqual([
      'Phòng Kế hoạch',
      'Sở Thử A1',
      'Sở Thử B1',
    ]);
  });

  it('closes and reopens a workplace with the version it read', async () => {
    const workplace = (await committee.get(`/api/v1/workplaces/${tree.workplaces.wpA1}`)).json();
    const closed = await committee.post(`/api/v1/workplaces/${workplace.id}/close`, {
      version: workplace.version,
    });
    expect(closed.json().closed).toBe(true);
    const listed = (
      await committee.get(`/api/v1/workplaces?organizationId=${tree.organizations.cellA1}`)
    ).json();
    expect(listed.items.map((w: { id: string }) => w.id)).not.toContain(workplace.id);
    const reopened = await committee.post(`/api/v1/workplaces/${workplace.id}/reopen`, {
      version: closed.json().version,
    });
    expect(reopened.json().closed).toBe(false);
  });
});
