import { describe, expect, it } from 'vitest';
import { renderDocx } from './docx.js';
import { renderPdf } from './pdf.js';
import { documentXml, docxParagraphs, pdfLines } from './read-exports.js';
import {
  buildRemediationDocument,
  REMEDIATION_COLUMNS,
  type RemediationDocumentInput,
} from './remediation-document.js';

const input: RemediationDocumentInput = {
  superiorName: 'Đảng bộ Sở Y tế',
  issuerName: 'Chi bộ Văn phòng Sở',
  shortName: 'CB',
  recipients: ['Đảng ủy Sở Y tế (b/c)', 'Lưu chi bộ'],
  place: 'Trà Vinh',
  date: '2026-11-20',
  year: 2026,
  workplaceName: 'Văn phòng Sở Y tế',
  items: [
    {
      action: 'Giải quyết hồ sơ đúng hạn, báo cáo hằng tháng.',
      responsibleName: 'Trần Thị Chín',
      deadline: '2026-12-31',
      statusLabel: 'Đang thực hiện',
    },
    {
      action: 'Niêm yết lịch tiếp dân tại trụ sở.',
      responsibleName: 'Chi bộ Văn phòng Sở',
      deadline: '2026-11-30',
      statusLabel: 'Quá hạn',
    },
  ],
};

describe('the remediation plan document', () => {
  it('as DOCX: the party header, the title, a table with TT, action, who, deadline dd/mm/yyyy and status', async () => {
    const xml = await documentXml(await renderDocx(buildRemediationDocument(input)));
    const paragraphs = docxParagraphs(xml);
    expect(paragraphs).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(paragraphs).toContain('CHI BỘ VĂN PHÒNG SỞ');
    expect(paragraphs).toContain('KẾ HOẠCH KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM');
    for (const column of REMEDIATION_COLUMNS) expect(paragraphs).toContain(column.title);
    for (const cell of ['1', 'Trần Thị Chín', '31/12/2026', 'Quá hạn', '30/11/2026'])
      expect(paragraphs).toContain(cell);
    expect(paragraphs.join('\n')).toContain('Trà Vinh, ngày 20 tháng 11 năm 2026');
  });

  it('as PDF: the same strings with their Vietnamese marks', async () => {
    const text = (await pdfLines(await renderPdf(buildRemediationDocument(input))))
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .join(' ');
    for (const expected of ['KẾ HOẠCH KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM', 'Trần Thị Chín', 'Quá hạn', 'BÍ THƯ'])
      expect(text).toContain(expected);
    expect(text).toBe(text.normalize('NFC'));
  });
});
