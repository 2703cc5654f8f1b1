import pdfMake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatCode } from '../domain/phone-codes.js';
import { toNfc } from '../domain/text.js';
import { loadFonts, PDF_FONT } from './pdf.js';

/** The sheet of one-time codes the committee prints, cuts up and hands out at random. */
export interface QrSheetInput {
  workplaceName: string;
  /** dd/mm/yyyy */
  meetingDate: string;
  /** Where people reach the server, without a trailing slash: `https://tuphebinh.example.vn`. */
  origin: string;
  codes: string[];
}

const COLUMNS = 3;
const MARGIN = 28;
const A4_WIDTH = 595.28;
const CELL_WIDTH = (A4_WIDTH - 2 * MARGIN) / COLUMNS;

/** The code travels in the URL fragment, which browsers never send: it stays out of every server log. */
export const phoneFormUrl = (origin: string, code: string) => `${origin}/phieu#${code}`;

export const sheetInstruction = (origin: string) =>
  `Quét mã hoặc vào ${origin}/phieu và nhập mã để góp ý ẩn danh`;

function cell(input: QrSheetInput, code: string): Content {
  return {
    stack: [
      { qr: phoneFormUrl(input.origin, code), fit: 108, alignment: 'center', eccLevel: 'M' },
      { text: formatCode(code), fontSize: 17, bold: true, alignment: 'center', margin: [0, 6, 0, 3] },
      { text: sheetInstruction(input.origin), fontSize: 8, alignment: 'center' },
    ],
    margin: [6, 10, 6, 10],
  };
}

export function qrSheetDefinition(input: QrSheetInput): TDocumentDefinitions {
  const rows: Content[][] = [];
  for (let start = 0; start < input.codes.length; start += COLUMNS) {
    const row: Content[] = input.codes.slice(start, start + COLUMNS).map((code) => cell(input, code));
    while (row.length < COLUMNS) row.push({ text: '' });
    rows.push(row);
  }
  const heading = toNfc(`Mã góp ý ẩn danh — ${input.workplaceName} — buổi họp ngày ${input.meetingDate}`);
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN, MARGIN + 14, MARGIN, MARGIN],
    info: { title: heading, creator: 'tuphebinh' },
    defaultStyle: { font: PDF_FONT, fontSize: 10 },
    header: (page, pages) => ({
      text: `${heading} (trang ${page}/${pages})`,
      fontSize: 9,
      italics: true,
      alignment: 'center',
      margin: [MARGIN, 14, MARGIN, 0],
    }),
    content: [
      {
        table: { widths: Array(COLUMNS).fill(CELL_WIDTH - 1), body: rows, dontBreakRows: true },
        // Dashed lines are where the sheet is cut into slips.
        layout: {
          hLineStyle: () => ({ dash: { length: 4, space: 3 } }),
          vLineStyle: () => ({ dash: { length: 4, space: 3 } }),
          hLineColor: () => '#888888',
          vLineColor: () => '#888888',
        },
      },
    ],
  };
}

export async function renderQrSheet(input: QrSheetInput): Promise<Buffer> {
  loadFonts();
  return pdfMake.createPdf(qrSheetDefinition(input)).getBuffer();
}
