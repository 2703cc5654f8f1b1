import type { PartyDocument, TableColumn } from './party-document.js';
import { formatPlaceDate, numberLine, punctuateRecipients } from './plan-text.js';

export interface RemediationRow {
  action: string;
  /** The member's name, or the organization's for a collective item. */
  responsibleName: string;
  /** yyyy-mm-dd */
  deadline: string;
  /** Vietnamese label of the status, overdue included. */
  statusLabel: string;
}

/** DESIGN step 8: the remediation plan built from the accepted points of one meeting. */
export interface RemediationDocumentInput {
  /** `ĐẢNG BỘ …` above the cell */
  superiorName: string;
  /** `CHI BỘ …`, the issuer */
  issuerName: string;
  /** The cell's abbreviation in `Số ....-KH/CB` (the number is written by hand). */
  shortName: string;
  /** `Nơi nhận:`: the level the cell reports to and its own archive, as the tree names them. */
  recipients: string[];
  place: string;
  /** ISO day of the document; null leaves it to fill by hand. */
  date: string | null;
  year: number;
  workplaceName: string;
  items: RemediationRow[];
}

export const REMEDIATION_KIND = 'KẾ HOẠCH';
export const REMEDIATION_SUBJECT = 'KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM';

export const REMEDIATION_COLUMNS: TableColumn[] = [
  { title: 'TT', share: 0.07, align: 'center' },
  { title: 'Nội dung khắc phục', share: 0.38 },
  { title: 'Người/tổ chức chịu trách nhiệm', share: 0.22 },
  // Wide enough for `31/12/2026` at 13 pt, which never breaks.
  { title: 'Thời hạn', share: 0.16, align: 'center' },
  { title: 'Tình trạng', share: 0.17 },
];

const upper = (text: string) => text.toLocaleUpperCase('vi');
const ddmmyyyy = (isoDay: string) => isoDay.split('-').reverse().join('/');

export function buildRemediationDocument(input: RemediationDocumentInput): PartyDocument {
  const workplace = input.workplaceName.trim() || 'cơ quan, đơn vị, doanh nghiệp';
  return {
    header: {
      superiorName: upper(input.superiorName),
      issuerName: upper(input.issuerName),
      numberLine: numberLine(undefined, 'KH', input.shortName),
      placeDateLine: formatPlaceDate(input.place, input.date),
    },
    kind: `${REMEDIATION_KIND} ${REMEDIATION_SUBJECT}`,
    subject: `sau tự phê bình và phê bình trước quần chúng tại ${workplace} năm ${input.year}`,
    body: [
      {
        kind: 'table',
        columns: REMEDIATION_COLUMNS,
        rows: input.items.map((item, index) => [
          String(index + 1),
          item.action.trim(),
          item.responsibleName.trim(),
          ddmmyyyy(item.deadline),
          item.statusLabel,
        ]),
      },
    ],
    recipients: punctuateRecipients(input.recipients),
    signature: { capacity: 'T/M CHI ỦY', title: 'BÍ THƯ', name: '' },
  };
}
