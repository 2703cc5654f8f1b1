import {
  AlignmentType,
  BorderStyle,
  Document,
  LeaderType,
  LineRuleType,
  NoBreakHyphen,
  Packer,
  Paragraph,
  type ParagraphChild,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { toNfc } from '../domain/text.js';
import {
  type BodyBlock,
  type DocumentHeader,
  DRAFT_MARK,
  isWriterHeader,
  joinedWordParts,
  LAYOUT,
  PARTY_NAME,
  type PartyDocument,
  RECIPIENTS_LABEL,
  type TextRun as Run,
  type Signature,
  signatureShares,
  type WriterHeader,
} from './party-document.js';

const FONT = 'Times New Roman';
// docx's own conversion floors: 210 mm would give 11905 twips instead of A4's 11906.
const twip = (mm: number) => Math.round((mm * 1440) / 25.4);
const halfPoints = (pt: number) => pt * 2;
const pointsTwips = (pt: number) => pt * 20;
const TEXT_WIDTH = twip(LAYOUT.pageMm.width - LAYOUT.marginMm.left - LAYOUT.marginMm.right);
const LEFT_WIDTH = Math.round(TEXT_WIDTH * LAYOUT.leftColumnShare);
const RIGHT_WIDTH = TEXT_WIDTH - LEFT_WIDTH;
const LINE = { line: Math.round(240 * LAYOUT.lineSpacing), lineRule: LineRuleType.AUTO };
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  sizePt?: number;
}

// Word and LibreOffice break a line after `-` and `/`: inside a joined word (`3054-QĐ/TU`,
// `27/11/2017`) the hyphen is Word's non-breaking hyphen and the slash is followed by a WORD JOINER.
const WORD_JOINER = '\u2060';

function lineChildren(line: string): (string | NoBreakHyphen)[] {
  return joinedWordParts(line).flatMap((part) => {
    if (!part.joined) return [part.text];
    return part.text
      .replaceAll('/', `/${WORD_JOINER}`)
      .split('-')
      .flatMap((piece, index) => (index === 0 ? [piece] : [new NoBreakHyphen(), piece]))
      .filter((child) => child !== '');
  });
}

/** Every run names its font and size, so the document reads the same without our styles. */
function textRuns(runs: Run[], style: RunStyle = {}): ParagraphChild[] {
  return runs.flatMap((run) =>
    toNfc(run.text)
      .split('\n')
      // A run with nothing in it is left out: a paragraph may have no run at all.
      .flatMap((line, index) =>
        line === '' && index === 0
          ? []
          : [
              new TextRun({
                children: lineChildren(line),
                break: index > 0 ? 1 : undefined,
                font: FONT,
                size: halfPoints(style.sizePt ?? LAYOUT.fontSizePt.body),
                bold: style.bold || run.bold || undefined,
                italics: style.italic || run.italic || undefined,
                underline: style.underline ? {} : undefined,
              }),
            ],
      ),
  );
}

function centred(text: string, style: RunStyle = {}, spaceAfterPt = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: pointsTwips(spaceAfterPt), ...LINE },
    children: textRuns([{ text }], style),
  });
}

/** The short rule under `ĐẢNG CỘNG SẢN VIỆT NAM`: a bottom border on a narrow, nearly empty paragraph. */
function partyRule(): Paragraph {
  const ruleWidth = twip(60);
  const side = Math.round((RIGHT_WIDTH - ruleWidth) / 2);
  return new Paragraph({
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } },
    spacing: { after: pointsTwips(LAYOUT.spaceAfterPt), line: 80, lineRule: LineRuleType.EXACT },
  });
}

function cell(width: number, children: (Paragraph | Table)[]): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    children,
  });
}

/** A borderless table of columns side by side; its rows never split across pages (a signature stays whole). */
function sideBySide(widths: number[], rows: (Paragraph | Table)[][][]): Table {
  return new Table({
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    // Word pads cells 0.19 cm by default; the header's columns need their full width to break as the seed.
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map((children, index) => cell(widths[index] ?? 0, children)),
        }),
    ),
  });
}

const twoColumns = (rows: [(Paragraph | Table)[], Paragraph[]][]) =>
  sideBySide([LEFT_WIDTH, RIGHT_WIDTH], rows);

function writerHeaderTable(header: WriterHeader): Table {
  const organization = header.organizationLines.map((line, index) => centred(line, { bold: index > 0 }));
  return twoColumns([
    [
      organization.length > 0 ? organization : [centred('')],
      [
        centred(PARTY_NAME, { bold: true, sizePt: LAYOUT.fontSizePt.partyName }),
        partyRule(),
        centred(header.placeDateLine, { italic: true }),
      ],
    ],
  ]);
}

