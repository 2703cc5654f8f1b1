import pdfMake from 'pdfmake';
import type {
  Column,
  Content,
  ContentText,
  CustomTableLayout,
  TDocumentDefinitions,
} from 'pdfmake/interfaces';
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
  type Signature,
  signatureShares,
  type TextRun,
  type WriterHeader,
} from './party-document.js';
import { loadFonts, PDF_FONT } from './pdf-fonts.js';

const pt = (mm: number) => (mm * 72) / 25.4;
const TEXT_WIDTH = pt(LAYOUT.pageMm.width - LAYOUT.marginMm.left - LAYOUT.marginMm.right);
const LEFT_WIDTH = TEXT_WIDTH * LAYOUT.leftColumnShare;
const RIGHT_WIDTH = TEXT_WIDTH - LEFT_WIDTH;
const SIZE = LAYOUT.fontSizePt;

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
