import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planProgress, planWorkplaces } from '../../db/schema/index.js';
import type { EmploymentType } from '../../domain/employment.js';
import {
  accountName,
  createTestContext,
  seedScopeTree,
  TestClient,
  type TestContext,
} from '../test-support.js';

const MANIFESTATIONS = Array.from(
  { length: 82 },
  (_, index) => `${index + 1}. Biểu hiện suy thoái số ${index + 1}`,
).join('\n');

describe('plans: issue, publish, determine who meets, derive, change deadlines, correct', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let bloc: TestClient;
  let baseA: TestClient;
  let baseB: TestClient;
  let cellA1: TestClient;
  let blocPlanId: string;
  let derivedPlanId: string;

  let added = 0;
  const addMasses = async (workplaceId: string, employmentType: EmploymentType, count: number) => {
    for (let index = 0; index < count; index++) {
      added++;
      const response = await tree.admin.post('/api/v1/people', {
        workplaceId,
        fullName: `Quần chúng ${employmentType} ${added} ${workplaceId.slice(0, 4)}`,
        employmentType,
        isPartyMember: false,
      });
      expect(response.statusCode, response.body).toBe(201);
    }
  };
  const determinations = async (client: TestClient, planId: string, query = '') =>
    (await client.get(`/api/v1/plans/${planId}/workplaces${query}`)).json();
  const plan = async (client: TestClient, id: string) => (await client.get(`/api/v1/plans/${id}`)).json();

  beforeAll(async () => {
    // The plan is written on 21/10/2026, while the seed's deadlines of the year are still ahead.
    context = await createTestContext({ clock: () => new Date('2026-10-21T03:00:00Z') });
    tree = await seedScopeTree(context, [
      { role: 'committee', at: 'bloc' },
      { role: 'committee', at: 'baseA' },
      { role: 'committee', at: 'baseB' },
      { role: 'committee', at: 'cellA1' },
    ]);
    const blocOrganization = (
      await tree.admin.get(`/api/v1/organizations/${tree.organizations.bloc}`)
    ).json();
    const renamed = await tree.admin.patch(`/api/v1/organizations/${tree.organizations.bloc}`, {
      version: blocOrganization.version,
      shortName: 'ĐUK',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    bloc = await TestClient.signIn(context.app, accountName('committee', 'bloc'));
    baseA = await TestClient.signIn(context.app, accountName('committee', 'baseA'));
    baseB = await TestClient.signIn(context.app, accountName('committee', 'baseB'));
    cellA1 = await TestClient.signIn(context.app, accountName('committee', 'cellA1'));
    await addMasses(tree.workplaces.wpA1, 'permanent', 3);
    await addMasses(tree.workplaces.wpA1, 'long_term', 2);
    await addMasses(tree.workplaces.wpA1, 'short_term', 4);
    await addMasses(tree.workplaces.wpB1, 'permanent', 2);
    await addMasses(tree.workplaces.wpB1, 'line_worker', 9);
  });
  afterAll(() => context.close());

  it('starts a draft from the seed template, with an 82-item pasted list and the number 03-KH/ĐUK', async () => {
    const template = await bloc.get(
      `/api/v1/plans/template?organizationId=${tree.organizations.bloc}&year=2026`,
    );
    expect(template.statusCode, template.body).toBe(200);
    expect(template.json()).toMatchObject({
      year: 2026,
      signingCapacity: 'T/M BAN THƯỜNG VỤ',
      signerTitle: 'BÍ THƯ',
      meetingsDueOn: '2026-11-15',
      baseReportsDueOn: '2026-11-20',
      upwardReportDueOn: '2026-11-30',
      contentAreas: [
        'Tư tưởng chính trị.',
        'Phẩm chất, đạo đức, lối sống.',
        'Thực hiện chức trách, nhiệm vụ được phân công.',
        'Ý thức tổ chức kỷ luật.',
      ],
    });
    // The bloc's committee is its đảng ủy, named from its kind and name (Đảng bộ Khối Thử).
    expect(template.json().implementation).toContain('Ban Thường vụ Đảng ủy Khối Thử');
    // Seed II.4 in full, its asides in italics; IV names the deadlines where the seed does.
    expect(template.json().annualTheme).toContain('(*được Ban Thường vụ Tỉnh ủy cụ thể thành 82 biểu hiện*)');
    expect(template.json().annualTheme).toContain('chuyên đề năm 2026.');
    expect(template.json().annualTheme).toContain('(*theo mẫu đính kèm*).');
    expect(template.json().implementation).toContain('đến hết ngày {meetingsDueOn}');
    expect(template.json().implementation).toContain('chậm nhất ngày {upwardReportDueOn}');

    const created = await bloc.post('/api/v1/plans', {
      ...(template.json() as object),
      number: '03',
      place: 'Trà Vinh',
      annualTheme: 'Chuyên đề năm 2026',
      manifestationsText: MANIFESTATIONS,
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({
      status: 'draft',
      statusLabel: 'Bản nháp',
      number: '03',
      symbol: 'KH/ĐUK',
      fullNumber: '03-KH/ĐUK',
      organizationName: 'Đảng bộ Khối Thử',
      issuedHere: true,
      applies: true,
      permissions: { edit: true, publish: true, changeDeadlines: false, derive: false },
    });
    expect(draft.manifestations).toHaveLength(82);
    expect(draft.manifestations[0]).toBe('Biểu hiện suy thoái số 1');
    expect(draft.manifestations[81]).toBe('Biểu hiện suy thoái số 82');
    blocPlanId = draft.id;
  });

  it('refuses deadlines out of order, and a number already used that year', async () => {
    const template = (
      await bloc.get(`/api/v1/plans/template?organizationId=${tree.organizations.bloc}`)
    ).json();
    const disordered = await bloc.post('/api/v1/plans', {
      ...template,
      year: 2026,
      meetingsDueOn: '2026-11-25',
    });
    expect(disordered.statusCode).toBe(400);
    expect(disordered.json().error.message).toBe(
      'Hạn cấp ủy cơ sở báo cáo (20/11/2026) không được sớm hơn hạn hoàn thành họp (25/11/2026).',
    );
    const duplicate = await bloc.post('/api/v1/plans', { ...template, year: 2026, number: '03' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toContain('03-KH/ĐUK năm 2026');
  });

  it('keeps a draft with its issuers: a cell committee neither lists nor reads it', async () => {
    const listed = (await cellA1.get('/api/v1/plans')).json();
    expect(listed.items.map((p: { id: string }) => p.id)).not.toContain(blocPlanId);
    expect((await cellA1.get(`/api/v1/plans/${blocPlanId}`)).statusCode).toBe(403);
    expect((await cellA1.patch(`/api/v1/plans/${blocPlanId}`, { version: 1, place: 'X' })).statusCode).toBe(
      403,
    );
  });

  it('edits a draft with the version it read, and refuses a stale one', async () => {
    const current = await plan(bloc, blocPlanId);
    const edited = await bloc.patch(`/api/v1/plans/${blocPlanId}`, {
      version: current.version,
      issuedOn: '2026-10-21',
      signerName: 'Nguyễn Văn Tám',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ signerName: 'Nguyễn Văn Tám', issuedOn: '2026-10-21' });
    const stale = await bloc.patch(`/api/v1/plans/${blocPlanId}`, {
      version: current.version,
      place: 'Khác',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('publishes: every workplace of the subtree is determined with its counted masses at that moment', async () => {
    const current = await plan(bloc, blocPlanId);
    const published = await bloc.post(`/api/v1/plans/${blocPlanId}/publish`, { version: current.version });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({
      status: 'published',
      permissions: { edit: false, publish: false, changeDeadlines: true },
    });
    const page = await determinations(bloc, blocPlanId);
    expect(page.total).toBe(2);
    const byName = Object.fromEntries(
      page.items.map((item: { workplaceName: string }) => [item.workplaceName, item]),
    );
    expect(byName['Sở Thử A1']).toMatchObject({
      countedMasses: 5,
      allMasses: 9,
      threshold: 5,
      required: true,
      status: 'pending',
      organizationName: 'Chi bộ A1',
      correction: null,
    });
    expect(byName['Sở Thử B1']).toMatchObject({
      countedMasses: 2,
      allMasses: 11,
      required: false,
      status: 'exempt',
      statusLabel: expect.stringMatching(/\S/),
    });
    const exempt = await determinations(bloc, blocPlanId, '?required=false');
    expect(exempt.items.map((item: { workplaceName: string }) => item.workplaceName)).toEqual(['Sở Thử B1']);
  });

  it('keeps the snapshot when the roster changes after publishing', async () => {
    await addMasses(tree.workplaces.wpB1, 'permanent', 4);
    const page = await determinations(bloc, blocPlanId, `?organizationId=${tree.organizations.baseB}`);
    expect(page.items).toEqual([
      expect.objectContaining({ workplaceName: 'Sở Thử B1', countedMasses: 2, required: false }),
    ]);
    const live = (await bloc.get(`/api/v1/workplaces/${tree.workplaces.wpB1}`)).json();
    expect(live.eligibility).toMatchObject({ countedMasses: 6, required: true });
  });

  it('refuses to edit a published plan except its deadlines', async () => {
    const current = await plan(bloc, blocPlanId);
    const refused = await bloc.patch(`/api/v1/plans/${blocPlanId}`, { version: current.version, place: 'X' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('Kế hoạch đã ban hành: chỉ được đổi thời hạn, kèm lý do.');
  });

  it('lets a cell committee read the bloc plan that covers it, and only its own workplaces', async () => {
    const listed = (await cellA1.get('/api/v1/plans?year=2026')).json();
    expect(listed.items).toEqual([
      expect.objectContaining({ id: blocPlanId, fullNumber: '03-KH/ĐUK', applies: true, issuedHere: false }),
    ]);
    const read = await plan(cellA1, blocPlanId);
    expect(read.permissions).toEqual({ edit: false, publish: false, changeDeadlines: false, derive: false });
    const page = await determinations(cellA1, blocPlanId);
    expect(page.items.map((item: { workplaceName: string }) => item.workplaceName)).toEqual(['Sở Thử A1']);
    expect(page.items[0].canCorrect).toBe(true);
  });

  it('refuses a derived plan whose deadline falls after the parent plan’s', async () => {
    expect((await plan(baseA, blocPlanId)).permissions.derive).toBe(true);
    const late = await baseA.post(`/api/v1/plans/${blocPlanId}/derive`, {
      organizationId: tree.organizations.baseA,
      meetingsDueOn: '2026-11-20',
    });
    expect(late.statusCode).toBe(400);
    const error = late.json().error;
    expect(error.message).toBe(
      'Hạn hoàn thành họp (20/11/2026) phải không muộn hơn hạn của kế hoạch cấp trên (15/11/2026).',
    );
    expect(error.issues.map((issue: { path: string }) => issue.path)).toEqual(['body.meetingsDueOn']);
    const forSibling = await baseA.post(`/api/v1/plans/${blocPlanId}/derive`, {
      organizationId: tree.organizations.baseB,
    });
    expect(forSibling.statusCode).toBe(403);
    const forCell = await cellA1.post(`/api/v1/plans/${blocPlanId}/derive`, {
      organizationId: tree.organizations.cellA1,
    });
    expect(forCell.statusCode).toBe(400);
    expect(forCell.json().error.message).toContain('Chi bộ A1 không có tổ chức trực thuộc');
  });

  it('derives a plan for base A inside the parent’s deadlines and reads the parent’s determinations', async () => {
    const derived = await baseA.post(`/api/v1/plans/${blocPlanId}/derive`, {
      organizationId: tree.organizations.baseA,
      meetingsDueOn: '2026-11-10',
      baseReportsDueOn: '2026-11-18',
    });
    expect(derived.statusCode, derived.body).toBe(201);
    expect(derived.json()).toMatchObject({
      status: 'draft',
      parentPlanId: blocPlanId,
      parent: { id: blocPlanId, fullNumber: '03-KH/ĐUK' },
      determiningPlanId: blocPlanId,
      upwardReportDueOn: '2026-11-30',
      title: (await plan(bloc, blocPlanId)).title,
    });
    expect(derived.json().manifestations).toHaveLength(82);
    expect(derived.json().preamble).toContain('Thực hiện Kế hoạch số 03-KH/ĐUK, ngày 21/10/2026');
    derivedPlanId = derived.json().id;

    const late = await baseA.patch(`/api/v1/plans/${derivedPlanId}`, {
      version: derived.json().version,
      upwardReportDueOn: '2026-12-01',
    });
    expect(late.statusCode).toBe(400);
    const unnumbered = await baseA.post(`/api/v1/plans/${derivedPlanId}/publish`, {
      version: derived.json().version,
    });
    expect(unnumbered.statusCode).toBe(400);
    expect(unnumbered.json().error.message).toBe('Chưa ban hành được: Số kế hoạch không được để trống.');
    expect(unnumbered.json().error.issues).toEqual([
      { path: 'body.number', message: 'Số kế hoạch không được để trống.' },
    ]);
    const numbered = await baseA.patch(`/api/v1/plans/${derivedPlanId}`, {
      version: derived.json().version,
      number: '05',
    });
    const published = await baseA.post(`/api/v1/plans/${derivedPlanId}/publish`, {
      version: numbered.json().version,
    });
    expect(published.statusCode, published.body).toBe(200);
    const ownRows = await context.database.db
      .select()
      .from(planWorkplaces)
      .where(eq(planWorkplaces.planId, derivedPlanId));
    expect(ownRows).toEqual([]);
    const page = await determinations(baseA, derivedPlanId);
    expect(page.items).toEqual([expect.objectContaining({ workplaceName: 'Sở Thử A1', countedMasses: 5 })]);
    expect((await plan(bloc, blocPlanId)).derivedPlans).toEqual([
      expect.objectContaining({ id: derivedPlanId, organizationName: 'Đảng bộ cơ sở A' }),
    ]);
  });

  it('keeps base B out of base A’s plan', async () => {
    expect((await baseB.get(`/api/v1/plans/${derivedPlanId}`)).statusCode).toBe(403);
    const listed = (await baseB.get('/api/v1/plans')).json();
    expect(listed.items.map((p: { id: string }) => p.id)).toEqual([blocPlanId]);
    expect((await plan(baseB, blocPlanId)).derivedPlans).toEqual([]);
    const deadline = await baseB.post(`/api/v1/plans/${derivedPlanId}/deadline-changes`, {
      deadline: 'meetingsDueOn',
      toDate: '2026-11-09',
      reason: 'Thử',
    });
    expect(deadline.statusCode).toBe(403);
  });

  it('changes a published deadline only with a reason, and lists the change', async () => {
    const missing = await bloc.post(`/api/v1/plans/${blocPlanId}/deadline-changes`, {
      deadline: 'upwardReportDueOn',
      toDate: '2026-12-05',
      reason: '  ',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues.map((issue: { path: string }) => issue.path)).toContain('body.reason');
    const changed = await bloc.post(`/api/v1/plans/${blocPlanId}/deadline-changes`, {
      deadline: 'upwardReportDueOn',
      toDate: '2026-12-05',
      reason: 'Tỉnh ủy lùi hạn tổng hợp',
    });
    expect(changed.statusCode, changed.body).toBe(201);
    expect(changed.json().upwardReportDueOn).toBe('2026-12-05');
    expect(changed.json().deadlineChanges).toEqual([
      expect.objectContaining({
        deadline: 'upwardReportDueOn',
        deadlineLabel: 'Hạn báo cáo về trên',
        fromDate: '2026-11-30',
        toDate: '2026-12-05',
        reason: 'Tỉnh ủy lùi hạn tổng hợp',
        changedBy: 'committee bloc',
      }),
    ]);
  });

  it('refuses a parent deadline that would leave a derived plan outside it, naming that plan', async () => {
    const refused = await bloc.post(`/api/v1/plans/${blocPlanId}/deadline-changes`, {
      deadline: 'meetingsDueOn',
      toDate: '2026-11-08',
      reason: 'Rút ngắn',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('05-KH (Đảng bộ cơ sở A)');
    expect(refused.json().error.message).toContain('10/11/2026');
    const derivedLate = await baseA.post(`/api/v1/plans/${derivedPlanId}/deadline-changes`, {
      deadline: 'meetingsDueOn',
      toDate: '2026-11-16',
      reason: 'Xin lùi',
    });
    expect(derivedLate.statusCode).toBe(400);
    expect(derivedLate.json().error.message).toContain('kế hoạch cấp trên (15/11/2026)');
  });

  it('lets the cell committee correct a determination with a reason, audited and counted', async () => {
    const [row] = (await determinations(cellA1, blocPlanId)).items;
    const outsider = await baseB.post(
      `/api/v1/plans/${blocPlanId}/workplaces/${row.workplaceId}/correction`,
      {
        version: row.version,
        required: false,
        reason: 'Thử',
      },
    );
    expect(outsider.statusCode).toBe(403);
    const corrected = await cellA1.post(
      `/api/v1/plans/${blocPlanId}/workplaces/${row.workplaceId}/correction`,
      {
        version: row.version,
        required: false,
        reason: 'Danh sách nhầm: 2 người đã chuyển công tác',
      },
    );
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({
      required: false,
      status: 'exempt',
      countedMasses: 5,
      correction: { reason: 'Danh sách nhầm: 2 người đã chuyển công tác', correctedBy: 'committee cellA1' },
    });
    const again = await cellA1.post(`/api/v1/plans/${blocPlanId}/workplaces/${row.workplaceId}/correction`, {
      version: row.version,
      required: true,
      reason: 'Lại',
    });
    expect(again.statusCode).toBe(409);

    const audit = (await tree.admin.get('/api/v1/audit-entries?action=plan.determination_corrected')).json();
    expect(audit.items).toEqual([
      expect.objectContaining({
        accountName: 'committee.cella1',
        changes: expect.objectContaining({ required: { from: true, to: false } }),
      }),
    ]);
    const trail = (await tree.admin.get(`/api/v1/audit-entries?targetId=${blocPlanId}`)).json();
    expect(trail.items.map((entry: { action: string }) => entry.action).sort()).toEqual([
      'plan.created',
      'plan.deadline_changed',
      'plan.published',
      'plan.updated',
    ]);
    const [blocProgress] = await context.database.db
      .select()
      .from(planProgress)
      .where(
        and(eq(planProgress.planId, blocPlanId), eq(planProgress.organizationId, tree.organizations.bloc)),
      );
    expect(blocProgress).toMatchObject({ workplaces: 2, required: 0, exempt: 2 });
  });
});
