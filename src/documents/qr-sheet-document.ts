import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import pdfMake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatCode } from '../domain/phone-codes.js';
import { toNfc } from '../domain/text.js';
import { loadFonts, PDF_FONT } from './pdf-fonts.js';
import { qrCode } from './qr-png.js';

/** The sheet of one-time codes the committee prints, cuts up and hands out at random. */
export interface QrSheetInput {
  workplaceName: string;
  /** dd/mm/yyyy */
  meetingDate: string;
  /** Where people reach the server, without a trailing slash: `https://tuphebinh.example.vn`. */
  origin: string;
  codes: string[];
}

/**
 * The sheet's geometry, shared by the PDF and the DOCX: A4, the same margin on every side (office
 * printers leave 4–6 mm unprinted at the edges, so the cut lines stay well inside), the heading in
 * the top margin's lower part, three slips a row centred between the margins.
 */
export const QR_SHEET = {
  pageMm: { width: 210, height: 297 },
  marginMm: 15,
  /** Where the heading starts, inside the top margin and well clear of the unprinted edge. */
  headingTopMm: 12,
  columns: 3,
  qrMm: 38,
  codePt: 17,
  instructionPt: 8,
  headingPt: 9,
} as const;

const FONT = 'Times New Roman';
const pt = (mm: number) => (mm * 72) / 25.4;
const twip = (mm: number) => Math.round((mm * 1440) / 25.4);
const GRID_MM = QR_SHEET.pageMm.width - 2 * QR_SHEET.marginMm;
const LINE_PT = 0.5;

/** The code travels in the URL fragment, which browsers never send: it stays out of every server log. */
export const phoneFormUrl = (origin: string, code: string) => `${origin}/phieu#${code}`;

export const sheetInstruction = (origin: string) =>
  `Quét mã hoặc vào ${origin}/phieu và nhập mã để góp ý ẩn danh`;

const sheetHeading = (input: QrSheetInput) =>
  toNfc(`Mã góp ý ẩn danh — ${input.workplaceName} — buổi họp ngày ${input.meetingDate}`);

/** The codes in rows of three; the last row is completed with empty slips. */
function slipRows<T>(codes: string[], slip: (code: string) => T, empty: () => T): T[][] {
  const rows: T[][] = [];
  for (let start = 0; start < codes.length; start += QR_SHEET.columns) {
    const row = codes.slice(start, start + QR_SHEET.columns).map(slip);
    while (row.length < QR_SHEET.columns) row.push(empty());
    rows.push(row);
  }
  return rows;
}

/** Pixels a module in the PDF's QR image: 16 puts a 33-module code at about 380 dpi. */
const PDF_PIXELS_PER_MODULE = 16;

/**
 * The QR code as a bilevel image, whole points a module and as wide as pdfmake's own `qr` node
 * drew it (`floor(fit / modules)` points a module). pdfmake drew each dark module as a rectangle
 * of its own, about 500 a code, with colour parsing and an object each: seconds for a sheet.
 */
function pdfQrImage(url: string): Content {
  const qr = qrCode(url);
  const side = Math.floor(pt(QR_SHEET.qrMm) / qr.modules) * qr.modules;
  const png = qr.png(qr.modules * PDF_PIXELS_PER_MODULE);
  return {
    image: `data:image/png;base64,${png.toString('base64')}`,
    width: side,
    height: side,
    alignment: 'center',
  };
}

function pdfSlip(input: QrSheetInput, code: string): Content {
  return {
    stack: [
      pdfQrImage(phoneFormUrl(input.origin, code)),
      {
        text: formatCode(code),
        fontSize: QR_SHEET.codePt,
        bold: true,
        alignment: 'center',
        margin: [0, 6, 0, 3],
      },
      { text: sheetInstruction(input.origin), fontSize: QR_SHEET.instructionPt, alignment: 'center' },
    ],
    margin: [8, 10, 8, 10],
  };
}

