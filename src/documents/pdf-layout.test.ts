import { describe, expect, it } from 'vitest';
import { everyDocument } from './fixtures.js';
import { isWriterHeader, joinedWordParts, type PartyDocument } from './party-document.js';
import { renderPdf } from './pdf.js';
import { PLAN_HEADINGS } from './plan-document.js';
import { type PdfWord, pdfWords } from './read-exports.js';

/**
 * Issue 12: "Quy định số 3054- QĐ/ TU". pdfmake broke justified lines after `-` and `/` and opened
 * a justification gap at each place it may break. These tests read every line of every document
 * as pdf.js sees it — each word where it is drawn — and fail on a reference split across words or
 * a gap opened inside a word.
 */

/** Every text a document holds, as entered: where its references and dates come from. */
function documentTexts(doc: PartyDocument): string[] {
  const header = isWriterHeader(doc.header)
    ? [...doc.header.organizationLines, doc.header.placeDateLine]
    : [doc.header.superiorName, doc.header.issuerName, doc.header.numberLine, doc.header.placeDateLine];
  const blocks = [...doc.body, ...(doc.closingNote?.body ?? []), ...(doc.appendix?.body ?? [])];
  return [
    ...header,
    doc.kind,
    doc.subject ?? '',
    doc.note ?? '',
    ...blocks.flatMap((block) =>
      block.kind === 'table' ? block.rows.flat() : [block.runs.map((run) => run.text).join('')],
    ),
    ...doc.recipients,
  ];
}

/** `3054-QĐ/TU,`, `27/11/2017`, `(b/c),`: every word joined by `-` or `/` in the document's text. */
function joinedWords(docs: PartyDocument[]): Set<string> {
  const words = docs
    .flatMap(documentTexts)
    .flatMap((text) => text.split('\n'))
    .flatMap((line) => joinedWordParts(line).filter((part) => part.joined))
    .map((part) => part.text);
  return new Set(words);
}

/** The document's text as whitespace-separated words, to tell a word's pieces from two cells' words. */
const sourceWords = (docs: PartyDocument[]) =>
  ` ${docs.flatMap(documentTexts).join(' ').split(/\s+/).join(' ')} `;

/** The words of each line of a page: same baseline, left to right as drawn. */
function lines(words: PdfWord[]): PdfWord[][] {
  const result: PdfWord[][] = [];
  for (const word of words) {
    const line = result.at(-1);
    const last = line?.at(-1);
    if (line && last && Math.abs(last.y - word.y) < 0.5 && word.x >= last.x) line.push(word);
    else result.push([word]);
  }
  return result;
}

const GAP_PT = 0.3;

describe.each(everyDocument())('the PDF of the $name', ({ document }) => {
  const docs = Array.isArray(document) ? document : [document];
  let pages: PdfWord[][];

  it('keeps every reference and date whole, on one line and in one word', async () => {
    pages = await pdfWords(await renderPdf(document));
    const joined = joinedWords(docs);
    const split: string[] = [];
    for (const words of pages) {
      const text = words.map((word) => word.text).join('');
      const starts = new Set<number>();
      let at = 0;
      for (const word of words) {
        starts.add(at);
        at += word.text.length;
      }
      for (const reference of joined) {
        for (let found = text.indexOf(reference); found >= 0; found = text.indexOf(reference, found + 1)) {
          const inside = [...starts].filter((start) => start > found && start < found + reference.length);
          if (inside.length > 0) split.push(`${reference} drawn as ${inside.length + 1} words`);
        }
      }
    }
    expect(split).toEqual([]);
  });

  it('opens justification gaps between words only, never inside one', async () => {
    pages ??= await pdfWords(await renderPdf(document));
    const source = sourceWords(docs);
    const inside: string[] = [];
    for (const words of pages)
      for (const line of lines(words))
        for (const [index, word] of line.entries()) {
          const next = line[index + 1];
          if (!next || /\s$/.test(word.text) || /^\s/.test(next.text)) continue;
          // Two pieces of one written word (`3054-` and `QĐ/`), not the last word of one cell and the first of the next.
          const piece = `${/\S+$/.exec(word.text)?.[0] ?? ''}${/^\S+/.exec(next.text)?.[0] ?? ''}`;
          if (!source.includes(piece)) continue;
          const gap = next.x - word.end;
          if (gap > GAP_PT) inside.push(`${gap.toFixed(1)} pt inside «${word.text}|${next.text}»`);
        }
    expect(inside).toEqual([]);
  });
});

describe.each(everyDocument())('the signatures of the $name', ({ document }) => {
  it('keep each capacity and title on one line of its column', async () => {
    const docs = Array.isArray(document) ? document : [document];
    const titles = docs
      .flatMap((doc) => doc.signatures ?? [doc.signature])
      .flatMap((signature) => [signature.capacity ?? '', signature.title])
      .filter(Boolean);
    const drawn = (await pdfWords(await renderPdf(document))).flatMap((words) =>
      lines(words).map((line) => line.map((word) => word.text).join('')),
    );
    for (const title of titles)
      expect(
        drawn.some((line) => line.includes(title)),
        title,
      ).toBe(true);
  });
});

describe('what the PDF tests look for', () => {
  it('finds the seed’s references and dates among the plan’s joined words', () => {
    const plan = everyDocument().find((entry) => entry.name === 'plan')!.document as PartyDocument;
    expect([...joinedWords([plan])]).toEqual(expect.arrayContaining(['3054-QĐ/TU,', '27/11/2017', '(b/c),']));
  });
});

describe('headings of the plan', () => {
  it('are left-aligned: no gap is stretched between their words', async () => {
    const plan = everyDocument().find((entry) => entry.name === 'plan')!.document;
    const [first, ...rest] = await pdfWords(await renderPdf(plan));
    const all = lines([...first!, ...rest.flat()]);
    const conduct = all.filter((line) =>
      line
        .map((word) => word.text)
        .join('')
        .startsWith('II- ĐỐI TƯỢNG'),
    );
    expect(conduct).toHaveLength(1);
    const heading = conduct[0]!;
    // The heading wraps: its first line would be justified if it were not left-aligned.
    expect(heading.map((word) => word.text).join('')).not.toBe(`${PLAN_HEADINGS.conduct} `);
    for (const [index, word] of heading.slice(0, -1).entries())
      expect(heading[index + 1]!.x - word.end, word.text).toBeLessThan(GAP_PT);
  });
});
