import {
  CONCLUSION_LABELS,
  type Conclusion,
  RESPONSIBILITY_LABELS,
  type Responsibility,
} from '../domain/compilation.js';
import {
  FEEDBACK_AREA_SHORT_LABELS,
  FEEDBACK_KIND_LABELS,
  type FeedbackArea,
  type FeedbackKind,
} from '../domain/feedback.js';
import { type BodyBlock, type PartyDocument, plain } from './party-document.js';
import { formatPlaceDate, formatShortDate, numberLine, punctuateRecipients } from './plan-text.js';

export const COMPILATION_KIND = 'BÁO CÁO';
export const DISSENTING_MARK = '(ý kiến trái chiều)';
export const NO_OPINION = 'Không có ý kiến đóng góp.';

export interface CompilationDocumentPoint {
  kind: FeedbackKind;
  text: string;
  dissenting: boolean;
  responsibility: Responsibility | null;
  responsibleName: string | null;
  conclusion: Conclusion | null;
  explanation: string | null;
  opinionCount: number;
}

export interface CompilationDocumentTarget {
  /** `Tập thể chi bộ`, or the member's full name. */
  name: string;
  collective: boolean;
  areas: { area: FeedbackArea; points: CompilationDocumentPoint[] }[];
}

export interface CompilationDocumentInput {
  superiorName: string;
  issuerName: string;
  /** `Chi bộ Văn phòng Sở Y tế`, in running text. */
  committeeName: string;
  /** The cell's abbreviation in `Số 05-BC/CB`. */
  shortName: string;
  /** `05`, given when the committee closes the compilation; empty prints dots. */
  number: string;
  /** `Nơi nhận:`: the level the cell reports to and its own archive, as the tree names them. */
  recipients: string[];
  placeName: string;
  /** The day the compilation was closed, or the meeting's day while a draft. */
  date: string;
  meetingDate: string;
  year: number;
  workplaceName: string;
  final: boolean;
  /** The collective first, then members by name; members without points are listed too. */
  targets: CompilationDocumentTarget[];
}

const upper = (text: string) => text.toLocaleUpperCase('vi');
const heading = (text: string): BodyBlock => ({ kind: 'heading', runs: plain(text) });
// What was said prints literally: `*` in an opinion is not formatting.
const para = (text: string): BodyBlock => ({ kind: 'paragraph', runs: plain(text) });

export function compilationSubject(year: number): string {
  return `Tổng hợp ý kiến đóng góp của quần chúng\nđối với cấp ủy viên, đảng viên năm ${year}`;
}

function responsibilityText(point: CompilationDocumentPoint): string {
  if (!point.responsibility) return 'chưa phân loại';
  const label = RESPONSIBILITY_LABELS[point.responsibility];
  return point.responsibility === 'individual' && point.responsibleName
    ? `${label} (đồng chí ${point.responsibleName})`
    : label;
}

/** A committee's reason usually ends with its own full stop: do not print a second one. */
const endSentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

function conclusionText(point: CompilationDocumentPoint): string {
  if (!point.conclusion) return 'chưa kết luận';
  const label = CONCLUSION_LABELS[point.conclusion];
  return point.conclusion === 'explained' && point.explanation ? `${label}: ${point.explanation}` : label;
}

function pointBlocks(point: CompilationDocumentPoint): BodyBlock[] {
  const dissent = point.dissenting ? ` ${DISSENTING_MARK}` : '';
  return [
    {
      kind: 'paragraph',
      tight: true,
      runs: [
        { text: `- ${FEEDBACK_KIND_LABELS[point.kind]}: `, bold: true },
        { text: `${point.text}${dissent} (${point.opinionCount} ý kiến).` },
      ],
    },
    {
      kind: 'paragraph',
      runs: [
        { text: 'Trách nhiệm: ', italic: true },
        { text: `${responsibilityText(point)}. ` },
        { text: 'Kết luận của chi ủy: ', italic: true },
        { text: endSentence(conclusionText(point)) },
      ],
    },
  ];
}

function targetBlocks(target: CompilationDocumentTarget, index: number): BodyBlock[] {
  const title = target.collective ? target.name : `Đồng chí ${target.name}`;
  const blocks: BodyBlock[] = [heading(`${index + 1}. ${title}`)];
  if (target.areas.length === 0) return [...blocks, para(NO_OPINION)];
  for (const group of target.areas) {
    blocks.push({
      kind: 'paragraph',
      tight: true,
      runs: [{ text: FEEDBACK_AREA_SHORT_LABELS[group.area], italic: true, bold: true }],
    });
    for (const point of group.points) blocks.push(...pointBlocks(point));
  }
  return blocks;
}

export function buildCompilationDocument(input: CompilationDocumentInput): PartyDocument {
  const points = input.targets.flatMap((target) => target.areas.flatMap((group) => group.points));
  const opinions = points.reduce((sum, point) => sum + point.opinionCount, 0);
  const dissenting = points.filter((point) => point.dissenting).length;
  return {
    header: {
      superiorName: upper(input.superiorName),
      issuerName: upper(input.issuerName),
      numberLine: numberLine(input.number, 'BC', input.shortName),
      placeDateLine: formatPlaceDate(input.placeName, input.date),
    },
    kind: COMPILATION_KIND,
    subject: compilationSubject(input.year),
    draft: !input.final,
    body: [
      para(
        `Ngày ${formatShortDate(input.meetingDate)}, ${input.committeeName} tổ chức buổi tự phê bình và phê bình trước quần chúng ${input.workplaceName}. Chi ủy tổng hợp ý kiến đóng góp của quần chúng (phát biểu tại buổi họp, phiếu giấy, góp ý trên hệ thống và phiếu qua điện thoại) như sau:`,
      ),
      para(
        `Tổng số ${opinions} ý kiến, tổng hợp thành ${points.length} điểm; ${dissenting} điểm có ý kiến trái chiều, được giữ nguyên và ghi rõ.`,
      ),
      ...input.targets.flatMap(targetBlocks),
    ],
    recipients: punctuateRecipients(input.recipients),
    signature: { capacity: 'T/M CHI ỦY', title: 'BÍ THƯ', name: '' },
  };
}
