import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pdfMake from 'pdfmake';
import type {
  Column,
  Content,
  ContentText,
  CustomTableLayout,
  TDocumentDefinitions,
} from 'pdfmake/interfaces';
import { toNfc } from '../domain/text.js';
import { FONTS_DIR } from '../paths.js';
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
  type Signature,
  signatureShares,
  type TextRun,
  type WriterHeader,
} from './party-document.js';

export const PDF_FONT = 'LiberationSerif';
const pt = (mm: number) => (mm * 72) / 25.4;
const TEXT_WIDTH = pt(LAYOUT.pageMm.width - LAYOUT.marginMm.left - LAYOUT.marginMm.right);
const LEFT_WIDTH = TEXT_WIDTH * LAYOUT.leftColumnShare;
const RIGHT_WIDTH = TEXT_WIDTH - LEFT_WIDTH;
const SIZE = LAYOUT.fontSizePt;

let fontsLoaded = false;

/** The parts of a fontkit font that sharing touches (fontkit 2's TTFFont). */
interface FontkitFont {
  getGlyph(id: number, characters?: number[]): { codePoints: number[] } | null;
}
/** The parts of pdfkit's font that sharing touches (pdfkit 0.19's EmbeddedFont). */
interface PdfKitFont {
  font: FontkitFont;
  layoutCache?: Record<string, unknown>;
  constructor: new (document: PdfKitDocument, font: FontkitFont, id: string) => PdfKitFont;
}
/** The parts of pdfmake's pdfkit document (`pdfmake/js/PDFDocument.js`) that sharing touches. */
interface PdfKitDocument {
  fontCache: Record<string, Record<string, PdfKitFont>>;
  _fontFamilies: Record<string, PdfKitFont>;
  _fontCount: number;
  getFontType(bold: boolean, italics: boolean): string;
  provideFont(family: string, bold: boolean, italics: boolean): PdfKitFont;
}

/** Words whose shaped glyphs are kept for every later document; then the cache starts again. */
const SHARED_LAYOUT_WORDS = 20_000;

/**
 * fontkit keeps the first glyph object it makes for a glyph id, with the characters it was asked
 * for. Subsetting asks for glyphs by id alone (the parts of an accented letter), so in a shared
 * font a later document would find `A` or `Ơ` with no character, and pdfkit would map them to
 * nothing in the PDF's text layer ("C QU N" for "CƠ QUAN" when copied). A glyph made that way takes
 * the characters of the first lookup that has some, as a font of its own would have given it.
 */
function keepGlyphCharacters(font: FontkitFont): void {
  const getGlyph = font.getGlyph;
  font.getGlyph = function (this: FontkitFont, id, characters = []) {
    const glyph = getGlyph.call(this, id, characters);
    if (glyph && glyph.codePoints.length === 0 && characters.length > 0) glyph.codePoints = characters;
    return glyph;
  };
}

/**
 * pdfkit parses each font anew for every document (fontkit.create on the file's bytes, then every
 * table it reads decoded again) and shapes every word again with an empty cache: a CPU profile of
 * the plan's PDF spent about 40 % of its time there. The parsed font is read-only once built (but
 * see keepGlyphCharacters), and a document's use of it is synchronous (measuring, drawing and
 * subsetting never wait), so every document shares one fontkit font a style and one cache of
 * shaped words; each still gets its own pdfkit font, with its own subset and widths, so the
 * embedded fonts are the same as before.
 */
function shareParsedFonts(): void {
  const require = createRequire(import.meta.url);
  const { default: PdfmakeDocument } = require('pdfmake/js/PDFDocument.js') as {
    default: { prototype: PdfKitDocument };
  };
  const provideFont = PdfmakeDocument.prototype.provideFont;
  const parsed = new Map<string, { font: PdfKitFont; words: Record<string, unknown> }>();
  PdfmakeDocument.prototype.provideFont = function (this: PdfKitDocument, family, bold, italics) {
    const type = this.getFontType(bold, italics);
    const cached = this.fontCache[family]?.[type];
    if (cached) return cached;
    const key = `${family}\u0000${type}`;
    const first = parsed.get(key);
    if (!first) {
      const font = provideFont.call(this, family, bold, italics);
      if (font.layoutCache) {
        keepGlyphCharacters(font.font);
        parsed.set(key, { font, words: font.layoutCache });
      }
      return font;
    }
    if (Object.keys(first.words).length > SHARED_LAYOUT_WORDS) {
      first.words = Object.create(null) as Record<string, unknown>;
    }
    // What pdfkit's doc.font() does for a new font: an id, a place among the fonts it embeds.
    const id = `F${++this._fontCount}`;
    const font = new first.font.constructor(this, first.font.font, id);
    font.layoutCache = first.words;
    this._fontFamilies[id] = font;
    this.fontCache[family] = { ...this.fontCache[family], [type]: font };
    return font;
  };
}

