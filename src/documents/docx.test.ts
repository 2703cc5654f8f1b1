import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from './docx.js';
import { seedPlanInput } from './fixtures.js';
import { buildPlanDocument, PLAN_HEADINGS, type PlanDocumentInput } from './plan-document.js';
import { documentXml, docxParagraphs, docxRunsContaining } from './read-exports.js';

const stripEmphasis = (line: string) => line.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\*(.+?)\*/g, '$1');
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

async function exportPlan(input: PlanDocumentInput) {
  const xml = await documentXml(await renderDocx(buildPlanDocument(input)));
  return { xml, paragraphs: docxParagraphs(xml) };
}

describe('the plan as DOCX', () => {
  const input = seedPlanInput();
  let xml: string;
  let paragraphs: string[];
  beforeAll(async () => {
    ({ xml, paragraphs } = await exportPlan(input));
  });

  it('lays out an A4 page with margins 20 mm top and bottom, 30 mm left, 15 mm right', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(xml)?.[1] ?? '';
    expect(margins).toContain('w:top="1134"');
    expect(margins).toContain('w:bottom="1134"');
    expect(margins).toContain('w:left="1701"');
    expect(margins).toContain('w:right="850"');
  });

  it('names Times New Roman at 14 pt for the body', () => {
    const run = docxRunsContaining(xml, 'Cấp ủy viên, đảng viên công tác')[0];
    expect(run).toContain(
      '<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/>',
    );
    expect(run).toContain('<w:sz w:val="28"/>');
  });

  it('opens with the header table: issuer and number on the left, party name and italic date on the right', () => {
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)?.[0] ?? '';
    const cells = [...table.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) =>
      docxParagraphs(cell).join('|'),
    );
    expect(cells).toEqual([
      'ĐẢNG BỘ TỈNH TRÀ VINH|ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP|*',
      'ĐẢNG CỘNG SẢN VIỆT NAM|',
      'Số 03-KH/ĐUK',
      'Trà Vinh, ngày 21 tháng 10 năm 2020',
    ]);
    expect(docxRunsContaining(table, 'ĐẢNG CỘNG SẢN VIỆT NAM')[0]).toMatch(
      /<w:b\/>[\s\S]*<w:sz w:val="30"\/>/,
    );
    expect(docxRunsContaining(table, 'ĐẢNG ỦY KHỐI')[0]).toContain('<w:b/>');
    expect(docxRunsContaining(table, 'Trà Vinh, ngày 21')[0]).toContain('<w:i/>');
    expect(xml.indexOf('<w:tbl>')).toBeLessThan(xml.indexOf('KẾ HOẠCH'));
  });

  it('titles the plan KẾ HOẠCH in 16 pt bold, centred, with its subject in bold under it', () => {
    const kind = paragraphs.indexOf('KẾ HOẠCH');
    expect(kind).toBeGreaterThan(0);
    expect(paragraphs[kind + 1]).toBe(input.title);
    const run = docxRunsContaining(xml, '>KẾ HOẠCH<')[0] ?? '';
    expect(run).toContain('<w:b/>');
    expect(run).toContain('<w:sz w:val="32"/>');
    expect(docxRunsContaining(xml, 'thực hiện đưa cấp ủy viên')[0]).toContain('<w:b/>');
  });

  it("puts the seed's headings in the seed's order, in bold", () => {
    const order = Object.values(PLAN_HEADINGS)
      .filter((heading) => heading !== PLAN_HEADINGS.manifestations)
      .map((heading) => paragraphs.indexOf(heading));
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(docxRunsContaining(xml, PLAN_HEADINGS.purposes)[0]).toContain('<w:b/>');
  });

  it('justifies the body with a first-line indent of 1 cm and 6 pt after each paragraph', () => {
    const paragraph = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)]
      .map(([p]) => p)
      .find((p) => docxParagraphs(p)[0]?.includes('Thực hiện Quy định số 3054-QĐ/TU'));
    expect(paragraph).toContain('<w:jc w:val="both"/>');
    expect(paragraph).toContain('w:firstLine="567"');
    expect(paragraph).toMatch(/<w:spacing w:after="120"/);
  });

  it('keeps every paragraph entered exactly as typed, in NFC', () => {
    const fields = [
      input.preamble,
      input.purposes,
      input.subjects,
      input.participants,
      input.annualTheme,
      input.methods,
    ].flatMap(lines);
    for (const line of fields) expect(paragraphs).toContain(stripEmphasis(line));
    for (const area of input.contentAreas) expect(paragraphs).toContain(`- ${area}`);
    expect(paragraphs).toContain(`- Thời gian: ${input.timeRules}`);
    expect(paragraphs).toContain(`- Địa điểm: ${input.placeRules}`);
    for (const text of paragraphs) expect(text).toBe(text.normalize('NFC'));
  });

  it('writes the deadlines as dd/mm/yyyy in bold where the implementation names them', () => {
    expect(paragraphs.some((p) => p.includes('đến hết ngày 15/11/2020, cấp ủy cơ sở báo cáo'))).toBe(true);
    expect(paragraphs.some((p) => p.includes('chậm nhất ngày 30/11/2020.'))).toBe(true);
    for (const date of ['15/11/2020', '20/11/2020', '30/11/2020']) {
      expect(docxRunsContaining(xml, `>${date}<`)[0]).toContain('<w:b/>');
    }
  });

  it('ends with Nơi nhận on the left and the signature block on the right', () => {
    const closing = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)][1]?.[0] ?? '';
    const [recipients, signing] = [...closing.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) =>
      docxParagraphs(cell),
    );
    expect(recipients).toEqual([
      'Nơi nhận:',
      '- Ban Tổ chức Tỉnh ủy (b/c),',
      '- Các đồng chí UVBCH Đảng bộ Khối,',
      '- Các chi bộ, đảng bộ cơ sở,',
      '- Ban Tổ chức Đảng ủy,',
      '- Lưu Văn phòng Đảng ủy.',
    ]);
    expect(docxRunsContaining(closing, 'Nơi nhận:')[0]).toContain('<w:u w:val="single"/>');
    expect(docxRunsContaining(closing, 'Lưu Văn phòng')[0]).toContain('<w:sz w:val="24"/>');
    expect(signing?.filter(Boolean)).toEqual(['T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'Nguyễn Văn Tám']);
    expect(docxRunsContaining(closing, 'Nguyễn Văn Tám')[0]).toContain('<w:b/>');
  });

  it('has no appendix when the plan lists no manifestations', () => {
    expect(paragraphs).not.toContain(PLAN_HEADINGS.manifestations);
  });
});

