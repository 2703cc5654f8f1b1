import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './filename.js';

describe('attachmentDisposition', () => {
  it.each([
    [
      'Kế hoạch 03-KH/ĐUK.docx',
      `attachment; filename="ke-hoach-03-kh-duk.docx"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%2003-KH%2F%C4%90UK.docx`,
    ],
    [
      'Mẫu danh sách nhân sự.xlsx',
      `attachment; filename="mau-danh-sach-nhan-su.xlsx"; filename*=UTF-8''${encodeURIComponent('Mẫu danh sách nhân sự.xlsx')}`,
    ],
    [
      "Kế hoạch (bản in)'.pdf",
      `attachment; filename="ke-hoach-ban-in.pdf"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20%28b%E1%BA%A3n%20in%29%27.pdf`,
    ],
    ['Đ.PDF', `attachment; filename="d.pdf"; filename*=UTF-8''%C4%90.PDF`],
    ['… .docx', `attachment; filename="tai-lieu.docx"; filename*=UTF-8''%E2%80%A6%20.docx`],
  ])('gives %s an ASCII fallback and its own name in RFC 5987 form', (fileName, expected) => {
    expect(attachmentDisposition(fileName)).toBe(expected);
  });

  it('falls back to the stem it is given when nothing of the name is ASCII', () => {
    expect(attachmentDisposition('….xlsx', 'danh-sach')).toMatch(/^attachment; filename="danh-sach\.xlsx"/);
  });
});
