import { describe, expect, it } from 'vitest';
import type { MinutesContent } from '../domain/minutes.js';
import { renderDocx } from './docx.js';
import { buildFeedbackForms, FEEDBACK_FORM_HEADINGS, FEEDBACK_FORM_KIND } from './feedback-form-document.js';
import { buildMinutesDocument, MINUTES_HEADINGS, type MinutesDocumentInput } from './minutes-document.js';
import { DRAFT_MARK } from './party-document.js';
import { renderPdf } from './pdf.js';
import { documentXml, docxParagraphs, pdfLines } from './read-exports.js';

const content: MinutesContent = {
  workplaceName: 'Văn phòng Sở Y tế',
  organizationName: 'Chi bộ Văn phòng Sở Y tế',
  year: 2026,
  date: '2026-11-10',
  startTime: '08:00',
  endTime: '11:05',
  place: 'Hội trường Sở',
  chairName: 'Nguyễn Văn Tám',
  secretaryName: 'Phạm Thị Thư',
  delegates: ['Đồng chí Lê Văn Khối'],
  openingRemarks: 'Đồng chí chủ trì tuyên bố lý do.',
  counts: {
    members: 2,
    present: 1,
    absent: [{ fullName: 'Trần Thị Chín', reason: 'Đi công tác', reasonValid: true }],
    massesPresent: 12,
    massesPresentNames: [],
  },
  members: [
    {
      selfCriticismId: 'a',
      fullName: 'Nguyễn Văn Tám',
      duties: 'Giám đốc Sở',
      strengths: 'Gương mẫu',
      // The committee has not summarized it yet: dotted lines to fill by hand.
      shortcomings: '',
      opinions: [
        {
          channel: 'oral',
          area: 'duties',
          kind: 'shortcoming',
          text: 'Giải quyết hồ sơ *chậm* <b>',
          speaker: null,
          dissenting: true,
        },
      ],
      response: 'Xin tiếp thu và khắc phục.',
    },
  ],
  collective: { opinions: [], response: 'Chi bộ tiếp thu.' },
  otherMatters: '',
  closingRemarks: 'Buổi họp kết thúc tốt đẹp.',
};

const input = (locked: MinutesDocumentInput['locked']): MinutesDocumentInput => ({
  content: locked ? { ...content, number: '05' } : content,
  superiorName: 'Đảng bộ Sở Y tế',
  issuerName: 'Chi bộ Văn phòng Sở Y tế',
  shortName: 'CB',
  recipients: ['Đảng ủy Sở Y tế (b/c)', 'Lưu chi bộ'],
  placeName: 'Trà Vinh',
  chair: { name: 'Nguyễn Văn Tám' },
  secretary: { name: 'Phạm Thị Thư' },
  massesRepresentative: { name: 'Võ Văn Quần' },
  locked,
  addenda: locked
    ? [{ text: 'Đính chính tên đại biểu.', createdAt: '2026-11-11T02:00:00Z', createdByName: 'Thư ký' }]
    : [],
});

const inOrder = (lines: string[], expected: string[]) => {
  let from = 0;
  for (const wanted of expected) {
    const found = lines.findIndex((line, index) => index >= from && line.includes(wanted));
    expect(found, `"${wanted}" after line ${from}`).toBeGreaterThanOrEqual(from);
    from = found + 1;
  }
};

