import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentXml, docxParagraphs, pdfLines } from '../../documents/read-exports.js';
import { vietnamToday } from '../../domain/progress.js';
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

const CONTENT = {
  politicalIdeology: 'Luôn chấp hành nghiêm đường lối, chủ trương của Đảng.',
  ethicsLifestyle: 'Giữ gìn phẩm chất đạo đức, lối sống giản dị.',
  duties: 'Hoàn thành tốt nhiệm vụ được giao.',
  discipline: 'Chấp hành nội quy cơ quan.',
  remedying: 'Đã giải quyết dứt điểm hồ sơ tồn đọng.',
  shortcomings: 'Có lúc giải quyết hồ sơ còn chậm.',
  remedies: 'Sắp xếp thời gian hợp lý hơn.',
};

const HEADINGS_IN_ORDER = [
  'I- VỀ ƯU ĐIỂM',
  '1. Tư tưởng chính trị',
  '2. Phẩm chất, đạo đức, lối sống',
  '3. Thực hiện chức trách, nhiệm vụ được giao',
  '4. Ý thức tổ chức, kỷ luật',
  '5. Việc khắc phục những khuyết điểm',
  'II- VỀ KHUYẾT ĐIỂM, HẠN CHẾ',
  'III- PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC',
];

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const docxText = async (payload: Buffer) => docxParagraphs(await documentXml(payload));

