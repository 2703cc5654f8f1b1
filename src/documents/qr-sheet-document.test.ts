import { describe, expect, it } from 'vitest';
import { formatCode } from '../domain/phone-codes.js';
import { renderQrSheet, sheetInstruction } from './qr-sheet-document.js';
import { pdfLines } from './read-exports.js';

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
});
