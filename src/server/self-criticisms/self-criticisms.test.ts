import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import {
  accountName,
  addMemberWithAccount,
  addPerson as addRosterPerson,
  createTestContext,
  publishPlanFromTemplate,
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

describe('self-criticisms: made on publishing, written, submitted, returned, accepted, summarized', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let cellA1: TestClient;
  let cellB1: TestClient;
  let board: TestClient;
  let officer: TestClient;
  let clerk: TestClient;
  let planId: string;
  let officerReport: string;
  let clerkReport: string;

  const addPerson = (workplaceId: string, fields: object) => addRosterPerson(tree.admin, workplaceId, fields);
  const addMember = (username: string, workplaceId: string, cellId: string, fields: object) =>
    addMemberWithAccount(context, tree.admin, { username, workplaceId, cellId }, fields);
  const read = async (client: TestClient, id: string) =>
    (await client.get(`/api/v1/self-criticisms/${id}`)).json();

  beforeAll(async () => {
    context = await createTestContext();
    tree = await seedScopeTree(context, [
      { role: 'committee', at: 'bloc' },
      { role: 'committee', at: 'cellA1' },
      { role: 'committee', at: 'cellB1' },
      { role: 'organization-board', at: 'bloc' },
    ]);
    const { cellA1: cellA1Id, cellB1: cellB1Id } = tree.organizations;
    for (let index = 0; index < 5; index++)
      await addPerson(tree.workplaces.wpA1, { fullName: `Quần chúng A${index}`, isPartyMember: false });
    await addPerson(tree.workplaces.wpB1, { fullName: 'Quần chúng B', isPartyMember: false });
    officer = await addMember('dangvien.cochucvu', tree.workplaces.wpA1, cellA1Id, {
      fullName: 'Nguyễn Văn Tám',
      birthDate: '1975-03-02',
      partyOffice: 'Bí thư chi bộ',
      governmentOffice: 'Giám đốc Sở',
    });
    clerk = await addMember('dangvien.khongchucvu', tree.workplaces.wpA1, cellA1Id, {
      fullName: 'Trần Thị Chín',
      assignedDuty: 'Kế toán',
    });
    await addPerson(tree.workplaces.wpB1, {
      fullName: 'Lê Văn Mười',
      isPartyMember: true,
      organizationId: cellB1Id,
    });
    cellA1 = await TestClient.signIn(context.app, accountName('committee', 'cellA1'));
    cellB1 = await TestClient.signIn(context.app, accountName('committee', 'cellB1'));
    board = await TestClient.signIn(context.app, accountName('organization-board', 'bloc'));
    const bloc = await TestClient.signIn(context.app, accountName('committee', 'bloc'));
    planId = await publishPlanFromTemplate(bloc, tree.organizations.bloc, {
      manifestationsText: '1. Biểu hiện một\n2. Biểu hiện hai\n3. Biểu hiện ba',
    });
  });
  afterAll(() => context.close());

  it('gives each member at a required workplace a draft on the template of their case, header from the record', async () => {
    const officerMine = (await officer.get('/api/v1/self-criticisms/mine')).json();
    expect(officerMine.items).toHaveLength(1);
    expect(officerMine.items[0]).toMatchObject({
      template: 'with_office',
      status: 'draft',
      statusLabel: 'Chưa mở',
      opened: false,
    });
    officerReport = officerMine.items[0].id;
    const clerkMine = (await clerk.get('/api/v1/self-criticisms/mine')).json();
    expect(clerkMine.items[0]).toMatchObject({ template: 'without_office', fullName: 'Trần Thị Chín' });
    clerkReport = clerkMine.items[0].id;

    // The committee reading it does not open it: it stays "Chưa mở" until its member opens it.
    expect(await read(cellA1, officerReport)).toMatchObject({ opened: false, statusLabel: 'Chưa mở' });
    const stillUnopened = (await officer.get('/api/v1/self-criticisms/mine')).json();
    expect(stillUnopened.items[0]).toMatchObject({ opened: false, statusLabel: 'Chưa mở' });

    const detail = await read(officer, officerReport);
    // Opened by its member: "Đang viết" from now on, still version 1, nothing saved.
    expect(detail).toMatchObject({ version: 1, opened: true, statusLabel: 'Đang viết' });
    const listed = (await officer.get('/api/v1/self-criticisms/mine')).json();
    expect(listed.items[0]).toMatchObject({ version: 1, opened: true, statusLabel: 'Đang viết' });
    expect((await read(cellA1, officerReport)).opened).toBe(true);
    expect(detail).toMatchObject({
      header: {
        fullName: 'Nguyễn Văn Tám',
        birthDate: '1975-03-02',
        partyOffice: 'Bí thư chi bộ',
        governmentOffice: 'Giám đốc Sở',
        workplaceName: 'Sở Thử A1',
        cellName: 'Chi bộ A1',
      },
      manifestations: ['Biểu hiện một', 'Biểu hiện hai', 'Biểu hiện ba'],
      permissions: { save: true, submit: true, return: false, editHeader: false },
    });
    expect(detail.content.shortcomings).toBe('');

    // wpB1 has one counted mass: exempt, so its member gets no report.
    const all = (await tree.admin.get(`/api/v1/self-criticisms?planId=${planId}`)).json();
    expect(all.items.map((item: { fullName: string }) => item.fullName).sort()).toEqual([
      'Nguyễn Văn Tám',
      'Trần Thị Chín',
    ]);
  });

  it('saves as the member types: partial sections, savedAt, a stale version refused', async () => {
    // Opened but not yet saved: its one kept version is 1, made at publishing.
    const unsaved = (await officer.get(`/api/v1/self-criticisms/${officerReport}`)).json();
    expect(unsaved).toMatchObject({ version: 1, opened: true, statusLabel: 'Đang viết' });
    const made = (await officer.get(`/api/v1/self-criticisms/${officerReport}/versions`)).json();
    expect(made.items).toMatchObject([{ version: 1, action: 'created', status: 'draft', accountName: null }]);
    const first = await officer.patch(`/api/v1/self-criticisms/${officerReport}`, {
      version: 1,
      content: { politicalIdeology: FULL_CONTENT.politicalIdeology },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      version: 2,
      opened: true,
      statusLabel: 'Đang viết',
      content: { politicalIdeology: FULL_CONTENT.politicalIdeology },
    });
    expect(Date.parse(first.json().savedAt)).not.toBeNaN();
    const second = await officer.patch(`/api/v1/self-criticisms/${officerReport}`, {
      version: 2,
      content: { duties: FULL_CONTENT.duties },
    });
    expect(second.json().content).toMatchObject({
      politicalIdeology: FULL_CONTENT.politicalIdeology,
      duties: FULL_CONTENT.duties,
    });
    const stale = await officer.patch(`/api/v1/self-criticisms/${officerReport}`, {
      version: 2,
      content: {},
    });
    expect(stale.statusCode).toBe(409);
    // Two saves within ten minutes keep one version (the first save is kept even right after publishing).
    const versions = (await officer.get(`/api/v1/self-criticisms/${officerReport}/versions`)).json();
    expect(versions.items.map((item: { version: number }) => item.version)).toEqual([1, 2]);
  });

  it('refuses bad input with the field path: over-long section, unknown manifestation, none with items', async () => {
    const long = await officer.patch(`/api/v1/self-criticisms/${officerReport}`, {
      version: 3,
      content: { duties: 'a'.repeat(4001) },
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.issues[0]).toEqual({
      path: 'body.content.duties',
      message: 'Không được dài quá 4000 ký tự.',
    });
    const unknown = await officer.patch(`/api/v1/self-criticisms/${officerReport}`, {
      version: 3,
      manifestationAnswer: { none: false, items: [{ number: 4, remark: '' }] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0].path).toBe('body.manifestationAnswer.items.0.number');
    const both = await officer.patch(`/api/v1/self-criticisms/${officerReport}`, {
      version: 3,
      manifestationAnswer: { none: true, items: [{ number: 1, remark: '' }] },
    });
    expect(both.json().error.issues[0].path).toBe('body.manifestationAnswer.none');
  });

  it('refuses to submit with empty sections, naming each', async () => {
    const response = await officer.post(`/api/v1/self-criticisms/${officerReport}/submit`, { version: 3 });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'body.content.ethicsLifestyle',
      'body.content.discipline',
      'body.content.shortcomings',
      'body.content.remedies',
      'body.manifestationAnswer',
    ]);
  });

  it('keeps each member to their own report and the committee to the header', async () => {
    expect((await clerk.get(`/api/v1/self-criticisms/${officerReport}`)).statusCode).toBe(403);
    expect(
      (await clerk.patch(`/api/v1/self-criticisms/${officerReport}`, { version: 3, content: {} })).statusCode,
    ).toBe(403);
    expect(
      (await cellA1.patch(`/api/v1/self-criticisms/${officerReport}`, { version: 3, content: {} }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await officer.patch(`/api/v1/self-criticisms/${officerReport}/header`, {
          version: 3,
          assignedDuty: 'X',
        })
      ).statusCode,
    ).toBe(403);
    const header = await cellA1.patch(`/api/v1/self-criticisms/${officerReport}/header`, {
      version: 3,
      assignedDuty: 'Phụ trách chung',
      carriedOver: 'Năm trước hứa giải quyết hồ sơ đúng hạn.',
    });
    expect(header.statusCode, header.body).toBe(200);
    expect(header.json()).toMatchObject({
      version: 4,
      header: { assignedDuty: 'Phụ trách chung' },
      carriedOver: 'Năm trước hứa giải quyết hồ sơ đúng hạn.',
      permissions: { editHeader: true, save: false },
    });
  });

  it('runs submit → return with a reason → fix and resubmit → comment → accept', async () => {
    const saved = await officer.patch(`/api/v1/self-criticisms/${officerReport}`, {
      version: 4,
      content: FULL_CONTENT,
      manifestationAnswer: { none: true, items: [] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await officer.post(`/api/v1/self-criticisms/${officerReport}/submit`, { version: 5 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', statusLabel: 'Đã nộp' });
    expect(
      (await officer.patch(`/api/v1/self-criticisms/${officerReport}`, { version: 6, content: {} }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await officer.post(`/api/v1/self-criticisms/${officerReport}/return`, {
          version: 6,
          reason: 'Tự trả',
        })
      ).statusCode,
    ).toBe(403);

    const noReason = await cellA1.post(`/api/v1/self-criticisms/${officerReport}/return`, {
      version: 6,
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.issues[0].path).toBe('body.reason');
    const returned = await cellA1.post(`/api/v1/self-criticisms/${officerReport}/return`, {
      version: 6,
      reason: 'Phần khuyết điểm cần nêu cụ thể hơn.',
    });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      returnReason: 'Phần khuyết điểm cần nêu cụ thể hơn.',
    });
    expect((await read(officer, officerReport)).returnReason).toBe('Phần khuyết điểm cần nêu cụ thể hơn.');

    await officer.patch(`/api/v1/self-criticisms/${officerReport}`, {
      version: 7,
      content: { shortcomings: 'Giải quyết 12 hồ sơ trễ hạn trong quý III.' },
    });
    const resubmitted = await officer.post(`/api/v1/self-criticisms/${officerReport}/submit`, { version: 8 });
    expect(resubmitted.json()).toMatchObject({ status: 'submitted', returnReason: null });

    const early = await cellA1.post(`/api/v1/self-criticisms/${officerReport}/accept`, { version: 9 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe(
      'Cần ghi nhận xét của cấp ủy trước khi thông qua bản tự phê bình của đảng viên có chức vụ.',
    );
    const commented = await cellA1.put(`/api/v1/self-criticisms/${officerReport}/committee-comment`, {
      version: 9,
      comment: 'Đồng chí tự phê bình nghiêm túc.',
    });
    expect(commented.statusCode, commented.body).toBe(200);
    const accepted = await cellA1.post(`/api/v1/self-criticisms/${officerReport}/accept`, { version: 10 });
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      committeeComment: 'Đồng chí tự phê bình nghiêm túc.',
    });
    expect(accepted.json().acceptedAt).not.toBeNull();
    expect(
      (await cellA1.post(`/api/v1/self-criticisms/${officerReport}/accept`, { version: 11 })).statusCode,
    ).toBe(409);
  });

  it('writes the summary after submission, refuses a comment on the "without office" template', async () => {
    const summary = await cellA1.put(`/api/v1/self-criticisms/${officerReport}/summary`, {
      version: 11,
      duties: 'Bí thư chi bộ, Giám đốc Sở',
      strengths: 'Nghiêm túc, gương mẫu.',
      shortcomings: 'Giải quyết hồ sơ còn trễ.',
    });
    expect(summary.statusCode, summary.body).toBe(200);
    expect(summary.json().summary.strengths).toBe('Nghiêm túc, gương mẫu.');
    const draftSummary = await cellA1.put(`/api/v1/self-criticisms/${clerkReport}/summary`, {
      version: 1,
      duties: '',
      strengths: '',
      shortcomings: '',
    });
    expect(draftSummary.statusCode).toBe(409);
    const comment = await cellA1.put(`/api/v1/self-criticisms/${clerkReport}/committee-comment`, {
      version: 1,
      comment: 'Tốt',
    });
    expect(comment.statusCode).toBe(409);
    expect(comment.json().error.message).toContain('không có phần nhận xét của cấp ủy');
  });

  it('keeps versions and shows what changed between two', async () => {
    const versions = (await officer.get(`/api/v1/self-criticisms/${officerReport}/versions`)).json();
    expect(
      versions.items.map((item: { version: number; action: string }) => `${item.version}:${item.action}`),
    ).toEqual([
      '1:created',
      '2:saved',
      '4:header',
      '6:submitted',
      '7:returned',
      '9:submitted',
      '10:commented',
      '11:accepted',
      '12:summarized',
    ]);
    const diff = await cellA1.get(`/api/v1/self-criticisms/${officerReport}/versions/diff?from=6&to=9`);
    expect(diff.statusCode, diff.body).toBe(200);
    expect(diff.json().changes).toEqual([
      {
        field: 'content.shortcomings',
        label: 'II. Về khuyết điểm, hạn chế',
        before: FULL_CONTENT.shortcomings,
        after: 'Giải quyết 12 hồ sơ trễ hạn trong quý III.',
      },
    ]);
    expect(
      (await cellA1.get(`/api/v1/self-criticisms/${officerReport}/versions/diff?from=6&to=99`)).statusCode,
    ).toBe(404);
  });

  it('keeps versions append-only and the audit free of what the member wrote', async () => {
    const { db } = context.database;
    await expect(db.execute(sql`update self_criticism_versions set status = 'draft'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from self_criticism_versions`)).rejects.toThrow();
    const audit = await queryRows<{ action: string; changes: unknown }>(
      db,
      sql`select action, changes from audit_entries where target_id = ${officerReport} order by at`,
    );
    expect(audit.map((entry) => entry.action)).toContain('self_criticism.save');
    expect(audit.find((entry) => entry.action === 'self_criticism.return')?.changes).toEqual({
      returnReason: { from: '***', to: '***' },
      status: { from: 'submitted', to: 'returned' },
    });
    expect(JSON.stringify(audit)).not.toContain('hồ sơ');
  });

  it('shows higher levels the status without the content; a sibling cell sees nothing', async () => {
    const fromBoard = await read(board, officerReport);
    expect(fromBoard).toMatchObject({
      status: 'accepted',
      contentVisible: false,
      content: null,
      header: null,
    });
    expect(fromBoard.permissions).toMatchObject({ accept: false, summarize: false });
    const listed = (await board.get(`/api/v1/self-criticisms?planId=${planId}&status=accepted`)).json();
    expect(listed.items).toMatchObject([{ id: officerReport, contentVisible: false }]);
    const boardVersions = (await board.get(`/api/v1/self-criticisms/${officerReport}/versions`)).json();
    expect(boardVersions.items.at(-1)).toMatchObject({
      version: 12,
      action: 'summarized',
      status: 'accepted',
    });
    expect(JSON.stringify(boardVersions)).not.toContain('hồ sơ');
    expect(
      (await board.get(`/api/v1/self-criticisms/${officerReport}/versions/diff?from=6&to=9`)).statusCode,
    ).toBe(403);
    expect(
      (
        await board.put(`/api/v1/self-criticisms/${officerReport}/summary`, {
          version: 12,
          duties: '',
          strengths: '',
          shortcomings: '',
        })
      ).statusCode,
    ).toBe(403);
    expect((await cellB1.get(`/api/v1/self-criticisms/${officerReport}`)).statusCode).toBe(403);
    expect((await cellB1.get(`/api/v1/self-criticisms?planId=${planId}`)).json().items).toEqual([]);
    const cellList = (await cellA1.get(`/api/v1/self-criticisms?workplaceId=${tree.workplaces.wpA1}`)).json();
    expect(cellList.items.every((item: { contentVisible: boolean }) => item.contentVisible)).toBe(true);
    expect((await clerk.get('/api/v1/self-criticisms')).json().items).toHaveLength(1);
  });

  it('makes the missing reports after a correction flips a workplace to required', async () => {
    const sync = `/api/v1/plans/${planId}/workplaces/${tree.workplaces.wpB1}/self-criticisms/sync`;
    expect((await cellB1.post(sync)).statusCode).toBe(409);
    const rows = (await cellB1.get(`/api/v1/plans/${planId}/workplaces`)).json();
    const wpB1 = rows.items.find((row: { workplaceId: string }) => row.workplaceId === tree.workplaces.wpB1);
    const corrected = await cellB1.post(
      `/api/v1/plans/${planId}/workplaces/${tree.workplaces.wpB1}/correction`,
      {
        version: wpB1.version,
        required: true,
        reason: 'Danh sách quần chúng bị thiếu',
      },
    );
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect((await cellA1.post(sync)).statusCode).toBe(403);
    expect((await cellB1.post(sync)).json()).toEqual({ created: 1 });
    expect((await cellB1.post(sync)).json()).toEqual({ created: 0 });
    const listed = (await cellB1.get(`/api/v1/self-criticisms?planId=${planId}`)).json();
    expect(listed.items).toMatchObject([
      { fullName: 'Lê Văn Mười', template: 'without_office', contentVisible: true },
    ]);
  });
});
