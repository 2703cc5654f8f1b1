import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentXml, docxParagraphs, pdfLines } from '../../documents/read-exports.js';
import {
  accountName,
  createTestContext,
  seedScopeTree,
  TestClient,
  type TestContext,
} from '../test-support.js';

/** Issue 3: the plan downloads as DOCX and PDF holding exactly what was entered. */
describe('plan documents', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let bloc: TestClient;
  let planId: string;
  const title = 'thực hiện đưa cấp ủy viên, đảng viên ra tự phê bình và phê bình trước quần chúng';
  // Entered decomposed (NFD): the files must hold the composed form.
  const signerName = 'Nguyễn Văn Tám'.normalize('NFD');

  beforeAll(async () => {
    // Written on 21/10/2026: the template proposes the seed's 15/11, 20/11 and 30/11 (issue 11).
    context = await createTestContext({ clock: () => new Date('2026-10-21T03:00:00Z') });
    tree = await seedScopeTree(context, [
      { role: 'committee', at: 'bloc' },
      { role: 'committee', at: 'baseB' },
    ]);
    bloc = await TestClient.signIn(context.app, accountName('committee', 'bloc'));
    const organization = (await tree.admin.get(`/api/v1/organizations/${tree.organizations.bloc}`)).json();
    await tree.admin.patch(`/api/v1/organizations/${tree.organizations.bloc}`, {
      version: organization.version,
      shortName: 'ĐUK',
      headerSuperior: 'ĐẢNG BỘ TỈNH THỬ',
      headerIssuer: 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP',
    });
    const template = await bloc.get(
      `/api/v1/plans/template?organizationId=${tree.organizations.bloc}&year=2026`,
    );
    const created = await bloc.post('/api/v1/plans', {
      ...(template.json() as object),
      number: '03',
      place: 'Trà Vinh',
      issuedOn: '2026-10-21',
      title,
      signerTitle: 'BÍ THƯ',
      signerName,
      manifestationsText: '1. Phai nhạt lý tưởng cách mạng\n2. Nói không đi đôi với làm',
    });
    expect(created.statusCode, created.body).toBe(201);
    planId = created.json().id;
  });
  afterAll(() => context?.close());

  it('downloads as DOCX with the party header, number, title, body and signature as entered', async () => {
    const response = await bloc.get(`/api/v1/plans/${planId}/document.docx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.headers['content-disposition']).toContain(
      "filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%2003-KH-%C4%90UK.docx",
    );
    const text = docxParagraphs(await documentXml(response.rawPayload)).join('\n');
    for (const expected of [
      'ĐẢNG BỘ TỈNH THỬ',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số 03-KH/ĐUK',
      'Trà Vinh, ngày 21 tháng 10 năm 2026',
      'KẾ HOẠCH',
      title,
      'T/M BAN THƯỜNG VỤ',
      'Nguyễn Văn Tám',
      'Nói không đi đôi với làm',
      '15/11/2026',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toBe(text.normalize('NFC'));
  });

  it('downloads as PDF with the same text, diacritics intact', async () => {
    const response = await bloc.get(`/api/v1/plans/${planId}/document.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = (await pdfLines(response.rawPayload)).join('\n');
    for (const expected of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 03-KH/ĐUK', 'KẾ HOẠCH', 'Nguyễn Văn Tám']) {
      expect(text).toContain(expected);
    }
  });

  it('is not handed to a committee outside the issuer while a draft, nor for an unknown plan', async () => {
    const sibling = await TestClient.signIn(context.app, accountName('committee', 'baseB'));
    expect((await sibling.get(`/api/v1/plans/${planId}/document.pdf`)).statusCode).toBe(403);
    expect((await bloc.get(`/api/v1/plans/${crypto.randomUUID()}/document.docx`)).statusCode).toBe(404);
  });
});
