import type { DocumentHeaderLines } from '../domain/party-header.js';
import type { PartyDocument, TableColumn } from './party-document.js';
import { formatPlaceDate } from './plan-text.js';

/**
 * Issue 16: the sheet of accounts issued in bulk, one per cell, for the cell's committee to hand
 * out (each person signs for theirs). The one-time passwords exist only in this file: the database
 * keeps their hashes, and each must be changed at the first sign-in.
 */
export interface AccountSheetInput {
  /** The cell's own header lines (its superior over itself). */
  organizationLines: DocumentHeaderLines;
  cellName: string;
  place: string;
  /** ISO date of issue (Vietnam time). */
  date: string;
  /** Where people sign in: `https://tuphebinh.example.vn`. */
  origin: string;
  rows: { fullName: string; workplaceName: string; username: string; password: string }[];
}

export const ACCOUNT_SHEET_COLUMNS: TableColumn[] = [
  { title: 'STT', share: 0.07, align: 'center' },
  { title: 'Họ và tên', share: 0.22 },
  { title: 'Cơ quan, đơn vị', share: 0.18 },
  { title: 'Tên đăng nhập', share: 0.16 },
  // Wide enough for a whole password on one line: a password split over two lines gets copied wrong.
  { title: 'Mật khẩu dùng một lần', share: 0.25 },
  { title: 'Ký nhận', share: 0.12 },
];

const upper = (text: string) => text.toLocaleUpperCase('vi');

export function buildAccountSheetDocument(input: AccountSheetInput): PartyDocument {
  return {
    header: {
      superiorName: upper(input.organizationLines.superior),
      issuerName: upper(input.organizationLines.issuer),
      numberLine: '',
      placeDateLine: formatPlaceDate(input.place, input.date),
    },
    kind: 'DANH SÁCH',
    subject: `tài khoản đăng nhập hệ thống tự phê bình và phê bình\n${input.cellName}`,
    note: '(mật khẩu dùng một lần, phải đổi ở lần đăng nhập đầu tiên)',
    body: [
      {
        kind: 'paragraph',
        runs: [
          {
            text: `Mỗi người đăng nhập tại ${input.origin} bằng tên đăng nhập và mật khẩu dùng một lần dưới đây, rồi đặt mật khẩu của riêng mình. Mật khẩu dùng một lần chỉ in trên danh sách này, không ai xem lại được; người làm mất thì đề nghị quản trị cấp lại (mật khẩu cũ hết hiệu lực ngay).`,
          },
        ],
      },
      {
        kind: 'table',
        columns: ACCOUNT_SHEET_COLUMNS,
        rows: input.rows.map((row, index) => [
          String(index + 1),
          row.fullName,
          row.workplaceName,
          row.username,
          row.password,
          '',
        ]),
      },
    ],
    recipients: [],
    signature: { capacity: 'T/M CHI ỦY', title: 'BÍ THƯ', name: '' },
  };
}