function headerTable(header: DocumentHeader | WriterHeader): Table {
  if (isWriterHeader(header)) return writerHeaderTable(header);
  return twoColumns([
    [
      [
        ...(header.superiorName ? [centred(header.superiorName)] : []),
        centred(header.issuerName, { bold: true }),
        centred('*'),
      ],
      [centred(PARTY_NAME, { bold: true, sizePt: LAYOUT.fontSizePt.partyName }), partyRule()],
    ],
    [[centred(header.numberLine)], [centred(header.placeDateLine, { italic: true })]],
  ]);
}

function titleBlock(doc: PartyDocument): Paragraph[] {
  const paragraphs = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: pointsTwips(18), ...LINE },
      children: textRuns([{ text: doc.kind }], { bold: true, sizePt: LAYOUT.fontSizePt.kind }),
    }),
  ];
  if (doc.subject) paragraphs.push(centred(doc.subject, { bold: true }));
  if (doc.note) paragraphs.push(centred(doc.note, { italic: true }));
  if (doc.draft)
    paragraphs.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: pointsTwips(6), ...LINE },
        children: textRuns([{ text: DRAFT_MARK }], { bold: true }),
      }),
    );
  paragraphs.push(new Paragraph({ spacing: { after: pointsTwips(6), ...LINE }, children: [] }));
  return paragraphs;
}

/** Text, a tab, and dotted leaders up to a right tab stop at `width` (the text or cell width). */
function fillParagraph(runs: Run[], width: number): Paragraph {
  return new Paragraph({
    indent: runs.length > 0 ? { firstLine: twip(LAYOUT.firstLineIndentCm * 10) } : undefined,
    spacing: { after: pointsTwips(LAYOUT.spaceAfterPt), ...LINE },
    tabStops: [{ type: TabStopType.RIGHT, position: width, leader: LeaderType.DOT }],
    children: [
      ...textRuns(runs),
      new TextRun({ children: [new Tab()], font: FONT, size: halfPoints(LAYOUT.fontSizePt.body) }),
    ],
  });
}

const GRID = { style: BorderStyle.SINGLE, size: 4, color: 'auto' };
const GRID_BORDERS = {
  top: GRID,
  bottom: GRID,
  left: GRID,
  right: GRID,
  insideHorizontal: GRID,
  insideVertical: GRID,
};

function tableCellParagraphs(text: string, style: RunStyle, align: 'left' | 'center'): Paragraph[] {
  return toNfc(text)
    .split('\n')
    .map(
      (line) =>
        new Paragraph({
          alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO },
          children: textRuns([{ text: line }], { sizePt: LAYOUT.fontSizePt.table, ...style }),
        }),
    );
}

function gridTable(block: Extract<BodyBlock, { kind: 'table' }>, width: number): Table {
  const widths = block.columns.map((column) => Math.round(width * column.share));
  const row = (cells: string[], header: boolean) =>
    new TableRow({
      tableHeader: header || undefined,
      cantSplit: true,
      children: block.columns.map(
        (column, index) =>
          new TableCell({
            width: { size: widths[index] ?? 0, type: WidthType.DXA },
            verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
            children: tableCellParagraphs(
              cells[index] ?? '',
              { bold: header },
              header ? 'center' : (column.align ?? 'left'),
            ),
          }),
      ),
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    margins: { left: 80, right: 80, top: 0, bottom: 0 },
    rows: [
      row(
        block.columns.map((column) => column.title),
        true,
      ),
      ...block.rows.map((cells) => row(cells, false)),
    ],
  });
}

/**
 * A body's blocks in order. A table cannot hold space after itself in OOXML, so the paragraph
 * after a table takes it as space before (the PDF's table has it as its bottom margin).
 */
function bodyElements(blocks: readonly BodyBlock[], width = TEXT_WIDTH): (Paragraph | Table)[] {
  return blocks.map((block, index) => bodyElement(block, width, blocks[index - 1]?.kind === 'table'));
}

