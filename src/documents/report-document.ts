import { FEEDBACK_AREA_LABELS, FEEDBACK_CHANNEL_LABELS, FEEDBACK_KIND_LABELS } from '../domain/feedback.js';
import type { ReportFigures } from '../domain/report-figures.js';
import { REPORT_STATE_LABELS, type ReportState } from '../domain/reports.js';
import { type BodyBlock, bold, type PartyDocument } from './party-document.js';
import {
  formatPlaceDate,
  formatShortDate,
  numberLine,
  paragraphs,
  punctuateRecipients,
} from './plan-text.js';

export interface ReportChildLine {
  organizationName: string;
  dueOn: string;
  submittedOn: string | null;
  state: ReportState;
}

/** What a report (báo cáo) shows, as plain data. */
export interface ReportDocumentInput {
  superiorName: string;
  issuerName: string;
  /** The organization's short name, for the symbol `BC/…`. */
  shortName: string;
  /** The committee that signs: `cell`, `base`, … (organization kinds). */
  organizationKind: string;
  place: string;
  /** ISO day of submission; null leaves the date to fill by hand. */
  submittedOn: string | null;
  year: number;
  /** `Nơi nhận:`: the level the report goes to and the issuer's archive, as the tree names them. */
  recipients: string[];
  figures: ReportFigures;
  narrative: { results: string; strengths: string; limits: string; proposals: string };
  children: ReportChildLine[];
  /** What was still missing when it was submitted, as confirmed (issue 11); printed before the narrative. */
  gapsText?: string | null;
}

export const REPORT_KIND = 'BÁO CÁO';

export const REPORT_HEADINGS = {
  results: 'I- KẾT QUẢ THỰC HIỆN',
  figures: '1. Số liệu',
  opinions: '2. Ý kiến đóng góp của quần chúng',
  children: '3. Tình hình báo cáo của các tổ chức trực thuộc',
  summary: '4. Đánh giá kết quả',
  strengths: 'II- ƯU ĐIỂM',
  limits: 'III- HẠN CHẾ',
  proposals: 'IV- ĐỀ XUẤT, KIẾN NGHỊ',
} as const;

/** The figures as rows `label | count`, in the order of the list. */
export function figureRows(figures: ReportFigures): [string, number][] {
  return [
    ['Cơ quan, đơn vị phải tổ chức tự phê bình và phê bình', figures.workplacesRequired],
    ['Cơ quan, đơn vị không phải tổ chức (dưới mức quần chúng quy định)', figures.workplacesExempt],
    ['Cơ quan, đơn vị đã tổ chức', figures.workplacesHeld],
    ['Đảng viên đã tự phê bình trước quần chúng', figures.membersSelfCriticized],
    ['Đảng viên vắng mặt có lý do chính đáng', figures.membersAbsentValid],
    ['Đảng viên vắng mặt không có lý do chính đáng', figures.membersAbsentInvalid],
    ['Quần chúng dự họp', figures.massesPresent],
    ['Ý kiến đóng góp', figures.opinions],
    ['Ý kiến trái chiều', figures.opinionsDissenting],
    ['Nội dung tổng hợp thuộc trách nhiệm tập thể', figures.pointsCollective],
    ['Nội dung tổng hợp thuộc trách nhiệm cá nhân', figures.pointsIndividual],
    ['Việc khắc phục đã đề ra', figures.remediationItems],
    ['Việc khắc phục đã hoàn thành', figures.remediationDone],
  ];
}

/** The opinions by channel, area and kind as rows `group | label | count`. */
export function opinionRows(figures: ReportFigures): [string, string, number][] {
  const group = <K extends string>(name: string, labels: Record<K, string>, counts: Record<K, number>) =>
    (Object.keys(labels) as K[]).map((key): [string, string, number] => [name, labels[key], counts[key]]);
  return [
    ...group('Hình thức', FEEDBACK_CHANNEL_LABELS, figures.opinionsByChannel),
    ...group('Lĩnh vực', FEEDBACK_AREA_LABELS, figures.opinionsByArea),
    ...group('Loại ý kiến', FEEDBACK_KIND_LABELS, figures.opinionsByKind),
  ];
}

