import { describe, expect, it } from 'vitest';
import { renderDocx } from './docx.js';
import { seedSelfCriticismInput } from './fixtures.js';
import { renderPdf } from './pdf.js';
import { documentXml, docxParagraphs, docxRunsContaining, pdfLines } from './read-exports.js';
import { buildSelfCriticismDocument, type SelfCriticismDocumentInput } from './self-criticism-document.js';
import { SELF_CRITICISM_HEADINGS, type SelfCriticismTemplateId } from './self-criticism-template.js';

const stripEmphasis = (text: string) => text.replace(/\*(.+?)\*/g, '$1');

/** The seed's headings of each template, in its order (seed lines 110–341). */
const SEED_HEADINGS: Record<SelfCriticismTemplateId, string[]> = {
  with_office: [
    'I- VỀ ƯU ĐIỂM',
    '1. Tư tưởng chính trị',
    '2. Phẩm chất, đạo đức, lối sống',
    '3. Thực hiện chức trách, nhiệm vụ được giao',
    '4. Ý thức tổ chức, kỷ luật',
    '5. Việc khắc phục những khuyết điểm, hạn chế đã được góp ý năm trước và việc thực hiện những vấn đề đã hứa với quần chúng cơ quan, đơn vị, doanh nghiệp (nếu có).',
    'II- VỀ KHUYẾT ĐIỂM, HẠN CHẾ',
    'III- PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC (nêu phương hướng, biện pháp chính)',
  ],
  without_office: [
    'I- VỀ ƯU ĐIỂM',
    '1. Tư tưởng chính trị',
    '2. Phẩm chất đạo đức, lối sống',
    '3. Thực hiện nhiệm vụ được giao:',
    '4. Ý thức tổ chức, kỷ luật',
    '5. Việc khắc phục những khuyết điểm, hạn chế đã được góp ý năm trước và việc thực hiện những vấn đề đã hứa với quần chúng cơ quan, đơn vị (nếu có).',
    'II- VỀ KHUYẾT ĐIỂM, HẠN CHẾ',
    'III- PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC (nêu phương hướng, biện pháp chính)',
  ],
};

const IDENTITY_LABELS: Record<SelfCriticismTemplateId, string[]> = {
  with_office: [
    'Họ và tên:',
    'Chức vụ Đảng:',
    'Chức vụ chính quyền:',
    'Đơn vị công tác:',
    'Sinh hoạt tại chi bộ:',
  ],
  without_office: ['Họ và tên:', 'Đơn vị công tác:', 'Sinh hoạt tại chi bộ:', 'Nhiệm vụ được phân công:'],
};

const NOTES: Record<SelfCriticismTemplateId, string> = {
  with_office: '(Đối với đảng viên có chức vụ)',
  without_office: '(dùng cho đảng viên không có chức vụ)',
};

async function exportDocx(input: SelfCriticismDocumentInput) {
  const xml = await documentXml(await renderDocx(buildSelfCriticismDocument(input)));
  return { xml, paragraphs: docxParagraphs(xml) };
}

async function exportPdfText(input: SelfCriticismDocumentInput) {
  const lines = (await pdfLines(await renderPdf(buildSelfCriticismDocument(input)))).map((line) =>
    line.replace(/\s+/g, ' ').trim(),
  );
  return { lines, text: lines.join(' ') };
}

const firstIndex = (paragraphs: string[], prefix: string) =>
  paragraphs.findIndex((paragraph) => paragraph.startsWith(prefix));