function bodyElement(block: BodyBlock, width: number, afterTable: boolean): Paragraph | Table {
  if (block.kind === 'table') return gridTable(block, width);
  if (block.kind === 'fill') return fillParagraph(block.runs, width);
  const spaceAfter = pointsTwips(block.kind === 'paragraph' && block.tight ? 0 : LAYOUT.spaceAfterPt);
  const spaceBefore = afterTable ? pointsTwips(LAYOUT.spaceAfterPt) : undefined;
  if (block.kind === 'centered') {
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: spaceBefore, after: spaceAfter, ...LINE },
      children: textRuns(block.runs, { bold: true }),
    });
  }
  // A heading is left-aligned: justified, its short words would stand apart (`II- ĐỐI TƯỢNG, …`).
  return new Paragraph({
    alignment: block.kind === 'heading' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
    indent: { firstLine: twip(LAYOUT.firstLineIndentCm * 10) },
    spacing: { before: spaceBefore, after: spaceAfter, ...LINE },
    keepNext: block.kind === 'heading',
    children: textRuns(block.runs, { bold: block.kind === 'heading' }),
  });
}

function closingLeft(doc: PartyDocument): (Paragraph | Table)[] {
  if (doc.closingNote) {
    return [
      centred(doc.closingNote.title, { bold: true }, LAYOUT.spaceAfterPt),
      ...bodyElements(doc.closingNote.body, LEFT_WIDTH),
    ];
  }
  if (doc.recipients.length === 0) return [centred('')];
  return recipients(doc);
}

function recipients(doc: PartyDocument, spaceBeforePt = 0): Paragraph[] {
  return [
    new Paragraph({
      spacing: { before: pointsTwips(spaceBeforePt), ...LINE },
      keepNext: true,
      children: textRuns([{ text: RECIPIENTS_LABEL }], { underline: true }),
    }),
    ...doc.recipients.map(
      (item, index) =>
        new Paragraph({
          keepNext: index < doc.recipients.length - 1,
          children: textRuns([{ text: item }], { sizePt: LAYOUT.fontSizePt.recipients }),
        }),
    ),
  ];
}

function signingParagraphs(signature: Signature): Paragraph[] {
  return [
    ...(signature.capacity ? [centred(signature.capacity, { bold: true })] : []),
    centred(signature.title, { bold: true }),
    ...Array.from({ length: LAYOUT.signatureSpaceLines }, () => centred('')),
    centred(signature.name, { bold: true }),
  ];
}

/** One column per signer, as wide as its title needs, borderless. */
function signersSideBySide(signatures: Signature[]): Table {
  const shares = signatureShares(signatures);
  const widths = shares.map((share) => Math.floor(TEXT_WIDTH * share));
  return sideBySide(widths, [signatures.map(signingParagraphs)]);
}

function closingTable(doc: PartyDocument): (Table | Paragraph)[] {
  if (doc.signatures) {
    const below = doc.recipients.length > 0 ? recipients(doc, LAYOUT.spaceAfterPt * 2) : [];
    return doc.signatures.length > 0 ? [signersSideBySide(doc.signatures), ...below] : below;
  }
  return [twoColumns([[closingLeft(doc), signingParagraphs(doc.signature)]])];
}

function appendixParagraphs(doc: PartyDocument): (Paragraph | Table)[] {
  const { appendix } = doc;
  if (!appendix) return [];
  return [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      spacing: LINE,
      children: textRuns([{ text: appendix.title }], { bold: true }),
    }),
    ...(appendix.subtitle ? [centred(appendix.subtitle, { italic: true })] : []),
    new Paragraph({ spacing: { after: pointsTwips(6), ...LINE }, children: [] }),
    ...bodyElements(appendix.body),
  ];
}

/** One document, or several in one file, each starting on a new page (pre-filled forms). */
export async function renderDocx(docs: PartyDocument | PartyDocument[]): Promise<Buffer> {
  const all = Array.isArray(docs) ? docs : [docs];
  const document = new Document({
    styles: {
      default: { document: { run: { font: FONT, size: halfPoints(LAYOUT.fontSizePt.body) } } },
    },
    sections: all.map((doc) => ({
      properties: {
        page: {
          size: { width: twip(LAYOUT.pageMm.width), height: twip(LAYOUT.pageMm.height) },
          margin: {
            top: twip(LAYOUT.marginMm.top),
            bottom: twip(LAYOUT.marginMm.bottom),
            left: twip(LAYOUT.marginMm.left),
            right: twip(LAYOUT.marginMm.right),
            header: 0,
            footer: 0,
            gutter: 0,
          },
        },
      },
      children: [
        headerTable(doc.header),
        ...titleBlock(doc),
        ...bodyElements(doc.body),
        new Paragraph({ spacing: LINE, children: [] }),
        ...closingTable(doc),
        ...appendixParagraphs(doc),
      ],
    })),
  });
  return Packer.toBuffer(document);
}
