import { describe, expect, it } from 'vitest';
import {
  buildCompilationDocument,
  type CompilationDocumentInput,
  compilationSubject,
  DISSENTING_MARK,
  NO_OPINION,
} from './compilation-document.js';
import { renderDocx } from './docx.js';
import { DRAFT_MARK } from './party-document.js';
import { renderPdf } from './pdf.js';
import { documentXml, docxParagraphs, pdfLines } from './read-exports.js';

const input = (final: boolean, number = ''): CompilationDocumentInput => ({
  superiorName: 'Đảng bộ Sở Y tế',
  issuerName: 'Chi bộ Văn phòng Sở Y tế',
  committeeName: 'Chi bộ Văn phòng Sở Y tế',
  shortName: 'CB',
  number,
  recipients: ['Đảng ủy Sở Y tế (b/c)', 'Lưu chi bộ'],
  placeName: 'Trà Vinh',
  date: '2026-11-12',
  meetingDate: '2026-11-10',
  year: 2026,
  workplaceName: 'Văn phòng Sở Y tế',
  final,
  targets: [
    {
      name: 'Tập thể chi bộ',
      collective: true,
      areas: [
        {
          area: 'proposals',
          points: [
            {
              kind: 'proposal',
              text: 'Chi bộ nên họp đúng giờ.',
              dissenting: false,
              responsibility: 'collective',
              responsibleName: null,
              conclusion: 'accepted',
              explanation: null,
              opinionCount: 1,
            },
          ],
        },
      ],
    },
    {
      name: 'Nguyễn Văn Tám',
      collective: false,
      areas: [
        {
          area: 'duties',
          points: [
            {
              kind: 'shortcoming',
              text: 'Giải quyết hồ sơ *chậm* <b>',
              dissenting: true,
              responsibility: 'individual',
              responsibleName: 'Nguyễn Văn Tám',
              conclusion: 'explained',
              explanation: 'Do thiếu người.',
              opinionCount: 3,
            },
          ],
        },
      ],
    },
    { name: 'Trần Thị Chín', collective: false, areas: [] },
  ],
});

const inOrder = (lines: string[], expected: string[]) => {
  let from = 0;
  for (const wanted of expected) {
    const found = lines.findIndex((line, index) => index >= from && line.includes(wanted));
    expect(found, `"${wanted}" after line ${from}`).toBeGreaterThanOrEqual(from);
    from = found + 1;
  }
};

const order = [
  'ĐẢNG BỘ SỞ Y TẾ',
  'CHI BỘ VĂN PHÒNG SỞ Y TẾ',
  'ĐẢNG CỘNG SẢN VIỆT NAM',
  'Số 07-BC/CB',
  'Trà Vinh, ngày 12 tháng 11 năm 2026',
  'BÁO CÁO',
  compilationSubject(2026),
  'Tổng số 4 ý kiến, tổng hợp thành 2 điểm; 1 điểm có ý kiến trái chiều',
  '1. Tập thể chi bộ',
  'Đề xuất: Chi bộ nên họp đúng giờ. (1 ý kiến).',
  'Trách nhiệm: Trách nhiệm tập thể. Kết luận của chi ủy: Tiếp thu.',
  '2. Đồng chí Nguyễn Văn Tám',
  'Chức trách, nhiệm vụ',
  `Khuyết điểm, hạn chế: Giải quyết hồ sơ *chậm* <b> ${DISSENTING_MARK} (3 ý kiến).`,
  'Trách nhiệm cá nhân (đồng chí Nguyễn Văn Tám). Kết luận của chi ủy: Giải trình: Do thiếu người.',
  '3. Đồng chí Trần Thị Chín',
  NO_OPINION,
  'Nơi nhận:',
  '- Đảng ủy Sở Y tế (b/c),',
  '- Lưu chi bộ.',
  'T/M CHI ỦY',
  'BÍ THƯ',
];

describe('compilation document', () => {
  it('prints the report per target and area, the dissenting point marked, text literal (DOCX)', async () => {
    const lines = docxParagraphs(
      await documentXml(await renderDocx(buildCompilationDocument(input(true, '07')))),
    );
    inOrder(lines, order);
    expect(lines).not.toContain(DRAFT_MARK);
  });

  it('marks a draft DỰ THẢO under the title, dots for its number, and prints the same content (PDF)', async () => {
    const lines = (await pdfLines(await renderPdf(buildCompilationDocument(input(false))))).map((line) =>
      line.trim(),
    );
    const text = lines.join('\n');
    inOrder(lines, [
      'Số ....-BC/CB',
      'BÁO CÁO',
      'Tổng hợp ý kiến đóng góp của quần chúng',
      DRAFT_MARK,
      '1. Tập thể chi bộ',
      '2. Đồng chí Nguyễn Văn Tám',
      'Nơi nhận:',
      '- Đảng ủy Sở Y tế (b/c),',
      'T/M CHI ỦY',
    ]);
    expect(text).toContain(DISSENTING_MARK);
    expect(text).toContain('*chậm* <b>');
  });
});