const SIGNING_CAPACITY: Record<string, string> = {
  cell: 'T/M CHI ỦY',
  'base-cell': 'T/M CHI ỦY',
  base: 'T/M ĐẢNG ỦY',
};

const upper = (text: string) => text.toLocaleUpperCase('vi');

/** A free-text section: the committee's paragraphs, or a line of dots to complete by hand. */
const section = (text: string): BodyBlock[] =>
  text.trim() ? paragraphs(text) : [{ kind: 'fill', runs: [] }];

function reportBody(input: ReportDocumentInput): BodyBlock[] {
  const blocks: BodyBlock[] = [
    { kind: 'heading', runs: bold(REPORT_HEADINGS.results) },
    { kind: 'heading', runs: bold(REPORT_HEADINGS.figures) },
    {
      kind: 'table',
      columns: [
        { title: 'TT', share: 0.08, align: 'center' },
        { title: 'Nội dung', share: 0.72 },
        { title: 'Số lượng', share: 0.2, align: 'center' },
      ],
      rows: figureRows(input.figures).map(([label, value], index) => [
        String(index + 1),
        label,
        String(value),
      ]),
    },
    { kind: 'heading', runs: bold(REPORT_HEADINGS.opinions) },
    {
      kind: 'table',
      columns: [
        { title: 'Theo', share: 0.25 },
        { title: 'Nội dung', share: 0.55 },
        { title: 'Số ý kiến', share: 0.2, align: 'center' },
      ],
      rows: opinionRows(input.figures).map(([group, label, value]) => [group, label, String(value)]),
    },
  ];
  if (input.children.length > 0) {
    blocks.push(
      { kind: 'heading', runs: bold(REPORT_HEADINGS.children) },
      {
        kind: 'table',
        columns: [
          { title: 'Tổ chức', share: 0.44 },
          { title: 'Hạn nộp', share: 0.18, align: 'center' },
          { title: 'Ngày nộp', share: 0.18, align: 'center' },
          { title: 'Tình trạng', share: 0.2, align: 'center' },
        ],
        rows: input.children.map((child) => [
          child.organizationName,
          formatShortDate(child.dueOn),
          child.submittedOn ? formatShortDate(child.submittedOn) : '',
          REPORT_STATE_LABELS[child.state],
        ]),
      },
    );
  }
  blocks.push(
    {
      kind: 'heading',
      runs: bold(input.children.length > 0 ? REPORT_HEADINGS.summary : '3. Đánh giá kết quả'),
    },
    ...(input.gapsText ? section(input.gapsText) : []),
    ...section(input.narrative.results),
    { kind: 'heading', runs: bold(REPORT_HEADINGS.strengths) },
    ...section(input.narrative.strengths),
    { kind: 'heading', runs: bold(REPORT_HEADINGS.limits) },
    ...section(input.narrative.limits),
    { kind: 'heading', runs: bold(REPORT_HEADINGS.proposals) },
    ...section(input.narrative.proposals),
  );
  return blocks;
}

/**
 * The report of an organization (DOCUMENTS.md): party header from the organization, `BÁO CÁO`,
 * the subject of the seed's year, the figures as tables, the committee's four sections, the
 * committee's signature and `Nơi nhận:` with the recipient.
 */
export function buildReportDocument(input: ReportDocumentInput): PartyDocument {
  return {
    header: {
      superiorName: upper(input.superiorName),
      issuerName: upper(input.issuerName),
      numberLine: numberLine(undefined, 'BC', input.shortName),
      placeDateLine: formatPlaceDate(input.place, input.submittedOn),
    },
    kind: REPORT_KIND,
    subject: `Kết quả tự phê bình và phê bình trước quần chúng năm ${input.year}`,
    // Not yet submitted: the committee is still writing it.
    draft: input.submittedOn === null,
    body: reportBody(input),
    recipients: punctuateRecipients(input.recipients),
    signature: {
      capacity: SIGNING_CAPACITY[input.organizationKind] ?? 'T/M BAN THƯỜNG VỤ',
      title: 'BÍ THƯ',
      name: '',
    },
  };
}