export function qrSheetDefinition(input: QrSheetInput): TDocumentDefinitions {
  const margin = pt(QR_SHEET.marginMm);
  const heading = sheetHeading(input);
  // pdfmake adds each column's padding and lines to its width: with no padding, three columns
  // and four lines fill the grid exactly, so its sides sit on the margins.
  const columnWidth = (pt(GRID_MM) - (QR_SHEET.columns + 1) * LINE_PT) / QR_SHEET.columns;
  return {
    pageSize: 'A4',
    pageMargins: [margin, margin + 6, margin, margin],
    info: { title: heading, creator: 'tuphebinh' },
    defaultStyle: { font: PDF_FONT, fontSize: 10 },
    header: (page, pages) => ({
      text: `${heading} (trang ${page}/${pages})`,
      fontSize: QR_SHEET.headingPt,
      italics: true,
      alignment: 'center',
      margin: [margin, pt(QR_SHEET.headingTopMm), margin, 0],
    }),
    content: [
      {
        table: {
          widths: Array(QR_SHEET.columns).fill(columnWidth),
          body: slipRows<Content>(
            input.codes,
            (code) => pdfSlip(input, code),
            () => ({ text: '' }),
          ),
          dontBreakRows: true,
        },
        // Dashed lines are where the sheet is cut into slips.
        layout: {
          hLineWidth: () => LINE_PT,
          vLineWidth: () => LINE_PT,
          hLineStyle: () => ({ dash: { length: 4, space: 3 } }),
          vLineStyle: () => ({ dash: { length: 4, space: 3 } }),
          hLineColor: () => '#888888',
          vLineColor: () => '#888888',
          paddingLeft: () => 0,
          paddingRight: () => 0,
          paddingTop: () => 0,
          paddingBottom: () => 0,
        },
      },
    ],
  };
}

export async function renderQrSheet(input: QrSheetInput): Promise<Buffer> {
  loadFonts();
  return pdfMake.createPdf(qrSheetDefinition(input)).getBuffer();
}

const CUT = { style: BorderStyle.DASHED, size: 4, color: '888888' };
const QR_PIXELS = Math.round((QR_SHEET.qrMm / 25.4) * 96);

function docxParagraph(text: string, sizePt: number, options: { bold?: boolean; before?: number } = {}) {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: options.before ?? 0, after: 0 },
    children: [new TextRun({ text: toNfc(text), font: FONT, size: sizePt * 2, bold: options.bold })],
  });
}

function docxSlip(input: QrSheetInput, code: string, index: number, width: number): TableCell {
  // Four pixels for each pixel of its place on the page at 96 dpi: sharp when printed.
  const png = qrCode(phoneFormUrl(input.origin, code)).png(QR_PIXELS * 4);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    margins: { top: 200, bottom: 200, left: 120, right: 120 },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new ImageRun({
            type: 'png',
            data: png,
            transformation: { width: QR_PIXELS, height: QR_PIXELS },
            // docx 9.7.1 numbers every drawing 1 unless told; Word refuses two drawings with one id.
            altText: {
              id: String(index + 1),
              name: `QR ${index + 1}`,
              title: formatCode(code),
              description: sheetInstruction(input.origin),
            },
          }),
        ],
      }),
      docxParagraph(formatCode(code), QR_SHEET.codePt, { bold: true, before: 120 }),
      docxParagraph(sheetInstruction(input.origin), QR_SHEET.instructionPt, { before: 60 }),
    ],
  });
}

/** The same sheet as DOCX, for a committee that prints from Word; the codes exist only in this file. */
export async function renderQrSheetDocx(input: QrSheetInput): Promise<Buffer> {
  const columnWidth = Math.floor(twip(GRID_MM) / QR_SHEET.columns);
  const empty = () =>
    new TableCell({ width: { size: columnWidth, type: WidthType.DXA }, children: [new Paragraph({})] });
  const cells = input.codes.map((code, index) => docxSlip(input, code, index, columnWidth));
  let next = 0;
  const rows = slipRows(input.codes, () => cells[next++]!, empty).map(
    (row) => new TableRow({ cantSplit: true, children: row }),
  );
  const margin = twip(QR_SHEET.marginMm);
  const document = new Document({
    creator: 'tuphebinh',
    title: sheetHeading(input),
    sections: [
      {
        properties: {
          page: {
            size: { width: twip(QR_SHEET.pageMm.width), height: twip(QR_SHEET.pageMm.height) },
            margin: {
              top: margin + twip(6),
              bottom: margin,
              left: margin,
              right: margin,
              header: twip(QR_SHEET.headingTopMm),
              footer: 0,
              gutter: 0,
            },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [
                      sheetHeading(input),
                      ' (trang ',
                      PageNumber.CURRENT,
                      '/',
                      PageNumber.TOTAL_PAGES,
                      ')',
                    ],
                    font: FONT,
                    size: QR_SHEET.headingPt * 2,
                    italics: true,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Table({
            width: { size: columnWidth * QR_SHEET.columns, type: WidthType.DXA },
            columnWidths: Array(QR_SHEET.columns).fill(columnWidth),
            layout: TableLayoutType.FIXED,
            alignment: AlignmentType.CENTER,
            borders: {
              top: CUT,
              bottom: CUT,
              left: CUT,
              right: CUT,
              insideHorizontal: CUT,
              insideVertical: CUT,
            },
            rows,
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