describe('minutes document', () => {
  const order = [
    'ĐẢNG BỘ SỞ Y TẾ',
    'CHI BỘ VĂN PHÒNG SỞ Y TẾ',
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    'Số ....-BB/CB',
    'Trà Vinh, ngày 10 tháng 11 năm 2026',
    'BIÊN BẢN',
    'Buổi tự phê bình và phê bình trước quần chúng Văn phòng Sở Y tế năm 2026',
    DRAFT_MARK,
    MINUTES_HEADINGS.attendance,
    'Vào lúc 08 giờ 00 phút ngày 10/11/2026, tại Hội trường Sở',
    'Chủ trì: Nguyễn Văn Tám',
    'Thư ký: Phạm Thị Thư',
    'có mặt 1, vắng mặt 1',
    '- Trần Thị Chín: Đi công tác (lý do chính đáng).',
    'Quần chúng tham dự: 12 người.',
    MINUTES_HEADINGS.content,
    MINUTES_HEADINGS.opening,
    '2.1. Đồng chí Nguyễn Văn Tám',
    'Nhiệm vụ: Giám đốc Sở',
    '- [Khuyết điểm, hạn chế – Chức trách, nhiệm vụ] Giải quyết hồ sơ *chậm* <b> (không ghi tên; phát biểu tại buổi họp) (ý kiến khác)',
    'Đại diện cấp ủy tiếp thu: Xin tiếp thu và khắc phục.',
    MINUTES_HEADINGS.collective,
    MINUTES_HEADINGS.closing,
    'kết thúc lúc 11 giờ 05 phút',
    'CHỦ TRÌ',
    'THƯ KÝ',
    'ĐẠI DIỆN QUẦN CHÚNG',
    'Nơi nhận:',
    '- Đảng ủy Sở Y tế (b/c),',
    '- Lưu chi bộ.',
  ];

  it('prints a draft in the seed agenda order, marked DỰ THẢO, with the three signers side by side (DOCX)', async () => {
    const xml = await documentXml(await renderDocx(buildMinutesDocument(input(null))));
    const lines = docxParagraphs(xml);
    inOrder(lines, order);
    expect(lines.join('\n')).not.toContain('SHA-256');
    // One table row holds the three signers.
    const signing = xml.slice(xml.lastIndexOf('<w:tbl>'), xml.lastIndexOf('</w:tbl>'));
    expect(signing).toContain('CHỦ TRÌ');
    expect(signing).toContain('ĐẠI DIỆN QUẦN CHÚNG');
    expect(signing.match(/<w:tc>/g)).toHaveLength(3);
  });

  it('leaves a summary not yet written as dotted lines to fill by hand, never "chưa ghi"', async () => {
    const xml = await documentXml(await renderDocx(buildMinutesDocument(input(null))));
    const lines = docxParagraphs(xml);
    expect(lines.join('\n')).not.toContain('chưa ghi');
    const label = lines.indexOf('Khuyết điểm chính:');
    expect(label).toBeGreaterThan(0);
    expect(lines[label + 1]).toBe('');
    const paragraph = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].find(([p]) =>
      p.includes('Khuyết điểm chính:'),
    );
    expect(paragraph?.[0]).toContain('w:leader="dot"');
  });

  it('prints locked minutes with their hash and the addenda after, not as a draft (PDF)', async () => {
    const hash = 'a'.repeat(64);
    const lines = await pdfLines(
      await renderPdf(buildMinutesDocument(input({ contentHash: hash, lockedAt: '2026-11-10T04:10:00Z' }))),
    );
    const text = lines.join('\n');
    inOrder(
      lines.map((line) => line.trim()),
      [
        'Số 05-BB/CB',
        'BIÊN BẢN',
        MINUTES_HEADINGS.attendance,
        MINUTES_HEADINGS.closing,
        MINUTES_HEADINGS.addenda,
      ],
    );
    // The masses' representative's title keeps to one line in its column.
    expect(lines.some((line) => /ĐẠI DIỆN QUẦN CHÚNG/.test(line))).toBe(true);
    expect(text.replace(/\s+/g, '')).toContain(hash);
    expect(text).toContain('Đính chính tên đại biểu.');
    expect(text).not.toContain('DỰ THẢO');
  });
});

describe('feedback forms', () => {
  const headings = [
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    FEEDBACK_FORM_KIND,
    'Qua nghiên cứu, ưu điểm, khuyết điểm của đảng viên',
    'Tôi có đóng góp như sau:',
    FEEDBACK_FORM_HEADINGS.strengths,
    '1. Tư tưởng chính trị',
    '5. Việc khắc phục',
    FEEDBACK_FORM_HEADINGS.shortcomings,
    '1. Tư tưởng chính trị',
    FEEDBACK_FORM_HEADINGS.proposals,
  ];

  it('prints one blank form with the seed headings and dotted leaders (DOCX)', async () => {
    const xml = await documentXml(await renderDocx(buildFeedbackForms('Trà Vinh', 2026, [])));
    const lines = docxParagraphs(xml);
    inOrder(lines, headings);
    expect(xml).toContain('w:leader="dot"');
    expect(lines.filter((line) => line === FEEDBACK_FORM_KIND)).toHaveLength(1);
  });

  it('prints one pre-filled form per member, each on its own page (DOCX sections, PDF pages)', async () => {
    const forms = buildFeedbackForms('Trà Vinh', 2026, ['Nguyễn Văn Tám', 'Trần Thị Chín']);
    const xml = await documentXml(await renderDocx(forms));
    const lines = docxParagraphs(xml);
    inOrder(lines, [
      'Qua nghiên cứu, ưu điểm, khuyết điểm của đảng viên Nguyễn Văn Tám',
      FEEDBACK_FORM_HEADINGS.proposals,
      FEEDBACK_FORM_KIND,
      'Qua nghiên cứu, ưu điểm, khuyết điểm của đảng viên Trần Thị Chín',
    ]);
    expect(xml.match(/<w:sectPr/g)).toHaveLength(2);
    const pdf = (await pdfLines(await renderPdf(forms))).join('\n');
    expect(pdf).toContain('đảng viên Nguyễn Văn Tám');
    expect(pdf).toContain('đảng viên Trần Thị Chín');
  });
});
