import type { PartyDocument, TableColumn } from './party-document.js';
import { formatPlaceDate } from './plan-text.js';

export interface MemberSummary {
  fullName: string;
  /** The member's duties (office and assigned work), as the committee presents them. */
  duty: string;
  /** Multi-line: each line prints on its own line in the cell. */
  strengths: string;
  shortcomings: string;
}

/**
 * Seed II.5 (2): the committee's list of members for the meeting, "ghi rõ nhiệm vụ của từng người,
 * tóm tắt những ưu điểm, khuyết điểm chính".
 */
export interface SummaryListDocumentInput {
  /** The cell's header lines, `ĐẢNG BỘ SỞ Y TẾ` over `CHI BỘ VĂN PHÒNG SỞ Y TẾ`, the cell the issuer. */
  organizationLines: { superior: string; issuer: string };
  place: string;
  /** ISO; null leaves the day to fill by hand. */
  date: string | null;
  year: number;
  workplaceName: string;
  members: MemberSummary[];
  /** `T/M CHI ỦY` (or `T/M CHI BỘ` in a cell without a committee). */
  signingCapacity: string;
  /** `BÍ THƯ` */
  signerTitle: string;
  signerName: string;
}

export const SUMMARY_LIST_KIND = 'DANH SÁCH';

export const SUMMARY_LIST_COLUMNS: TableColumn[] = [
  { title: 'STT', share: 0.07, align: 'center' },
  { title: 'Họ và tên', share: 0.18 },
  { title: 'Nhiệm vụ', share: 0.19 },
  { title: 'Ưu điểm chính', share: 0.28 },
  { title: 'Khuyết điểm chính', share: 0.28 },
];

const upper = (text: string) => text.toLocaleUpperCase('vi');
const multiline = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');

export function buildSummaryListDocument(input: SummaryListDocumentInput): PartyDocument {
  const workplace = input.workplaceName.trim() || 'cơ quan, đơn vị, doanh nghiệp';
  return {
    header: {
      superiorName: upper(input.organizationLines.superior),
      issuerName: upper(input.organizationLines.issuer),
      numberLine: '',
      placeDateLine: formatPlaceDate(input.place, input.date),
    },
    kind: SUMMARY_LIST_KIND,
    subject: `đảng viên tự phê bình trước quần chúng ${workplace} năm ${input.year}`,
    note: '(nhiệm vụ của từng người, tóm tắt những ưu điểm, khuyết điểm chính)',
    body: [
      {
        kind: 'table',
        columns: SUMMARY_LIST_COLUMNS,
        rows: input.members.map((member, index) => [
          String(index + 1),
          member.fullName.trim(),
          multiline(member.duty),
          multiline(member.strengths),
          multiline(member.shortcomings),
        ]),
      },
    ],
    recipients: [],
    signature: {
      capacity: upper(input.signingCapacity),
      title: upper(input.signerTitle),
      name: input.signerName,
    },
  };
}
