import {
  FEEDBACK_AREA_SHORT_LABELS,
  FEEDBACK_CHANNEL_LABELS,
  FEEDBACK_KIND_LABELS,
  UNNAMED_SPEAKER,
} from '../domain/feedback.js';
import { absenceLine, attendanceLine, type MinutesContent, type MinutesOpinion } from '../domain/minutes.js';
import { type BodyBlock, type PartyDocument, plain } from './party-document.js';
import { formatPlaceDate, formatShortDate, numberLine, punctuateRecipients, textLines } from './plan-text.js';

export const MINUTES_KIND = 'BIÊN BẢN';
export const MINUTES_HEADINGS = {
  attendance: 'I- THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN',
  content: 'II- NỘI DUNG',
  opening: '1. Nghi thức',
  members: '2. Đại diện cấp ủy thông qua danh sách đảng viên, quần chúng đóng góp ý kiến, cấp ủy tiếp thu',
  collective: '3. Ý kiến đóng góp đối với tập thể chi bộ',
  otherMatters: '4. Nội dung khác',
  closing: 'III- KẾT THÚC',
  addenda: 'PHỤ LỤC BIÊN BẢN',
} as const;

export interface MinutesSigner {
  /** Empty leaves the name to write by hand. */
  name: string;
}

export interface MinutesDocumentInput {
  content: MinutesContent;
  /** `ĐẢNG BỘ …` above the cell. */
  superiorName: string;
  /** The cell that held the meeting. */
  issuerName: string;
  /** The cell's abbreviation in the number line `Số 05-BB/CB`. */
  shortName: string;
  /** `Nơi nhận:`: the level the cell reports to and its own archive, as the tree names them. */
  recipients: string[];
  /** `Trà Vinh`, for the place and date line (the plan's place). */
  placeName: string;
  chair: MinutesSigner;
  secretary: MinutesSigner;
  massesRepresentative: MinutesSigner;
  /** Null while a draft. */
  locked: { contentHash: string; lockedAt: string } | null;
  addenda: { text: string; createdAt: string; createdByName: string }[];
}

const upper = (text: string) => text.toLocaleUpperCase('vi');
const heading = (text: string): BodyBlock => ({ kind: 'heading', runs: plain(text) });
// Recorded text prints literally: `*` in an opinion is not formatting.
const para = (text: string): BodyBlock => ({ kind: 'paragraph', runs: plain(text) });
const labelled = (label: string, value: string): BodyBlock => ({
  kind: 'paragraph',
  runs: [{ text: `${label} `, bold: true }, { text: value }],
});
const freeText = (text: string): BodyBlock[] => textLines(text).map(para);

/** A summary not yet written: its label, then dotted lines to complete by hand, as on the seed's forms. */
function summaryLine(label: string, value: string): BodyBlock[] {
  if (value.trim()) return [labelled(label, value)];
  return [
    { kind: 'fill', runs: [{ text: label, bold: true }] },
    { kind: 'fill', runs: [] },
  ];
}

function spokenTime(hhmm: string): string {
  const [hours, minutes] = hhmm.split(':');
  return `${hours} giờ ${minutes} phút`;
}

function attendance(content: MinutesContent): BodyBlock[] {
  const { counts } = content;
  const absent = counts.absent.map(
    (member) =>
      `- ${member.fullName}: ${member.reason || 'không rõ lý do'} (${member.reasonValid ? 'lý do chính đáng' : 'lý do không chính đáng'}).`,
  );
  const masses =
    counts.massesPresentNames.length > 0
      ? `${counts.massesPresent} người (${counts.massesPresentNames.join(', ')}).`
      : `${counts.massesPresent} người.`;
  return [
    heading(MINUTES_HEADINGS.attendance),
    para(
      `Vào lúc ${spokenTime(content.startTime)} ngày ${formatShortDate(content.date)}, tại ${content.place}, ${content.organizationName} tổ chức buổi tự phê bình và phê bình trước quần chúng ${content.workplaceName} năm ${content.year}.`,
    ),
    labelled('Chủ trì:', content.chairName),
    labelled('Thư ký:', content.secretaryName),
    labelled('Đại biểu:', content.delegates.length > 0 ? content.delegates.join('; ') : 'không có.'),
    labelled('Đảng viên tự phê bình:', attendanceLine(counts)),
    ...absent.map(para),
    labelled('Quần chúng tham dự:', masses),
  ];
}