/** Issue 4, documents: each report, the blank forms, the summary list and a workplace's zip. */
describe('self-criticism documents', () => {
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
  const addMember = (username: string, fields: object) =>
    addMemberWithAccount(
      context,
      tree.admin,
      { username, workplaceId: tree.workplaces.wpA1, cellId: tree.organizations.cellA1 },
      fields,
    );
  const workplaceUrl = (path: string) => `/api/v1/plans/${planId}/workplaces/${tree.workplaces.wpA1}/${path}`;
  const reportCounts = async (client: TestClient) => {
    const rows = (await client.get(`/api/v1/plans/${planId}/workplaces`)).json();
    return rows.items.find((row: { workplaceId: string }) => row.workplaceId === tree.workplaces.wpA1)
      .reports;
  };

  beforeAll(async () => {
    context = await createTestContext();
    tree = await seedScopeTree(context, [
      { role: 'committee', at: 'bloc' },
      { role: 'committee', at: 'cellA1' },
      { role: 'committee', at: 'cellB1' },
      { role: 'organization-board', at: 'bloc' },
    ]);
    for (let index = 0; index < 5; index++)
      await addPerson(tree.workplaces.wpA1, { fullName: `Quần chúng A${index}`, isPartyMember: false });
    officer = await addMember('dangvien.cochucvu', {
      fullName: 'Nguyễn Văn Tám',
      birthDate: '1975-03-02',
      partyOffice: 'Bí thư chi bộ',
      governmentOffice: 'Giám đốc Sở',
    });
    clerk = await addMember('dangvien.khongchucvu', { fullName: 'Trần Thị Chín', assignedDuty: 'Kế toán' });
    cellA1 = await TestClient.signIn(context.app, accountName('committee', 'cellA1'));
    cellB1 = await TestClient.signIn(context.app, accountName('committee', 'cellB1'));
    board = await TestClient.signIn(context.app, accountName('organization-board', 'bloc'));
    const bloc = await TestClient.signIn(context.app, accountName('committee', 'bloc'));
    planId = await publishPlanFromTemplate(bloc, tree.organizations.bloc, {
      place: 'Trà Vinh',
      manifestationsText: '1. Biểu hiện một\n2. Nói không đi đôi với làm\n3. Biểu hiện ba',
    });
    officerReport = (await officer.get('/api/v1/self-criticisms/mine')).json().items[0].id;
    clerkReport = (await clerk.get('/api/v1/self-criticisms/mine')).json().items[0].id;
  });
  afterAll(() => context?.close());

  it('counts the reports of each workplace by status, and the counts follow a submit', async () => {
    expect(await reportCounts(cellA1)).toEqual({
      total: 2,
      draft: 2,
      submitted: 0,
      returned: 0,
      accepted: 0,
    });
    const saved = await officer.patch(`/api/v1/self-criticisms/${officerReport}`, {
      version: 1,
      content: CONTENT,
      manifestationAnswer: { none: false, items: [{ number: 2, remark: 'Đôi lúc hứa chưa làm ngay.' }] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await officer.post(`/api/v1/self-criticisms/${officerReport}/submit`, { version: 2 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(await reportCounts(board)).toEqual({ total: 2, draft: 1, submitted: 1, returned: 0, accepted: 0 });
  });

  it("downloads the member's report as DOCX: header fields, the seed's headings in order, the text as entered", async () => {
    const response = await officer.get(`/api/v1/self-criticisms/${officerReport}/document.docx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe(DOCX);
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Bản tự phê bình - Nguyễn Văn Tám.docx')}`,
    );
    const paragraphs = await docxText(response.rawPayload);
    const text = paragraphs.join('\n');
    for (const expected of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'BẢN TỰ PHÊ BÌNH',
      'năm 2026',
      'Họ và tên: Nguyễn Văn Tám, sinh ngày: 02/03/1975',
      'Chức vụ Đảng: Bí thư chi bộ',
      'Chức vụ chính quyền: Giám đốc Sở',
      'Đơn vị công tác: Sở Thử A1',
      'Sinh hoạt tại chi bộ: A1',
      'Nói không đi đôi với làm Đôi lúc hứa chưa làm ngay.',
      'NHẬN XÉT CỦA CẤP ỦY',
      'NGƯỜI TỰ PHÊ',
      ...Object.values(CONTENT),
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Trà Vinh, ngày \d\d tháng \d+ năm 2026/);
    const positions = HEADINGS_IN_ORDER.map((heading) =>
      paragraphs.findIndex((paragraph) => paragraph.startsWith(heading)),
    );
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('downloads the report as PDF with the name in full diacritics', async () => {
    const response = await cellA1.get(`/api/v1/self-criticisms/${officerReport}/document.pdf`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = (await pdfLines(response.rawPayload)).join('\n');
    for (const expected of ['BẢN TỰ PHÊ BÌNH', 'Nguyễn Văn Tám', 'Giám đốc Sở']) {
      expect(text).toContain(expected);
    }
  });

  it('prints the party organization and the cell on the form without office', async () => {
    const response = await clerk.get(`/api/v1/self-criticisms/${clerkReport}/document.docx`);
    expect(response.statusCode, response.body).toBe(200);
    const text = (await docxText(response.rawPayload)).join('\n');
    for (const expected of ['ĐẢNG BỘ CƠ SỞ A', 'CHI BỘ A1', 'Nhiệm vụ được phân công: Kế toán']) {
      expect(text).toContain(expected);
    }
  });

  it('hands a report to its member and cell committee only: another member, a sibling cell, status readers get 403', async () => {
    expect((await clerk.get(`/api/v1/self-criticisms/${officerReport}/document.docx`)).statusCode).toBe(403);
    expect((await cellB1.get(`/api/v1/self-criticisms/${officerReport}/document.pdf`)).statusCode).toBe(403);
    expect((await board.get(`/api/v1/self-criticisms/${officerReport}/document.docx`)).statusCode).toBe(403);
    expect(
      (await officer.get(`/api/v1/self-criticisms/${crypto.randomUUID()}/document.docx`)).statusCode,
    ).toBe(404);
  });

  it("lists the workplace's members with the committee's summaries, signed by the cell's secretary", async () => {
    const summary = await cellA1.put(`/api/v1/self-criticisms/${officerReport}/summary`, {
      version: 3,
      duties: 'Bí thư chi bộ, Giám đốc Sở',
      strengths: 'Nghiêm túc, gương mẫu.',
      shortcomings: 'Giải quyết hồ sơ còn trễ.',
    });
    expect(summary.statusCode, summary.body).toBe(200);
    const response = await cellA1.get(workplaceUrl('summary-list.docx'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe(DOCX);
    expect(response.headers['content-disposition']).toContain(
      encodeURIComponent('Danh sách tóm tắt - Sở Thử A1.docx'),
    );
    const paragraphs = await docxText(response.rawPayload);
    const text = paragraphs.join('\n');
    expect(paragraphs.slice(paragraphs.lastIndexOf('BÍ THƯ'))).toContain('Nguyễn Văn Tám');
    for (const expected of [
      'DANH SÁCH',
      'Nguyễn Văn Tám',
      'Trần Thị Chín',
      'Kế toán',
      'Nghiêm túc, gương mẫu.',
      'Giải quyết hồ sơ còn trễ.',
      'T/M CHI ỦY',
      'BÍ THƯ',
    ]) {
      expect(text).toContain(expected);
    }
    const pdf = await cellA1.get(workplaceUrl('summary-list.pdf'));
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await pdfLines(pdf.rawPayload)).join('\n')).toContain('Trần Thị Chín');
  });

  it("zips the workplace's reports, one DOCX per member, with the summary list", async () => {
    const response = await cellA1.get(workplaceUrl('self-criticisms.zip'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(response.rawPayload);
    expect(Object.keys(zip.files).sort()).toEqual([
      'Bản tự phê bình - Nguyễn Văn Tám.docx',
      'Bản tự phê bình - Trần Thị Chín.docx',
      'Danh sách tóm tắt - Sở Thử A1.docx',
    ]);
    const clerkFile = await zip.file('Bản tự phê bình - Trần Thị Chín.docx')!.async('nodebuffer');
    expect((await docxText(clerkFile)).join('\n')).toContain('Nhiệm vụ được phân công: Kế toán');
  });

  it('keeps the workplace downloads to its committees', async () => {
    expect((await clerk.get(workplaceUrl('self-criticisms.zip'))).statusCode).toBe(403);
    expect((await cellB1.get(workplaceUrl('self-criticisms.zip'))).statusCode).toBe(403);
    expect((await board.get(workplaceUrl('summary-list.docx'))).statusCode).toBe(403);
    const unknown = `/api/v1/plans/${planId}/workplaces/${crypto.randomUUID()}/summary-list.pdf`;
    expect((await cellA1.get(unknown)).statusCode).toBe(404);
  });

  it("prints the blank forms, with the plan's year when given one", async () => {
    const generic = await clerk.get('/api/v1/self-criticism-templates/without_office/document.docx');
    expect(generic.statusCode, generic.body).toBe(200);
    expect(generic.headers['content-disposition']).toContain(
      'filename="mau-ban-tu-phe-binh-khong-co-chuc-vu.docx"',
    );
    const genericText = (await docxText(generic.rawPayload)).join('\n');
    expect(genericText).toContain(`năm ${vietnamToday(new Date()).slice(0, 4)}`);
    expect(genericText).toContain('Nhiệm vụ được phân công:');

    const forPlan = await clerk.get(
      `/api/v1/self-criticism-templates/with_office/document.pdf?planId=${planId}`,
    );
    expect(forPlan.statusCode, forPlan.body).toBe(200);
    const planText = (await pdfLines(forPlan.rawPayload)).join('\n');
    expect(planText).toContain('năm 2026');
    expect(planText).toContain('NHẬN XÉT CỦA CẤP ỦY');
    expect(
      (
        await clerk.get(
          `/api/v1/self-criticism-templates/with_office/document.docx?planId=${crypto.randomUUID()}`,
        )
      ).statusCode,
    ).toBe(404);
  });
});
