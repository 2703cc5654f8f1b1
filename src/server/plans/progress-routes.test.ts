import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanProgress } from '../../contract/progress.js';
import { plans } from '../../db/schema/index.js';
import { ZERO_COUNTS } from '../../domain/progress.js';
import { insertAccount } from '../bootstrap.js';
import {
  accountName,
  createTestContext,
  seedScopeTree,
  TEST_PASSWORD,
  TestClient,
  type TestContext,
} from '../test-support.js';
import { setWorkplaceStatus } from './progress-rollup.js';
import { insertPublishedPlan, insertWorkplaces, setPlanDeadlines } from './progress-test-support.js';

describe('progress of a plan, live up the tree', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let planId: string;
  let board: TestClient;
  let baseCommittee: TestClient;
  let member: TestClient;

  beforeAll(async () => {
    context = await createTestContext();
    tree = await seedScopeTree(context, [
      { role: 'organization-board', at: 'bloc' },
      { role: 'committee', at: 'baseA' },
      { role: 'member', at: 'cellA1' },
    ]);
    const { db } = context.database;
    const [extra] = await insertWorkplaces(db, tree.organizations.cellA1, 1);
    planId = await insertPublishedPlan(db, tree.organizations.bloc, { exempt: [extra!] });
    board = await TestClient.signIn(context.app, accountName('organization-board', 'bloc'));
    baseCommittee = await TestClient.signIn(context.app, accountName('committee', 'baseA'));
    member = await TestClient.signIn(context.app, accountName('member', 'cellA1'));
  });
  afterAll(() => context.close());

  const progressOf = async (client: TestClient, organizationId?: string) => {
    const query = organizationId ? `?organizationId=${organizationId}` : '';
    return client.get(`/api/v1/plans/${planId}/progress${query}`);
  };

  it("shows the issuer's board its whole subtree and each base under it", async () => {
    const response = await progressOf(board);
    expect(response.statusCode, response.body).toBe(200);
    const progress: PlanProgress = response.json();
    expect(progress.node.organization.id).toBe(tree.organizations.bloc);
    expect(progress.node.counts).toEqual({ ...ZERO_COUNTS, workplaces: 3, required: 2, exempt: 1 });
    expect(progress.trail).toEqual([]);
    expect(progress.children.map((child) => [child.organization.name, child.counts.workplaces])).toEqual([
      ['Đảng bộ cơ sở A', 2],
      ['Đảng bộ cơ sở B', 1],
    ]);
    expect(progress.children[0]!.organization.hasChildren).toBe(true);
  });

  it('opens on the base committee’s own organization and drills down to its cell', async () => {
    const own = (await progressOf(baseCommittee)).json() as PlanProgress;
    expect(own.node.organization.id).toBe(tree.organizations.baseA);
    expect(own.children.map((child) => child.organization.id)).toEqual([tree.organizations.cellA1]);
    const cell = (await progressOf(baseCommittee, tree.organizations.cellA1)).json() as PlanProgress;
    expect(cell.trail.map((step) => step.id)).toEqual([tree.organizations.baseA]);
    expect(cell.node.organization.hasChildren).toBe(false);
    expect(cell.children).toEqual([]);
  });

  it('starts the drill-up trail at the grant that reaches the node', async () => {
    await insertAccount(context.database.db, {
      username: 'hai.cap.uy',
      displayName: 'Hai cấp ủy',
      password: TEST_PASSWORD,
      homeOrganizationId: tree.organizations.baseA,
      roles: [
        { role: 'committee', organizationId: tree.organizations.baseA },
        { role: 'committee', organizationId: tree.organizations.cellB1 },
      ],
    });
    const twoGrants = await TestClient.signIn(context.app, 'hai.cap.uy');
    expect(((await progressOf(twoGrants)).json() as PlanProgress).node.organization.id).toBe(
      tree.organizations.baseA,
    );
    const cell = (await progressOf(twoGrants, tree.organizations.cellB1)).json() as PlanProgress;
    expect(cell.trail).toEqual([]);
    expect((await progressOf(twoGrants, tree.organizations.baseB)).statusCode).toBe(403);
  });

  it('refuses a sibling base, a member, and an organization the plan does not cover', async () => {
    expect((await progressOf(baseCommittee, tree.organizations.baseB)).statusCode).toBe(403);
    expect((await progressOf(baseCommittee, tree.organizations.bloc)).statusCode).toBe(403);
    expect((await progressOf(member)).statusCode).toBe(403);
    const above = await progressOf(tree.admin, tree.organizations.root);
    expect(above.statusCode).toBe(422);
    expect(above.json().error.message).toContain('không thuộc phạm vi');
    const unknownPlan = await board.get(`/api/v1/plans/${crypto.randomUUID()}/progress`);
    expect(unknownPlan.statusCode).toBe(404);
  });

  it('shows a drawn-up plan no progress yet', async () => {
    const [draft] = await context.database.db
      .insert(plans)
      .values({
        organizationId: tree.organizations.bloc,
        year: 2025,
        symbol: 'KH/ĐUK',
        title: 'Dự thảo',
        meetingsDueOn: '2099-10-01',
        baseReportsDueOn: '2099-10-02',
        upwardReportDueOn: '2099-10-03',
      })
      .returning();
    const response = await board.get(`/api/v1/plans/${draft!.id}/progress`);
    expect(response.statusCode).toBe(409);
  });

  it('moves every level at once and flags late and missing organizations after the deadlines', async () => {
    const { db } = context.database;
    await db.transaction((tx) => setWorkplaceStatus(tx, planId, tree.workplaces.wpA1, 'held'));
    const before = (await progressOf(board)).json() as PlanProgress;
    expect(before.node.counts).toMatchObject({ scheduled: 1, held: 1 });
    expect(before.children.every((child) => !child.lateMeetings && !child.missing)).toBe(true);

    await setPlanDeadlines(db, planId, {
      meetingsDueOn: '2020-10-31',
      baseReportsDueOn: '2020-11-15',
      upwardReportDueOn: '2020-11-30',
    });
    const after = (await progressOf(board)).json() as PlanProgress;
    const [baseA, baseB] = after.children;
    expect(baseA).toMatchObject({ lateMeetings: false, missing: false, lateBaseReport: true });
    expect(baseB).toMatchObject({ lateMeetings: true, missing: true, lateBaseReport: true });
    expect(after.node).toMatchObject({ lateMeetings: true, missing: false, lateBaseReport: false });
  });

  it('exports the same table to XLSX with Vietnamese headers and dd/mm/yyyy dates', async () => {
    const response = await board.get(`/api/v1/plans/${planId}/progress.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Tiến độ')!;
    expect(String(sheet.getCell('A3').value)).toContain('Hạn hoàn thành họp: 31/10/2020');
    const header = sheet.getRow(6).values as unknown[];
    expect(header).toContain('Đã ký biên bản');
    expect(sheet.getRow(7).getCell(1).value).toBe('Đảng bộ Khối Thử (toàn bộ)');
    expect(sheet.getRow(8).values).toEqual([
      undefined,
      'Đảng bộ cơ sở A',
      'Đảng bộ cơ sở',
      2,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      '',
      'Có',
      '',
    ]);
    expect(sheet.getRow(9).getCell(13).value).toBe('Có');
    expect((await member.get(`/api/v1/plans/${planId}/progress.xlsx`)).statusCode).toBe(403);
  });
});
