import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDetail, ReportList } from '../../contract/reports.js';
import { pgErrorMessage } from '../../db/errors.js';
import { planWorkplaces } from '../../db/schema/index.js';
import { documentXml, docxParagraphs, pdfLines } from '../../documents/read-exports.js';
import { REPORT_SUBMITTED_MESSAGE } from '../http/error-handler.js';
import { backdatePlan } from '../plans/backdate-support.js';
import { setWorkplaceStatus } from '../plans/progress-rollup.js';
import {
  accountName,
  addPerson,
  createTestContext,
  publishPlanFromTemplate,
  seedScopeTree,
  TestClient,
  type TestContext,
} from '../test-support.js';

/**
 * The reporting chain on the scope tree: cellA1 → baseA → bloc → root, cellB1 → baseB → bloc.
 * The plan's deadlines are all in 2025, already past, so the states are late or missing whatever
 * day the test runs (plan creation accepts past dates).
 */
describe('reports up the tree', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let planId: string;
  const clients: Record<string, TestClient> = {};
  const reportUrl = (organizationId: string) =>
    `/api/v1/plans/${planId}/organizations/${organizationId}/report`;
  const narrative = {
    results: 'Chi bộ tổ chức 1 buổi, 2 đảng viên tự phê bình.',
    strengths: 'Nghiêm túc.',
    limits: '',
    proposals: 'Không.',
  };

  beforeAll(async () => {
    context = await createTestContext();
    tree = await seedScopeTree(context, [
      { role: 'committee', at: 'bloc' },
      { role: 'committee', at: 'baseA' },
      { role: 'committee', at: 'cellA1' },
      { role: 'committee', at: 'cellB1' },
      { role: 'organization-board', at: 'bloc' },
      { role: 'member', at: 'cellA1' },
    ]);
    for (let index = 1; index <= 5; index++)
      await addPerson(tree.admin, tree.workplaces.wpA1, {
        fullName: `Quần chúng ${index}`,
        isPartyMember: false,
      });
    for (const [key, role, at] of [
      ['bloc', 'committee', 'bloc'],
      ['board', 'organization-board', 'bloc'],
      ['baseA', 'committee', 'baseA'],
      ['cellA1', 'committee', 'cellA1'],
      ['cellB1', 'committee', 'cellB1'],
      ['member', 'member', 'cellA1'],
    ] as const)
      clients[key] = await TestClient.signIn(context.app, accountName(role, at));
    planId = await publishPlanFromTemplate(clients.bloc!, tree.organizations.bloc, {
      year: 2025,
      meetingsDueOn: '2025-11-15',
      baseReportsDueOn: '2025-11-20',
      upwardReportDueOn: '2025-11-30',
    });
  });

  afterAll(async () => {
    await context?.close();
  });

  it('opens a cell’s draft for its committee with its recipient, deadline and live figures', async () => {
    const response = await clients.cellA1!.get(reportUrl(tree.organizations.cellA1));
    expect(response.statusCode, response.body).toBe(200);
    const report: ReportDetail = response.json();
    expect(report.id).not.toBeNull();
    expect(report.recipient?.id).toBe(tree.organizations.baseA);
    expect(report.dueOn).toBe('2025-11-17');
    expect(report.status).toBe('draft');
    expect(report.state).toBe('missing');
    expect(report.figures.workplacesRequired).toBe(1);
    expect(report.children).toEqual([]);
    expect(report.permissions).toEqual({ edit: true, submit: true, reopen: false });
  });

  it('lets an officer above read a report but not write it, and refuses a sibling', async () => {
    const above = await clients.bloc!.get(reportUrl(tree.organizations.cellA1));
    expect(above.statusCode).toBe(200);
    expect(above.json().permissions).toEqual({ edit: false, submit: false, reopen: false });
    const sibling = await clients.cellB1!.get(reportUrl(tree.organizations.cellA1));
    expect(sibling.statusCode).toBe(403);
    expect(sibling.json().error.message).toBe('Bạn không có quyền thực hiện thao tác này.');
    const member = await clients.member!.get(reportUrl(tree.organizations.cellA1));
    expect(member.statusCode).toBe(403);
    const { id, version } = above.json();
    const write = await clients.bloc!.put(`/api/v1/reports/${id}`, { version, narrative });
    expect(write.statusCode).toBe(403);
  });

  it('refuses an organization outside the plan and an unknown plan, in Vietnamese', async () => {
    const outside = await clients.bloc!.get(reportUrl(tree.organizations.root));
    expect(outside.statusCode).toBe(403);
    const unknown = await clients.bloc!.get(
      `/api/v1/plans/${crypto.randomUUID()}/organizations/${tree.organizations.bloc}/report`,
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('Không tìm thấy kế hoạch.');
  });

  it('saves the narrative in NFC with its version, and refuses a stale write', async () => {
    const { id, version } = (await clients.cellA1!.get(reportUrl(tree.organizations.cellA1))).json();
    const saved = await clients.cellA1!.put(`/api/v1/reports/${id}`, {
      version,
      narrative: { ...narrative, limits: 'Chưa đầy đủ'.normalize('NFD') },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().narrative.limits).toBe('Chưa đầy đủ'.normalize('NFC'));
    expect(saved.json().version).toBe(version + 1);
    const stale = await clients.cellA1!.put(`/api/v1/reports/${id}`, { version, narrative });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/người khác thay đổi/);
  });

  it('submits a cell report late, freezes it and moves its compiled workplace to reported', async () => {
    await context.database.db.transaction((tx) =>
      setWorkplaceStatus(tx, planId, tree.workplaces.wpA1, 'compiled'),
    );
    const { id, version } = (await clients.cellA1!.get(reportUrl(tree.organizations.cellA1))).json();
    const submitted = await clients.cellA1!.post(`/api/v1/reports/${id}/submit`, { version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const report: ReportDetail = submitted.json();
    expect(report.status).toBe('submitted');
    expect(report.state).toBe('late');
    expect(report.figures.workplacesHeld).toBe(1);
    expect(report.permissions).toEqual({ edit: false, submit: false, reopen: false });
    const [workplace] = await context.database.db
      .select({ status: planWorkplaces.status })
      .from(planWorkplaces)
      .where(and(eq(planWorkplaces.planId, planId), eq(planWorkplaces.workplaceId, tree.workplaces.wpA1)));
    expect(workplace!.status).toBe('reported');

    const edit = await clients.cellA1!.put(`/api/v1/reports/${id}`, { version: report.version, narrative });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe(REPORT_SUBMITTED_MESSAGE);
    const again = await clients.cellA1!.post(`/api/v1/reports/${id}/submit`, { version: report.version });
    expect(again.statusCode).toBe(409);
    for (const statement of [
      sql`update reports set narrative = '{}'::jsonb where id = ${id}`,
      sql`delete from reports where id = ${id}`,
    ]) {
      const refused = await context.database.db.execute(statement).then(
        () => null,
        (error: unknown) => error,
      );
      expect(pgErrorMessage(refused)).toMatch(/report_submitted/);
    }
  });

  it('shows the base the cell’s report as late with its frozen figures, then the base reports', async () => {
    const response = await clients.baseA!.get(reportUrl(tree.organizations.baseA));
    const report: ReportDetail = response.json();
    expect(report.recipient?.id).toBe(tree.organizations.bloc);
    expect(report.dueOn).toBe('2025-11-20');
    expect(report.children).toHaveLength(1);
    expect(report.children[0]).toMatchObject({
      organization: { id: tree.organizations.cellA1 },
      state: 'late',
      dueOn: '2025-11-17',
    });
    expect(report.sumMatches).toBe(true);
    const written = await clients.baseA!.put(`/api/v1/reports/${report.id}`, {
      version: report.version,
      narrative: { ...narrative, limits: 'Chưa đầy đủ.' },
    });
    expect(written.statusCode, written.body).toBe(200);
    const submitted = await clients.baseA!.post(`/api/v1/reports/${report.id}/submit`, {
      version: written.json().version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().state).toBe('late');
  });

  it('gives a cell the base-report deadline of the plan its base derived, read through either plan', async () => {
    // Both plans published while their deadlines were ahead (issue 11), then time passes.
    const { db } = context.database;
    await backdatePlan(db, planId, {
      meetingsDueOn: '2099-11-15',
      baseReportsDueOn: '2099-11-20',
      upwardReportDueOn: '2099-11-30',
    });
    const derived = await clients.bloc!.post(`/api/v1/plans/${planId}/derive`, {
      organizationId: tree.organizations.baseB,
      number: '05',
      signerName: 'Nguyễn Văn Ký',
      place: 'Trà Vinh',
      meetingsDueOn: '2099-11-12',
      baseReportsDueOn: '2099-11-18',
    });
    expect(derived.statusCode, derived.body).toBe(201);
    const published = await clients.bloc!.post(`/api/v1/plans/${derived.json().id}/publish`, {
      version: derived.json().version,
    });
    expect(published.statusCode, published.body).toBe(200);
    await backdatePlan(db, planId, {
      meetingsDueOn: '2025-11-15',
      baseReportsDueOn: '2025-11-20',
      upwardReportDueOn: '2025-11-30',
    });
    await backdatePlan(db, derived.json().id, {
      meetingsDueOn: '2025-11-12',
      baseReportsDueOn: '2025-11-18',
      upwardReportDueOn: '2025-11-30',
    });
    const viaDerived = await clients.cellB1!.get(
      `/api/v1/plans/${derived.json().id}/organizations/${tree.organizations.cellB1}/report`,
    );
    expect(viaDerived.statusCode, viaDerived.body).toBe(200);
    expect(viaDerived.json()).toMatchObject({ plan: { id: planId }, dueOn: '2025-11-18' });
    expect((await clients.cellA1!.get(reportUrl(tree.organizations.cellA1))).json().dueOn).toBe('2025-11-17');
  });

  it('shows the bloc one late and one missing report, with the counts', async () => {
    const response = await clients.bloc!.get(`/api/v1/plans/${planId}/reports`);
    expect(response.statusCode, response.body).toBe(200);
    const list: ReportList = response.json();
    expect(list.receiver.id).toBe(tree.organizations.bloc);
    const states = Object.fromEntries(list.items.map((item) => [item.organization.id, item.state]));
    expect(states).toEqual({ [tree.organizations.baseA]: 'late', [tree.organizations.baseB]: 'missing' });
    expect(list.counts).toEqual({ on_time: 0, late: 1, missing: 1, not_yet_due: 0 });
    const lower = await clients.baseA!.get(`/api/v1/plans/${planId}/reports`);
    expect(lower.json().receiver.id).toBe(tree.organizations.baseA);
    expect(lower.json().items[0].state).toBe('late');
  });

  it('lets the bloc’s organization board write the upward report to the province', async () => {
    const opened = await clients.board!.get(reportUrl(tree.organizations.bloc));
    const report: ReportDetail = opened.json();
    expect(report.recipient?.id).toBe(tree.organizations.root);
    expect(report.dueOn).toBe('2025-11-30');
    expect(report.permissions.edit).toBe(true);
    expect(report.sumMatches).toBe(true);
    const saved = await clients.board!.put(`/api/v1/reports/${report.id}`, {
      version: report.version,
      narrative,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const notBoard = await clients.baseA!.get(reportUrl(tree.organizations.bloc));
    expect(notBoard.statusCode).toBe(403);
  });

  it('downloads the base report as DOCX, PDF and XLSX, refused to a sibling cell', async () => {
    const { id } = (await clients.baseA!.get(reportUrl(tree.organizations.baseA))).json();
    const docx = await clients.bloc!.get(`/api/v1/reports/${id}/document.docx`);
    expect(docx.statusCode).toBe(200);
    const paragraphs = docxParagraphs(await documentXml(docx.rawPayload));
    for (const line of [
      'BÁO CÁO',
      'Kết quả tự phê bình và phê bình trước quần chúng năm 2025',
      'Chi bộ A1',
      'Trễ hạn',
    ])
      expect(
        paragraphs.some((paragraph) => paragraph.includes(line)),
        line,
      ).toBe(true);
    // Sent up to the bloc's committee, as the tree names it; kept in base A's archive.
    expect(paragraphs).toContain('- Đảng ủy Khối Thử (b/c),');
    expect(paragraphs).toContain('- Lưu Văn phòng Đảng ủy.');
    expect(paragraphs).toContain('ĐẢNG BỘ KHỐI THỬ');
    expect(paragraphs).toContain('ĐẢNG ỦY CƠ SỞ A');
    const pdf = await clients.bloc!.get(`/api/v1/reports/${id}/document.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await pdfLines(pdf.rawPayload)).join('\n')).toContain('BÁO CÁO');
    const xlsx = await clients.baseA!.get(`/api/v1/reports/${id}/figures.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Số liệu', 'Tổ chức trực thuộc']);
    const childRow = workbook.getWorksheet('Tổ chức trực thuộc')!.getRow(2);
    expect(childRow.getCell(1).value).toBe('Chi bộ A1');
    expect(childRow.getCell(4).value).toBe('Trễ hạn');
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeFalsy())),
    );
    const sibling = await clients.cellB1!.get(`/api/v1/reports/${id}/document.docx`);
    expect(sibling.statusCode).toBe(403);
  });

  it('answers 404 for an unknown report and 400 for a malformed narrative', async () => {
    const unknown = await clients.cellA1!.put(`/api/v1/reports/${crypto.randomUUID()}`, {
      version: 1,
      narrative,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('Không tìm thấy báo cáo.');
    const { id, version } = (await clients.cellB1!.get(reportUrl(tree.organizations.cellB1))).json();
    const bad = await clients.cellB1!.put(`/api/v1/reports/${id}`, {
      version,
      narrative: { ...narrative, results: 'a\u0000b' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses empty narrative sections, asks confirmation for what is missing and states it (issue 11)', async () => {
    const report: ReportDetail = (await clients.board!.get(reportUrl(tree.organizations.bloc))).json();
    const empty = await clients.board!.post(`/api/v1/reports/${report.id}/submit`, {
      version: report.version,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.issues).toEqual([
      { path: 'body.narrative.limits', message: 'Mục “Hạn chế” chưa được viết.' },
    ]);
    const written = await clients.board!.put(`/api/v1/reports/${report.id}`, {
      version: report.version,
      narrative: { ...narrative, limits: 'Cơ sở B chưa tổ chức.' },
    });
    const gaps = written.json().gaps;
    expect(gaps).toMatchObject({ childrenMissing: ['Đảng bộ cơ sở B'] });
    const unconfirmed = await clients.board!.post(`/api/v1/reports/${report.id}/submit`, {
      version: written.json().version,
    });
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json().error.message).toContain('chưa có báo cáo của Đảng bộ cơ sở B');
    const confirmed = await clients.board!.post(`/api/v1/reports/${report.id}/submit`, {
      version: written.json().version,
      confirmGaps: true,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().status).toBe('submitted');
    expect(confirmed.json().gaps.text).toContain('chưa có báo cáo của Đảng bộ cơ sở B');
    const docx = await clients.board!.get(`/api/v1/reports/${report.id}/document.docx`);
    const paragraphs = docxParagraphs(await documentXml(docx.rawPayload));
    expect(paragraphs.some((paragraph) => paragraph.includes('chưa có báo cáo của Đảng bộ cơ sở B'))).toBe(
      true,
    );
  });

  it('counts self-criticism only at meetings that were held (issue 11)', async () => {
    const report: ReportDetail = (await clients.cellB1!.get(reportUrl(tree.organizations.cellB1))).json();
    expect(report.figures.workplacesHeld).toBe(0);
    expect(report.figures.membersSelfCriticized).toBe(0);
    expect(report.figures.massesPresent).toBe(0);
  });

  it('lets only the receiving level reopen a submitted report, with a reason kept in its history (issue 11)', async () => {
    const report: ReportDetail = (await clients.bloc!.get(reportUrl(tree.organizations.baseA))).json();
    expect(report.status).toBe('submitted');
    expect(report.permissions.reopen).toBe(true);
    const cellReport: ReportDetail = (await clients.bloc!.get(reportUrl(tree.organizations.cellA1))).json();
    expect(cellReport.permissions.reopen).toBe(false);
    const notReceiver = await clients.bloc!.post(`/api/v1/reports/${cellReport.id}/reopen`, {
      version: cellReport.version,
      reason: 'Thử',
    });
    expect(notReceiver.statusCode).toBe(403);
    expect(notReceiver.json().error.message).toContain('Đảng bộ cơ sở A');
    const noReason = await clients.bloc!.post(`/api/v1/reports/${report.id}/reopen`, {
      version: report.version,
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    const reopened = await clients.bloc!.post(`/api/v1/reports/${report.id}/reopen`, {
      version: report.version,
      reason: 'Số liệu quần chúng dự họp chưa khớp biên bản.',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({
      status: 'draft',
      submittedOn: null,
      reopenings: [{ sequence: 1, reason: 'Số liệu quần chúng dự họp chưa khớp biên bản.' }],
    });
    const rows = (
      (await context.database.db.execute(
        sql`select submission from report_reopenings where report_id = ${report.id}`,
      )) as unknown as { rows: { submission: { timeliness: string; narrative: { limits: string } } }[] }
    ).rows;
    expect(rows[0]!.submission).toMatchObject({ timeliness: 'late', narrative: { limits: 'Chưa đầy đủ.' } });
    const writable: ReportDetail = (await clients.baseA!.get(reportUrl(tree.organizations.baseA))).json();
    expect(writable.permissions).toMatchObject({ edit: true, submit: true });
  });
});
