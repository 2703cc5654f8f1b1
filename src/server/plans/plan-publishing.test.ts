import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountName,
  addMemberWithAccount,
  addPerson,
  createTestContext,
  seedScopeTree,
  TestClient,
  type TestContext,
} from '../test-support.js';

const FULL_CONTENT = {
  politicalIdeology: 'Luôn chấp hành nghiêm đường lối, chủ trương của Đảng.',
  ethicsLifestyle: 'Giữ gìn phẩm chất đạo đức, lối sống giản dị.',
  duties: 'Hoàn thành tốt nhiệm vụ được giao.',
  discipline: 'Chấp hành nội quy cơ quan.',
  remedying: '',
  shortcomings: 'Có lúc giải quyết hồ sơ còn chậm.',
  remedies: 'Sắp xếp thời gian hợp lý hơn.',
};

/**
 * Issue 11, items 3 and 4, on 03/12/2026 in Vietnam (the day the issue was found): a year's plan is
 * published once, a second one only replaces it with a reason; deadlines already past or before the
 * issue date are refused naming the field, every missing field at once; the template proposes dates
 * still ahead; an empty manifestation list asks nothing of members.
 */
describe('publishing a plan: one a year, deadlines ahead, everything missing at once', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let bloc: TestClient;
  let baseA: TestClient;
  let firstId = '';
  let derivedId = '';
  let secondId = '';
  let member: TestClient;

  const template = async () =>
    (await bloc.get(`/api/v1/plans/template?organizationId=${tree.organizations.bloc}&year=2026`)).json();
  const draft = async (fields: object) => {
    const created = await bloc.post('/api/v1/plans', { ...(await template()), ...fields });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as { id: string; version: number };
  };

  beforeAll(async () => {
    // 03/12/2026 09:30 in Vietnam.
    context = await createTestContext({ clock: () => new Date('2026-12-03T02:30:00Z') });
    tree = await seedScopeTree(context, [
      { role: 'committee', at: 'bloc' },
      { role: 'committee', at: 'baseA' },
    ]);
    bloc = await TestClient.signIn(context.app, accountName('committee', 'bloc'));
    baseA = await TestClient.signIn(context.app, accountName('committee', 'baseA'));
    for (let index = 1; index <= 4; index++)
      await addPerson(tree.admin, tree.workplaces.wpA1, {
        fullName: `Quần chúng ${index}`,
        isPartyMember: false,
      });
    member = await addMemberWithAccount(
      context,
      tree.admin,
      { username: 'dangvien.a1', workplaceId: tree.workplaces.wpA1, cellId: tree.organizations.cellA1 },
      { fullName: 'Lê Văn Đảng' },
    );
  });
  afterAll(() => context.close());

  it('proposes deadlines still ahead when the seed’s dates of the year are past', async () => {
    expect(await template()).toMatchObject({
      meetingsDueOn: '2026-12-17',
      baseReportsDueOn: '2026-12-22',
      upwardReportDueOn: '2027-01-01',
    });
  });

  it('lists every missing field and every past deadline at once, naming each field', async () => {
    const plan = await draft({
      number: '',
      place: '',
      signerName: '',
      meetingsDueOn: '2026-11-15',
      baseReportsDueOn: '2026-11-20',
      upwardReportDueOn: '2026-12-10',
    });
    const refused = await bloc.post(`/api/v1/plans/${plan.id}/publish`, { version: plan.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'body.number',
      'body.place',
      'body.signerName',
      'body.meetingsDueOn',
      'body.baseReportsDueOn',
    ]);
    expect(refused.json().error.message).toContain(
      'Hạn hoàn thành họp (15/11/2026) đã qua: phải từ hôm nay (03/12/2026) trở đi.',
    );
    expect(refused.json().error.message).toContain('Số kế hoạch không được để trống.');

    const early = await bloc.patch(`/api/v1/plans/${plan.id}`, {
      version: plan.version,
      number: '01',
      place: 'Trà Vinh',
      signerName: 'Nguyễn Văn Ký',
      issuedOn: '2026-12-20',
      meetingsDueOn: '2026-12-15',
      baseReportsDueOn: '2026-12-22',
      upwardReportDueOn: '2026-12-30',
    });
    expect(early.statusCode, early.body).toBe(200);
    const beforeIssue = await bloc.post(`/api/v1/plans/${plan.id}/publish`, {
      version: early.json().version,
    });
    expect(beforeIssue.statusCode).toBe(400);
    expect(beforeIssue.json().error.issues).toEqual([
      {
        path: 'body.meetingsDueOn',
        message: 'Hạn hoàn thành họp (15/12/2026) sớm hơn ngày ban hành (20/12/2026).',
      },
    ]);
    const fixed = await bloc.patch(`/api/v1/plans/${plan.id}`, {
      version: early.json().version,
      issuedOn: '2026-12-03',
    });
    const published = await bloc.post(`/api/v1/plans/${plan.id}/publish`, { version: fixed.json().version });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', replacesPlanId: null });
    firstId = plan.id;
    // Four masses: Sở Thử A1 is exempt under the first plan.
    const rows = (await bloc.get(`/api/v1/plans/${firstId}/workplaces`)).json().items;
    expect(rows).toEqual(
      expect.arrayContaining([expect.objectContaining({ workplaceName: 'Sở Thử A1', required: false })]),
    );
  });

  it('refuses a second plan of the same issuer and year unless it replaces the first with a reason', async () => {
    const derived = await baseA.post(`/api/v1/plans/${firstId}/derive`, {
      organizationId: tree.organizations.baseA,
    });
    expect(derived.statusCode, derived.body).toBe(201);
    const derivedPublished = await baseA.post(`/api/v1/plans/${derived.json().id}/publish`, {
      version: (
        await baseA.patch(`/api/v1/plans/${derived.json().id}`, {
          version: derived.json().version,
          number: '02',
        })
      ).json().version,
    });
    expect(derivedPublished.statusCode, derivedPublished.body).toBe(200);
    derivedId = derived.json().id;

    const second = await draft({
      number: '07',
      place: 'Trà Vinh',
      signerName: 'Nguyễn Văn Ký',
      manifestations: [],
    });
    secondId = second.id;
    const detail = (await bloc.get(`/api/v1/plans/${secondId}`)).json();
    expect(detail.standingPlan).toMatchObject({ id: firstId, fullNumber: '01-KH' });

    const plain = await bloc.post(`/api/v1/plans/${secondId}/publish`, { version: second.version });
    expect(plain.statusCode).toBe(409);
    expect(plain.json().error.message).toBe(
      'Năm 2026 tổ chức đã ban hành Kế hoạch số 01-KH; mỗi năm chỉ có một kế hoạch. Muốn ban hành kế hoạch này, hãy chọn thay thế kế hoạch đó và ghi lý do thay thế.',
    );
    const noReason = await bloc.post(`/api/v1/plans/${secondId}/publish`, {
      version: second.version,
      replacement: { replacesPlanId: firstId, reason: '' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.issues[0].message).toBe('Lý do thay thế không được để trống.');
    const wrongPlan = await bloc.post(`/api/v1/plans/${secondId}/publish`, {
      version: second.version,
      replacement: { replacesPlanId: derivedId, reason: 'Nhầm' },
    });
    expect(wrongPlan.statusCode).toBe(409);
    expect(wrongPlan.json().error.message).toContain('chỉ thay thế được kế hoạch đó');
    expect((await bloc.get(`/api/v1/plans/${firstId}`)).json().status).toBe('published');

    // A fifth mass joins before the replacement: the replacing plan determines afresh.
    await addPerson(tree.admin, tree.workplaces.wpA1, { fullName: 'Quần chúng 5', isPartyMember: false });
    const replaced = await bloc.post(`/api/v1/plans/${secondId}/publish`, {
      version: second.version,
      replacement: { replacesPlanId: firstId, reason: 'Kế hoạch 01 ghi sai thời hạn báo cáo.' },
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({
      status: 'published',
      replacesPlanId: firstId,
      replacementReason: 'Kế hoạch 01 ghi sai thời hạn báo cáo.',
    });
    const old = (await bloc.get(`/api/v1/plans/${firstId}`)).json();
    expect(old).toMatchObject({
      status: 'replaced',
      statusLabel: 'Đã bị thay thế',
      replacedBy: { id: secondId },
    });
    expect(old.replacedAt).not.toBeNull();
    expect(old.permissions).toMatchObject({
      edit: false,
      publish: false,
      changeDeadlines: false,
      derive: false,
    });
    expect((await baseA.get(`/api/v1/plans/${derivedId}`)).json().status).toBe('replaced');
    // History kept: both plans listed; the old determinations stand as they were.
    const listed = (await bloc.get('/api/v1/plans?year=2026'))
      .json()
      .items.map((plan: { id: string; status: string }) => [plan.id, plan.status]);
    expect(listed).toEqual(
      expect.arrayContaining([
        [firstId, 'replaced'],
        [secondId, 'published'],
      ]),
    );
    const oldRows = (await bloc.get(`/api/v1/plans/${firstId}/workplaces`)).json().items;
    expect(oldRows).toEqual(
      expect.arrayContaining([expect.objectContaining({ workplaceName: 'Sở Thử A1', required: false })]),
    );
    const newRows = (await bloc.get(`/api/v1/plans/${secondId}/workplaces`)).json().items;
    expect(newRows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ workplaceName: 'Sở Thử A1', required: true, countedMasses: 5 }),
      ]),
    );
    // Nothing left to replace again with the old plan, and the old one cannot be published again.
    const again = await bloc.post(`/api/v1/plans/${firstId}/publish`, { version: old.version });
    expect(again.statusCode).toBe(409);
  });

  it('asks nothing of members about manifestations when the plan lists none', async () => {
    const reports = (await member.get('/api/v1/self-criticisms/mine')).json().items as {
      id: string;
      planId: string;
      version: number;
    }[];
    const report = reports.find((item) => item.planId === secondId);
    expect(report).toBeDefined();
    const saved = await member.patch(`/api/v1/self-criticisms/${report!.id}`, {
      version: report!.version,
      content: FULL_CONTENT,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().manifestations).toEqual([]);
    const submitted = await member.post(`/api/v1/self-criticisms/${report!.id}/submit`, {
      version: saved.json().version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('submitted');
  });
});
