import { describe, expect, it } from 'vitest';
import { formatCode } from '../domain/phone-codes.js';
import { QR_SHEET, renderQrSheet, renderQrSheetDocx, sheetInstruction } from './qr-sheet-document.js';
import { documentXml, docxParagraphs, pdfInkMargins, pdfLines } from './read-exports.js';

const MM = 72 / 25.4;
const sheet = (count: number) => ({
  workplaceName: 'Văn phòng Sở Y tế',
  meetingDate: '10/11/2026',
  origin: 'https://tuphebinh.example.vn',
  codes: Array.from(
    { length: count },
    (_, index) => `ABCDEFG${String(index).padStart(3, '2').replace(/[01]/g, '9')}`,
  ),
});

describe('QR sheet of phone codes', () => {
  it('holds every code once, the instruction with the address, and the workplace and date', async () => {
    const codes = ['23456789AB', 'CDEFGHJKMN', 'PQRSTUVWXY', 'Z23456789A', 'BCDEFGHJKM'];
    const origin = 'https://tuphebinh.example.vn';
    const pdf = await renderQrSheet({
      workplaceName: 'Văn phòng Sở Y tế',
      meetingDate: '10/11/2026',
      origin,
      codes,
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfLines(pdf)).join('\n');
    for (const code of codes) expect(text.split(formatCode(code)).length - 1).toBe(1);
    // The instruction wraps inside its slip; line breaks take the place of some spaces.
    const squeezed = (value: string) => value.replace(/\s+/g, '');
    expect(squeezed(text).split(squeezed(sheetInstruction(origin))).length - 1).toBe(codes.length);
    expect(text).toContain('Văn phòng Sở Y tế');
    expect(text).toContain('10/11/2026');
  });

  it('lays a long sheet over several pages, each code whole', async () => {
    const codes = Array.from(
      { length: 40 },
      (_, index) => `ABCDEFG${String(index).padStart(3, '2').replace(/[01]/g, '9')}`,
    );
    const pdf = await renderQrSheet({
      workplaceName: 'Sở',
      meetingDate: '10/11/2026',
      origin: 'http://x.vn',
      codes,
    });
    const text = (await pdfLines(pdf)).join('\n');
    expect(text).toContain('trang 2/');
    for (const code of new Set(codes)) expect(text).toContain(formatCode(code));
  });

  it('prints nothing within 10 mm of any edge and centres the grid between the margins (PDF)', async () => {
    const pages = await pdfInkMargins(await renderQrSheet(sheet(40)));
    expect(pages.length).toBeGreaterThan(1);
    for (const [index, margins] of pages.entries()) {
      for (const side of ['left', 'right', 'top', 'bottom'] as const)
        expect(margins[side] / MM, `page ${index + 1}, ${side}`).toBeGreaterThanOrEqual(10);
      // The cut lines are the widest thing drawn: centred, the two side margins are equal.
      expect(Math.abs(margins.left - margins.right) / MM, `page ${index + 1}`).toBeLessThan(0.5);
    }
  });

  it('as DOCX: the same codes and instruction, the grid centred across the text width, margins of 10 mm or more', async () => {
    const input = sheet(7);
    const xml = await documentXml(await renderQrSheetDocx(input));
    const text = docxParagraphs(xml).join('\n');
    for (const code of input.codes) expect(text).toContain(formatCode(code));
    expect(text.split(sheetInstruction(input.origin)).length - 1).toBe(input.codes.length);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(xml)?.[1] ?? '';
    const twips = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margins)?.[1]);
    for (const side of ['top', 'bottom', 'left', 'right', 'header'])
      expect(twips(side) / (1440 / 25.4), side).toBeGreaterThanOrEqual(10);
    expect(twips('left')).toBe(twips('right'));
    const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
    expect(grid).toHaveLength(QR_SHEET.columns);
    const textWidth = Math.round(((QR_SHEET.pageMm.width - 2 * QR_SHEET.marginMm) * 1440) / 25.4);
    expect(textWidth - grid.reduce((sum, width) => sum + width, 0)).toBeLessThanOrEqual(QR_SHEET.columns);
    expect(xml).toMatch(/<w:tblPr>[\s\S]*?<w:jc w:val="center"\/>/);
    // Three slips a row: seven codes make three rows, the last completed with empty slips.
    expect(xml.match(/<w:tr>/g)).toHaveLength(3);
    expect(xml.match(/<w:drawing>/g)).toHaveLength(7);
  });
});