function opinionLine(opinion: MinutesOpinion): BodyBlock {
  const what =
    opinion.kind === 'proposal'
      ? FEEDBACK_KIND_LABELS.proposal
      : `${FEEDBACK_KIND_LABELS[opinion.kind]} – ${FEEDBACK_AREA_SHORT_LABELS[opinion.area]}`;
  const who = opinion.speaker ?? UNNAMED_SPEAKER;
  const dissent = opinion.dissenting ? ' (ý kiến khác)' : '';
  return para(
    `- [${what}] ${opinion.text} (${who}; ${FEEDBACK_CHANNEL_LABELS[opinion.channel].toLocaleLowerCase('vi')})${dissent}`,
  );
}

function opinions(list: MinutesOpinion[]): BodyBlock[] {
  if (list.length === 0) return [para('Không có ý kiến đóng góp.')];
  return list.map(opinionLine);
}

function members(content: MinutesContent): BodyBlock[] {
  return content.members.flatMap((member, index) => [
    { kind: 'heading', runs: plain(`2.${index + 1}. Đồng chí ${member.fullName}`) } satisfies BodyBlock,
    ...(member.absence ? [para(absenceLine(member.absence))] : []),
    ...summaryLine('Nhiệm vụ:', member.duties),
    ...summaryLine('Ưu điểm chính:', member.strengths),
    ...summaryLine('Khuyết điểm chính:', member.shortcomings),
    labelled('Ý kiến đóng góp:', ''),
    ...opinions(member.opinions),
    ...summaryLine('Đại diện cấp ủy tiếp thu:', member.response),
  ]);
}

function body(input: MinutesDocumentInput): BodyBlock[] {
  const { content } = input;
  const ended = `Buổi họp kết thúc lúc ${spokenTime(content.endTime)} cùng ngày. Thư ký đã thông qua biên bản; chủ trì, thư ký và đại diện quần chúng ký vào biên bản.`;
  return [
    ...attendance(content),
    heading(MINUTES_HEADINGS.content),
    heading(MINUTES_HEADINGS.opening),
    ...freeText(content.openingRemarks),
    heading(MINUTES_HEADINGS.members),
    ...members(content),
    heading(MINUTES_HEADINGS.collective),
    ...opinions(content.collective.opinions),
    ...summaryLine('Đại diện cấp ủy tiếp thu:', content.collective.response),
    ...(textLines(content.otherMatters).length > 0
      ? [heading(MINUTES_HEADINGS.otherMatters), ...freeText(content.otherMatters)]
      : []),
    heading(MINUTES_HEADINGS.closing),
    ...freeText(content.closingRemarks),
    para(ended),
    // The hash on a line of its own: one long unbreakable word would stretch a justified line apart.
    ...(input.locked
      ? [
          {
            kind: 'paragraph',
            tight: true,
            runs: [{ text: 'Mã kiểm tra nội dung (SHA-256):', italic: true }],
          } satisfies BodyBlock,
          { kind: 'paragraph', runs: [{ text: input.locked.contentHash, italic: true }] } satisfies BodyBlock,
        ]
      : []),
  ];
}

function addendaAppendix(input: MinutesDocumentInput): PartyDocument['appendix'] {
  if (!input.locked || input.addenda.length === 0) return undefined;
  return {
    title: MINUTES_HEADINGS.addenda,
    subtitle: `(Lập sau khi biên bản đã ký; biên bản gốc giữ nguyên, mã kiểm tra ${input.locked.contentHash.slice(0, 16)}…)`,
    body: input.addenda.flatMap((addendum, index) => [
      heading(
        `${index + 1}. Ngày ${formatShortDate(addendum.createdAt.slice(0, 10))}, ${addendum.createdByName}`,
      ),
      ...freeText(addendum.text),
    ]),
  };
}

export function buildMinutesDocument(input: MinutesDocumentInput): PartyDocument {
  const { content } = input;
  return {
    header: {
      superiorName: upper(input.superiorName),
      issuerName: upper(input.issuerName),
      numberLine: numberLine(content.number, 'BB', input.shortName),
      placeDateLine: formatPlaceDate(input.placeName, content.date),
    },
    kind: MINUTES_KIND,
    subject: `Buổi tự phê bình và phê bình trước quần chúng ${content.workplaceName} năm ${content.year}`,
    draft: !input.locked,
    body: body(input),
    recipients: punctuateRecipients(input.recipients),
    signature: { title: 'CHỦ TRÌ', name: input.chair.name },
    signatures: [
      { title: 'CHỦ TRÌ', name: input.chair.name },
      { title: 'THƯ KÝ', name: input.secretary.name },
      { title: 'ĐẠI DIỆN QUẦN CHÚNG', name: input.massesRepresentative.name },
    ],
    appendix: addendaAppendix(input),
  };
}
