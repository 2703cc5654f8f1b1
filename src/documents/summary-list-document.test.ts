import { describe, expect, it } from 'vitest';
import { renderDocx } from './docx.js';
import { seedSummaryListInput } from './fixtures.js';
import { renderPdf } from './pdf.js';
import { documentXml, docxParagraphs, pdfLines } from './read-exports.js';
import { buildSummaryListDocument, SUMMARY_LIST_COLUMNS } from './summary-list-document.js';

const tables = (xml: string) => [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([table]) => table);
const rowsOf = (table: string) =>
  [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g)].map(([row]) =>
    [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) => docxParagraphs(cell).join('\n')),
  );

describe('the summary list of a meeting', () => {
  const input = seedSummaryListInput();

  it('as DOCX: header, title, a bordered table with the column titles and one row per member, signature', async () => {
    const xml = await documentXml(await renderDocx(buildSummaryListDocument(input)));
    const paragraphs = docxParagraphs(xml);
    const [header, list] = tables(xml);
    expect(docxParagraphs(header ?? '')).toContain('CHI BỘ VĂN PHÒNG SỞ');
    expect(docxParagraphs(header ?? '')).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(paragraphs).toContain('DANH SÁCH');
    expect(list).toContain('w:val="single"');
    const rows = rowsOf(list ?? '');
    expect(rows[0]).toEqual(SUMMARY_LIST_COLUMNS.map((column) => column.title));
    expect(rows.slice(1).map((row) => row.slice(0, 2))).toEqual(
      input.members.map((member, index) => [String(index + 1), member.fullName]),
    );
    expect(rows[1]?.[3]).toBe(input.members[0]?.strengths);
    expect(paragraphs).toContain('T/M CHI ỦY');
    expect(paragraphs.at(-1)).toBe('Phạm Minh Tâm');
  });

  it('as PDF: the same strings with their Vietnamese marks', async () => {
    const text = (await pdfLines(await renderPdf(buildSummaryListDocument(input))))
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .join(' ');
    for (const expected of [
      'DANH SÁCH',
      'Ưu điểm chính',
      'Khuyết điểm chính',
      'Nguyễn Thị Bích Thủy',
      'BÍ THƯ',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toBe(text.normalize('NFC'));
  });
});