describe('a plan with manifestations, without a date, typed in NFD', () => {
  it('lists the numbered manifestations on a page of their own', async () => {
    const { xml, paragraphs } = await exportPlan({
      ...seedPlanInput(),
      manifestations: ['Phai nhạt lý tưởng cách mạng.', 'Lười học tập lý luận chính trị.'],
    });
    const title = paragraphs.indexOf(PLAN_HEADINGS.manifestations);
    expect(title).toBeGreaterThan(paragraphs.indexOf('Nguyễn Văn Tám'));
    expect(paragraphs.slice(title + 1)).toEqual([
      '(Kèm theo Kế hoạch số 03-KH/ĐUK, ngày 21/10/2020)',
      '',
      '1. Phai nhạt lý tưởng cách mạng.',
      '2. Lười học tập lý luận chính trị.',
    ]);
    expect(xml).toContain('<w:pageBreakBefore/>');
  });

  it('leaves the date, the number and the deadlines to be filled by hand', async () => {
    const { paragraphs } = await exportPlan({
      ...seedPlanInput(),
      number: '',
      issuedOn: null,
      meetingsDueOn: null,
      implementation: 'Các chi bộ triển khai thực hiện.',
    });
    expect(paragraphs).toContain('Số ....-KH/ĐUK');
    expect(paragraphs).toContain('Trà Vinh, ngày ..... tháng ..... năm ........');
    expect(paragraphs).toContain(
      'Thời gian hoàn thành việc tự phê bình và phê bình đến hết ngày ..../..../........; cấp ủy cơ sở báo cáo chậm nhất đến hết ngày 20/11/2020; báo cáo về trên chậm nhất ngày 30/11/2020.',
    );
  });

  it('writes the organization lines, the capacity and the title in upper case as DOCUMENTS.md asks', async () => {
    const { paragraphs } = await exportPlan({
      ...seedPlanInput(),
      superiorName: 'Đảng bộ tỉnh Trà Vinh',
      issuerName: 'Đảng ủy Khối các cơ quan và doanh nghiệp',
      signingCapacity: 'T/M Ban Thường vụ',
      signerTitle: 'Phó Bí thư',
    });
    expect(paragraphs.slice(0, 2)).toEqual([
      'ĐẢNG BỘ TỈNH TRÀ VINH',
      'ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP',
    ]);
    expect(paragraphs).toContain('T/M BAN THƯỜNG VỤ');
    expect(paragraphs).toContain('PHÓ BÍ THƯ');
  });

  it('writes NFD input as NFC', async () => {
    const nfd = 'Nguyễn Văn Tám'.normalize('NFD');
    const { xml } = await exportPlan({ ...seedPlanInput(), signerName: nfd });
    expect(xml).toContain('Nguyễn Văn Tám'.normalize('NFC'));
    expect(xml).not.toContain(nfd);
  });
});
