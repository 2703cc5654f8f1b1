import pdfMake from 'pdfmake';
import { beforeAll, describe, expect, it } from 'vitest';
import { everyDocument, seedPlanInput } from './fixtures.js';
import { renderPdf } from './pdf.js';
import { loadFonts, PDF_FONT } from './pdf-fonts.js';
import { buildPlanDocument, PLAN_HEADINGS } from './plan-document.js';
import { pdfLines } from './read-exports.js';

describe('the plan as PDF', () => {
  let pdf: Buffer;
  let lines: string[];
  let text: string;
  beforeAll(async () => {
    pdf = await renderPdf(buildPlanDocument(seedPlanInput()));
    lines = (await pdfLines(pdf)).map((line) => line.replace(/\s+/g, ' ').trim());
    text = lines.join(' ');
  });

  it('is an A4 page', () => {
    const boxes = pdf.toString('latin1').match(/\/MediaBox \[[^\]]*\]/g) ?? [];
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toBe('/MediaBox [0 0 595.28 841.89]');
  });

  it('embeds Liberation Serif, so it reads the same on every machine', () => {
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSerif\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSerif-Bold\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSerif-Italic\b/);
  });

  it('shows the header, the title and the signature with their Vietnamese marks intact', () => {
    const header = lines.slice(0, 6).join(' | ');
    expect(header).toBe(
      'ĐẢNG BỘ TỈNH TRÀ VINH | ĐẢNG ỦY KHỐI CÁC CƠ QUAN | VÀ DOANH NGHIỆP | * | ĐẢNG CỘNG SẢN VIỆT NAM | Số 03-KH/ĐUK Trà Vinh, ngày 21 tháng 10 năm 2020',
    );
    expect(text).toContain('ĐẢNG ỦY KHỐI');
    expect(lines).toContain('KẾ HOẠCH');
    expect(lines).toContain('T/M BAN THƯỜNG VỤ');
    expect(lines).toContain('BÍ THƯ');
    expect(lines).toContain('Nguyễn Văn Tám');
    expect(lines).toContain('Nơi nhận:');
    expect(lines).toContain('- Lưu Văn phòng Đảng ủy.');
    expect(text).toContain('tự phê bình');
    expect(text).toBe(text.normalize('NFC'));
  });

  it("has the seed's headings in the seed's order", () => {
    const order = Object.values(PLAN_HEADINGS)
      .filter((heading) => heading !== PLAN_HEADINGS.manifestations)
      .map((heading) => text.indexOf(heading));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('writes the deadlines as dd/mm/yyyy', () => {
    for (const date of ['15/11/2020', '20/11/2020', '30/11/2020']) expect(text).toContain(date);
  });
});

describe('a plan PDF with manifestations', () => {
  it('adds the numbered list after the signature', async () => {
    const pdf = await renderPdf(
      buildPlanDocument({ ...seedPlanInput(), manifestations: ['Phai nhạt lý tưởng cách mạng.'] }),
    );
    const text = (await pdfLines(pdf)).join(' ');
    expect(text.indexOf(PLAN_HEADINGS.manifestations)).toBeGreaterThan(text.indexOf('Nguyễn Văn Tám'));
    expect(text).toContain('1. Phai nhạt lý tưởng cách mạng.');
  });
});

describe('PDFs rendered one after another in a process', () => {
  it('are the same file as the first, and keep every Vietnamese letter in their text layer', async () => {
    const plan = buildPlanDocument(seedPlanInput());
    const first = await renderPdf(plan);
    // Documents in between, each subsetting the fonts the later ones share.
    for (const document of everyDocument()) await renderPdf(document.document);
    const again = await renderPdf(plan);
    // The creation date, and the file id made from it, are the only parts that may differ.
    const withoutDate = (pdf: Buffer) =>
      pdf
        .toString('latin1')
        .replace(/\(D:\d{14}Z\)/, '')
        .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, '');
    expect(withoutDate(again)).toBe(withoutDate(first));
    const lines = (await pdfLines(again)).map((line) => line.replace(/\s+/g, ' ').trim());
    expect(lines).toContain('ĐẢNG ỦY KHỐI CÁC CƠ QUAN');
    expect(lines).toContain('VÀ DOANH NGHIỆP');
  });

  it('keep a letter in the text layer that an earlier document only used as part of another', async () => {
    loadFonts();
    const render = (text: string) =>
      pdfMake
        .createPdf({ content: [{ text, bold: true, italics: true }], defaultStyle: { font: PDF_FONT } })
        .getBuffer();
    // Ậ and Ợ are drawn from the glyphs of A and Ơ: subsetting them reaches those by id alone.
    await render('Ậ Ợ');
    expect((await pdfLines(await render('CƠ QUAN'))).join(' ')).toBe('CƠ QUAN');
  });
});