/**
 * Liberation Serif is metric-compatible with Times New Roman (the DOCX font), so lines break alike.
 * The TTFs are committed so every machine embeds the same font. They are read once into pdfmake's
 * virtual file system, so pdfmake reads no file at all; the access policies forbid any.
 */
export function loadFonts(): void {
  if (fontsLoaded) return;
  const files = {
    normal: 'LiberationSerif-Regular.ttf',
    bold: 'LiberationSerif-Bold.ttf',
    italics: 'LiberationSerif-Italic.ttf',
    bolditalics: 'LiberationSerif-BoldItalic.ttf',
  };
  // pdfmake's server build has a virtual file system that its typings do not declare.
  const { virtualfs } = pdfMake as unknown as {
    virtualfs: { writeFileSync(name: string, content: Buffer): void };
  };
  for (const file of Object.values(files)) virtualfs.writeFileSync(file, readFileSync(join(FONTS_DIR, file)));
  pdfMake.setFonts({ [PDF_FONT]: files });
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy(() => false);
  shareParsedFonts();
  fontsLoaded = true;
}

const BORDERLESS: CustomTableLayout = {
  defaultBorder: false,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

/**
 * pdfmake justifies a line by spreading the spare width between its inlines, and a style change
 * inside a word (`(` then italic `qua`) makes two inlines, so a gap opens inside the word. Moving
 * the short fragment (the bracket, the comma) into its neighbour's style keeps each word one inline.
 */
function keepWordsWhole(runs: TextRun[]): TextRun[] {
  const glued = runs.map((run) => ({ ...run, text: toNfc(run.text) }));
  for (let index = 1; index < glued.length; index++) {
    const before = glued[index - 1]!;
    const after = glued[index]!;
    const tail = /\S+$/.exec(before.text)?.[0] ?? '';
    const head = /^\S+/.exec(after.text)?.[0] ?? '';
    if (!tail || !head) continue;
    if (tail.length <= head.length) {
      before.text = before.text.slice(0, -tail.length);
      after.text = tail + after.text;
    } else {
      before.text += head;
      after.text = after.text.slice(head.length);
    }
  }
  return glued.filter((run) => run.text.length > 0);
}

/**
 * pdfmake breaks lines after `-` and `/` and opens a justification gap at every break it may take
 * (`3054- QĐ/ TU`): a joined word goes as one unbreakable inline, with the space after it, so the
 * line keeps it whole and spreads its spare width between real words only.
 */
function joinedInlines(run: TextRun): ContentText[] {
  // Only the styles a run sets: an inline's `bold: undefined` must not hide its paragraph's bold.
  const style = { ...(run.bold ? { bold: true } : {}), ...(run.italic ? { italics: true } : {}) };
  const parts = joinedWordParts(run.text);
  const out: ContentText[] = [];
  for (const [index, part] of parts.entries()) {
    if (!part.joined) {
      if (part.text) out.push({ text: part.text, ...style });
      continue;
    }
    const next = parts[index + 1];
    const space = next && !next.joined ? (/^\s+/.exec(next.text)?.[0] ?? '') : '';
    if (next && space) next.text = next.text.slice(space.length);
    out.push({ text: part.text + space, noWrap: true, ...style });
  }
  return out;
}

function inlines(runs: TextRun[]): ContentText[] {
  return keepWordsWhole(runs).flatMap(joinedInlines);
}

const centred = (text: string, style: Partial<ContentText> = {}): ContentText => ({
  text: inlines([{ text }]),
  alignment: 'center',
  ...style,
});

function partyNameAndRule(): Content[] {
  const ruleLength = pt(60);
  return [
    centred(PARTY_NAME, { bold: true, fontSize: SIZE.partyName }),
    {
      canvas: [
        {
          type: 'line',
          x1: (RIGHT_WIDTH - ruleLength) / 2,
          y1: 1,
          x2: (RIGHT_WIDTH + ruleLength) / 2,
          y2: 1,
          lineWidth: 0.6,
        },
      ],
    },
  ];
}

function writerHeaderTable(header: WriterHeader): Content {
  const organization = header.organizationLines.map((line, index) => centred(line, { bold: index > 0 }));
  return {
    layout: BORDERLESS,
    table: {
      widths: [LEFT_WIDTH, RIGHT_WIDTH],
      body: [
        [
          { stack: organization.length > 0 ? organization : [centred(' ')] },
          {
            stack: [
              ...partyNameAndRule(),
              centred(header.placeDateLine, { italics: true, margin: [0, LAYOUT.spaceAfterPt, 0, 0] }),
            ],
          },
        ],
      ],
    },
  };
}

function headerTable(header: DocumentHeader | WriterHeader): Content {
  if (isWriterHeader(header)) return writerHeaderTable(header);
  return {
    layout: BORDERLESS,
    table: {
      widths: [LEFT_WIDTH, RIGHT_WIDTH],
      body: [
        [
          {
            stack: [
              ...(header.superiorName ? [centred(header.superiorName)] : []),
              centred(header.issuerName, { bold: true }),
              centred('*'),
            ],
          },
          { stack: partyNameAndRule() },
        ],
        [centred(header.numberLine), centred(header.placeDateLine, { italics: true })],
      ],
    },
  };
}

function titleBlock(doc: PartyDocument): Content[] {
  return [
    centred(doc.kind, { bold: true, fontSize: SIZE.kind, margin: [0, 18, 0, 0] }),
    ...(doc.subject ? [centred(doc.subject, { bold: true })] : []),
    ...(doc.note ? [centred(doc.note, { italics: true })] : []),
    ...(doc.draft ? [centred(DRAFT_MARK, { bold: true, margin: [0, 6, 0, 0] })] : []),
    { text: '', margin: [0, 0, 0, 12] },
  ];
}

// Dotted leaders: the bottom border of an empty one-line cell, dashed into dots, so the dots end
// at the margin whatever the width of the label before them (pdfmake has no tab leaders).
const DOTTED: CustomTableLayout = {
  hLineWidth: (index, node) => (index === node.table.body.length ? 0.8 : 0),
  vLineWidth: () => 0,
  hLineStyle: () => ({ dash: { length: 0.8, space: 2.6 } }),
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

function fillContent(runs: TextRun[]): Content {
  const margin: [number, number, number, number] = [0, 0, 0, LAYOUT.spaceAfterPt];
  const dots: Column = { width: '*', layout: DOTTED, table: { widths: ['*'], body: [[{ text: ' ' }]] } };
  if (runs.length === 0) return { columns: [dots], margin };
  const label: Column = {
    width: 'auto',
    text: inlines(runs),
    margin: [pt(LAYOUT.firstLineIndentCm * 10), 0, 0, 0],
  };
  return { columns: [label, dots], columnGap: 2, margin };
}

function gridTable(block: Extract<BodyBlock, { kind: 'table' }>): Content {
  const cell = (text: string, header: boolean, align: 'left' | 'center'): Content => ({
    text: inlines([{ text }]),
    bold: header || undefined,
    alignment: header ? 'center' : align,
    fontSize: SIZE.table,
    lineHeight: 1,
  });
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: block.columns.map((column) => column.share * TEXT_WIDTH - 8),
      body: [
        block.columns.map((column) => cell(column.title, true, 'center')),
        ...block.rows.map((row) =>
          block.columns.map((column, index) => cell(row[index] ?? '', false, column.align ?? 'left')),
        ),
      ],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      paddingLeft: () => 3.5,
      paddingRight: () => 3.5,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    margin: [0, 0, 0, LAYOUT.spaceAfterPt],
  };
}

function bodyContent(block: BodyBlock): Content {
  if (block.kind === 'table') return gridTable(block);
  if (block.kind === 'fill') return fillContent(block.runs);
  const after = block.kind === 'paragraph' && block.tight ? 0 : LAYOUT.spaceAfterPt;
  if (block.kind === 'centered') {
    return { text: inlines(block.runs), alignment: 'center', bold: true, margin: [0, 0, 0, after] };
  }
  // A heading is left-aligned: justified, its short words would stand apart (`II- ĐỐI TƯỢNG, …`).
  return {
    text: inlines(block.runs),
    alignment: block.kind === 'heading' ? 'left' : 'justify',
    leadingIndent: pt(LAYOUT.firstLineIndentCm * 10),
    bold: block.kind === 'heading' || undefined,
    headlineLevel: block.kind === 'heading' ? 1 : undefined,
    margin: [0, 0, 0, after],
  };
}

function recipients(doc: PartyDocument): Content[] {
  return [
    { text: RECIPIENTS_LABEL, decoration: 'underline' },
    ...doc.recipients.map(
      (item): Content => ({ text: inlines([{ text: item }]), fontSize: SIZE.recipients }),
    ),
  ];
}

function closingLeft(doc: PartyDocument): Content[] {
  if (doc.closingNote) {
    return [
      centred(doc.closingNote.title, { bold: true, margin: [0, 0, 0, LAYOUT.spaceAfterPt] }),
      ...doc.closingNote.body.map(bodyContent),
    ];
  }
  if (doc.recipients.length === 0) return [{ text: ' ' }];
  return recipients(doc);
}

function signingStack(signature: Signature): Content[] {
  return [
    ...(signature.capacity ? [centred(signature.capacity, { bold: true })] : []),
    centred(signature.title, { bold: true }),
    ...Array.from({ length: LAYOUT.signatureSpaceLines }, () => centred(' ')),
    centred(signature.name, { bold: true }),
  ];
}

function closingTable(doc: PartyDocument): Content[] {
  if (doc.signatures) {
    const below: Content[] =
      doc.recipients.length > 0
        ? [{ stack: recipients(doc), margin: [0, LAYOUT.spaceAfterPt * 2, 0, 0] }]
        : [];
    if (doc.signatures.length === 0) return below;
    return [
      {
        layout: BORDERLESS,
        table: {
          widths: signatureShares(doc.signatures).map((share) => share * TEXT_WIDTH),
          dontBreakRows: true,
          body: [doc.signatures.map((signature) => ({ stack: signingStack(signature) }))],
        },
      },
      ...below,
    ];
  }
  return [
    {
      layout: BORDERLESS,
      table: {
        widths: [LEFT_WIDTH, RIGHT_WIDTH],
        dontBreakRows: true,
        body: [[{ stack: closingLeft(doc) }, { stack: signingStack(doc.signature) }]],
      },
    },
  ];
}

function appendixContent(doc: PartyDocument): Content[] {
  const { appendix } = doc;
  if (!appendix) return [];
  return [
    centred(appendix.title, { bold: true, pageBreak: 'before' }),
    ...(appendix.subtitle ? [centred(appendix.subtitle, { italics: true })] : []),
    { text: '', margin: [0, 0, 0, 12] },
    ...appendix.body.map(bodyContent),
  ];
}

const documentTitle = (doc: PartyDocument) =>
  isWriterHeader(doc.header) || !doc.header.numberLine ? doc.kind : `${doc.kind} ${doc.header.numberLine}`;

function documentContent(doc: PartyDocument): Content[] {
  return [
    headerTable(doc.header),
    ...titleBlock(doc),
    ...doc.body.map(bodyContent),
    { text: '', margin: [0, 0, 0, 6] },
    ...closingTable(doc),
    ...appendixContent(doc),
  ];
}

/** One document, or several in one file, each starting on a new page (pre-filled forms). */
export async function renderPdf(docs: PartyDocument | PartyDocument[]): Promise<Buffer> {
  loadFonts();
  const all = Array.isArray(docs) ? docs : [docs];
  const first = all[0];
  if (!first) throw new Error('renderPdf needs a document');
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [
      pt(LAYOUT.marginMm.left),
      pt(LAYOUT.marginMm.top),
      pt(LAYOUT.marginMm.right),
      pt(LAYOUT.marginMm.bottom),
    ],
    info: { title: toNfc(documentTitle(first)), creator: 'tuphebinh' },
    defaultStyle: { font: PDF_FONT, fontSize: SIZE.body, lineHeight: LAYOUT.lineSpacing },
    // A heading is never the last line of a page: it moves to the next page with what it heads.
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length === 0,
    content: all.map(
      (doc, index): Content => ({ stack: documentContent(doc), pageBreak: index > 0 ? 'before' : undefined }),
    ),
  };
  return pdfMake.createPdf(definition).getBuffer();
}