describe.each(['with_office', 'without_office'] as const)('the %s self-criticism as DOCX', (template) => {
  it("keeps the seed's headings in the seed's order, in bold, blank or filled", async () => {
    for (const filled of [false, true]) {
      const { xml, paragraphs } = await exportDocx(seedSelfCriticismInput(template, filled));
      const order = SEED_HEADINGS[template].map((heading) => paragraphs.indexOf(heading));
      expect(order.every((index) => index > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(docxRunsContaining(xml, 'I- VỀ ƯU ĐIỂM')[0]).toContain('<w:b/>');
    }
  });

  it('opens with the single-writer header: the party name and the italic place and date on the right', async () => {
    const { xml } = await exportDocx(seedSelfCriticismInput(template, true));
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)?.[0] ?? '';
    const cells = [...table.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) =>
      docxParagraphs(cell).join('|'),
    );
    const left = template === 'without_office' ? 'ĐẢNG BỘ SỞ TƯ PHÁP|CHI BỘ VĂN PHÒNG SỞ' : '';
    expect(cells).toEqual([left, 'ĐẢNG CỘNG SẢN VIỆT NAM||Trà Vinh, ngày 05 tháng 11 năm 2020']);
    expect(docxRunsContaining(table, 'Trà Vinh, ngày 05')[0]).toContain('<w:i/>');
    expect(table).not.toContain('Số ');
  });

  it('titles the form BẢN TỰ PHÊ BÌNH with the subject and the italic note of its template', async () => {
    const { xml, paragraphs } = await exportDocx(seedSelfCriticismInput(template, false));
    const kind = paragraphs.indexOf('BẢN TỰ PHÊ BÌNH');
    expect(kind).toBeGreaterThan(0);
    expect(paragraphs[kind + 1]).toBe('trước quần chúng cơ quan, đơn vị, doanh nghiệp năm 2020');
    expect(paragraphs[kind + 2]).toBe(NOTES[template]);
    expect(docxRunsContaining(xml, NOTES[template])[0]).toContain('<w:i/>');
  });

  it('leaves the blank form to be written by hand: dotted leaders, the seed guidance, a dotted date', async () => {
    const { xml, paragraphs } = await exportDocx(seedSelfCriticismInput(template, false));
    expect(paragraphs).toContain('Trà Vinh, ngày ..... tháng ..... năm 2020');
    const labels = IDENTITY_LABELS[template].map((label) => firstIndex(paragraphs, label));
    expect(labels.every((index) => index > 0)).toBe(true);
    expect([...labels].sort((a, b) => a - b)).toEqual(labels);
    expect(xml).toMatch(/<w:tab w:val="right" w:pos="\d+" w:leader="dot"\/>/);
    expect(xml.match(/w:leader="dot"/g)?.length ?? 0).toBeGreaterThan(20);
    expect(paragraphs).toContain('- Kết quả, mức độ hoàn thành nhiệm vụ được giao.');
    expect(paragraphs.some((paragraph) => paragraph.includes('chuyên đề'))).toBe(true);
  });

  it('prints the member’s entered text verbatim in NFC instead of the guidance', async () => {
    const input = seedSelfCriticismInput(template, true);
    const decomposed = 'Thẳng thắn góp ý trong sinh hoạt chi bộ'.normalize('NFD');
    input.content.remedies = `- ${decomposed}.`;
    const { paragraphs } = await exportDocx(input);
    expect(paragraphs).toContain(`- ${decomposed.normalize('NFC')}.`);
    expect(paragraphs).toContain('- Có lúc chưa mạnh dạn góp ý đồng nghiệp trong sinh hoạt.');
    expect(paragraphs).not.toContain('- Kết quả, mức độ hoàn thành nhiệm vụ được giao.');
    expect(firstIndex(paragraphs, 'Họ và tên: ')).toBeGreaterThan(0);
    expect(paragraphs.some((paragraph) => paragraph.includes('không có biểu hiện nào'))).toBe(true);
    const remedying = paragraphs.indexOf(SEED_HEADINGS[template][5] ?? '');
    expect(paragraphs.indexOf('- Chậm nộp báo cáo định kỳ')).toBeGreaterThan(remedying);
  });

  it('closes with NGƯỜI TỰ PHÊ, and NHẬN XÉT CỦA CẤP ỦY on the left only for a member with office', async () => {
    const input = seedSelfCriticismInput(template, true);
    const { paragraphs } = await exportDocx(input);
    expect(paragraphs).toContain(SELF_CRITICISM_HEADINGS.signer);
    expect(paragraphs.at(-1)).toBe(input.signerName);
    expect(paragraphs).not.toContain('Nơi nhận:');
    const note = paragraphs.indexOf(SELF_CRITICISM_HEADINGS.committeeComment);
    if (template === 'with_office') {
      expect(note).toBeGreaterThan(0);
      expect(note).toBeLessThan(paragraphs.indexOf(SELF_CRITICISM_HEADINGS.signer));
      expect(paragraphs).toContain(input.committeeComment);
    } else {
      expect(note).toBe(-1);
    }
  });
});

describe.each(['with_office', 'without_office'] as const)('the %s self-criticism as PDF', (template) => {
  it('shows the header, the headings in order and the signature with their Vietnamese marks', async () => {
    for (const filled of [false, true]) {
      const { lines, text } = await exportPdfText(seedSelfCriticismInput(template, filled));
      expect(lines).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(lines).toContain('BẢN TỰ PHÊ BÌNH');
      expect(text).toContain(NOTES[template]);
      expect(text).toContain(SELF_CRITICISM_HEADINGS.signer);
      expect(text.includes(SELF_CRITICISM_HEADINGS.committeeComment)).toBe(template === 'with_office');
      const order = SEED_HEADINGS[template].map((heading) => text.indexOf(stripEmphasis(heading)));
      expect(order.every((index) => index >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(text).toBe(text.normalize('NFC'));
    }
  });

  it('prints the entered text and the dates of a filled report', async () => {
    const input = seedSelfCriticismInput(template, true);
    const { text } = await exportPdfText(input);
    expect(text).toContain('Trà Vinh, ngày 05 tháng 11 năm 2020');
    expect(text).toContain(`Họ và tên: ${input.fullName}`);
    expect(text).toContain('Dành ít nhất 02 giờ mỗi tuần nghiên cứu văn bản mới của ngành.');
  });
});
