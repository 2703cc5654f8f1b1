import { describe, expect, it } from 'vitest';
import { zeroFigures } from '../domain/report-figures.js';
import { renderDocx } from './docx.js';
import { renderPdf } from './pdf.js';
import { documentXml, docxParagraphs, pdfLines } from './read-exports.js';
import { buildReportDocument, REPORT_HEADINGS, type ReportDocumentInput } from './report-document.js';

const figures = zeroFigures();
figures.workplacesRequired = 3;
figures.membersSelfCriticized = 17;
figures.opinionsByChannel.phone = 4;

const input: ReportDocumentInput = {
  superiorName: 'Đảng ủy Khối các cơ quan và doanh nghiệp',
  issuerName: 'Đảng bộ Sở Y tế',
  shortName: 'ĐUSYT',
  organizationKind: 'base',
  place: 'Trà Vinh',
  submittedOn: '2026-11-19',
  year: 2026,
  recipients: ['Đảng ủy Khối các cơ quan và doanh nghiệp (b/c)', 'Lưu Văn phòng Đảng ủy'],
  figures,
  narrative: {
    results: 'Tổ chức 3 buổi, đúng *kế hoạch* <b>.',
    strengths: 'Quần chúng góp ý thẳng thắn.',
    limits: '',
    proposals: 'Đề nghị tập huấn thư ký.',
  },
  children: [
    {
      organizationName: 'Chi bộ Văn phòng Sở Y tế',
      dueOn: '2026-11-17',
      submittedOn: '2026-11-18',
      state: 'late',
    },
    { organizationName: 'Chi bộ Bệnh viện', dueOn: '2026-11-17', submittedOn: null, state: 'missing' },
  ],
};

const ORDER = [
  'ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP',
  'ĐẢNG BỘ SỞ Y TẾ',
  'Số ....-BC/ĐUSYT',
  'Trà Vinh, ngày 19 tháng 11 năm 2026',
  'BÁO CÁO',
  'Kết quả tự phê bình và phê bình trước quần chúng năm 2026',
  REPORT_HEADINGS.results,
  REPORT_HEADINGS.figures,
  'Đảng viên đã tự phê bình trước quần chúng',
  REPORT_HEADINGS.opinions,
  'Phiếu qua điện thoại',
  REPORT_HEADINGS.children,
  'Trễ hạn',
  'Chưa nộp',
  REPORT_HEADINGS.summary,
  'Tổ chức 3 buổi, đúng',
  REPORT_HEADINGS.strengths,
  REPORT_HEADINGS.limits,
  REPORT_HEADINGS.proposals,
  'Đề nghị tập huấn thư ký.',
];

const CLOSING = [
  'Nơi nhận:',
  // The left column is narrow: the first item wraps after `cơ quan`.
  '- Đảng ủy Khối các cơ quan',
  '- Lưu Văn phòng Đảng ủy.',
  'T/M ĐẢNG ỦY',
];
const BODY = ORDER.filter((line) => !line.startsWith('Phiếu')).slice(4);

const inOrder = (lines: string[], expected: string[]) => {
  let from = 0;
  for (const wanted of expected) {
    const found = lines.findIndex((line, index) => index >= from && line.includes(wanted));
    expect(found, `"${wanted}" after line ${from}`).toBeGreaterThanOrEqual(from);
    from = found + 1;
  }
};

describe('report document', () => {
  it('lays out the DOCX as a party report, headings in order and text as entered', async () => {
    const xml = await documentXml(await renderDocx(buildReportDocument(input)));
    const paragraphs = docxParagraphs(xml);
    inOrder(paragraphs, [...ORDER, ...CLOSING]);
    expect(xml).toContain('<w:tbl>');
    expect(paragraphs).toContain('17');
    expect(paragraphs.join('\n')).toContain('đúng *kế hoạch* <b>.'.replace('*kế hoạch*', 'kế hoạch'));
  });

  it('renders the same text to PDF', async () => {
    const lines = await pdfLines(await renderPdf(buildReportDocument(input)));
    inOrder(lines, BODY);
    for (const line of ['Số ....-BC/ĐUSYT', 'Trà Vinh, ngày 19 tháng 11 năm 2026'])
      expect(
        lines.some((candidate) => candidate.includes(line)),
        line,
      ).toBe(true);
    for (const line of CLOSING)
      expect(
        lines.some((candidate) => candidate.includes(line)),
        line,
      ).toBe(true);
  });

  it('leaves the date and an empty section to fill by hand, and only its archive as recipient at the root', () => {
    const document = buildReportDocument({
      ...input,
      submittedOn: null,
      recipients: ['Lưu Văn phòng Tỉnh ủy'],
      children: [],
    });
    expect(document.header).toMatchObject({ placeDateLine: 'Trà Vinh, ngày ..... tháng ..... năm ........' });
    expect(document.recipients).toEqual(['- Lưu Văn phòng Tỉnh ủy.']);
    // Not submitted yet: a draft, marked DỰ THẢO; the submitted one above is not.
    expect(document.draft).toBe(true);
    expect(buildReportDocument(input).draft).toBe(false);
    expect(document.body.some((block) => block.kind === 'fill')).toBe(true);
  });
});
