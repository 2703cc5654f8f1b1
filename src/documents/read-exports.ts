import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import yauzl from 'yauzl';

/** Test support: what a reader of an exported file would find in it. */

/** One file of a zip (a DOCX is one), as text. */
export function zipEntryText(zipBuffer: Buffer, entryName: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zipBuffer, { lazyEntries: true }, (openError, zip) => {
      if (openError) return reject(openError);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== entryName) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => reject(new Error(`${entryName} missing`)));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

export const documentXml = (docx: Buffer) => zipEntryText(docx, 'word/document.xml');

const decodeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * The text of each `w:p`, in order, as a reader copies it: `w:br` a line break, Word's
 * non-breaking hyphen a `-`, the invisible word joiner that keeps `QĐ/TU` on one line left out.
 */
export function docxParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map(([paragraph]) =>
    [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:noBreakHyphen\/>/g)]
      .map((match) => {
        if (match[0] === '<w:br/>') return '\n';
        if (match[0] === '<w:noBreakHyphen/>') return '-';
        return decodeXml(match[1] ?? '').replaceAll('\u2060', '');
      })
      .join(''),
  );
}

/**
 * The `w:r` elements whose text contains `text` (`>text<`: is exactly `text`), to read their formatting.
 */
export function docxRunsContaining(xml: string, text: string): string[] {
  return [...xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)]
    .map(([run]) => run)
    .filter((run) => run.includes(text) || `>${docxParagraphs(`<w:p>${run}</w:p>`)[0]}<`.includes(text));
}

/** The PDF's text, one string per line as pdf.js reports them. */
export async function pdfLines(pdf: Buffer): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const lines: string[] = [];
  let current = '';
  for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber++) {
    const page = await document.getPage(pageNumber);
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      current += item.str;
      if (item.hasEOL) {
        lines.push(current);
        current = '';
      }
    }
    if (current) lines.push(current);
    current = '';
  }
  await document.destroy();
  return lines;
}

/** A word as a PDF draws it: one text-showing operation, where it starts and where it ends. */
export interface PdfWord {
  text: string;
  /** Start and end of the word on its line, in points (the end after its trailing space, if any). */
  x: number;
  end: number;
  /** The line's baseline as the page draws it: words of one line share it. */
  y: number;
  fontSize: number;
}

/**
 * The words of each page, in drawing order. pdfmake draws every inline (a word with its trailing
 * space, or a piece of one where the style changes) as its own text operation at its own position,
 * so the gaps a justified line opens are the distances between one word's end and the next's start.
 */
export async function pdfWords(pdf: Buffer): Promise<PdfWord[][]> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages: PdfWord[][] = [];
  for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber++) {
    const page = await document.getPage(pageNumber);
    const { fnArray, argsArray } = await page.getOperatorList();
    const words: PdfWord[] = [];
    let x = 0;
    let y = 0;
    let fontSize = 0;
    for (const [index, fn] of fnArray.entries()) {
      const args = argsArray[index];
      if (fn === OPS.setTextMatrix) {
        const matrix = args[0] as ArrayLike<number>;
        x = matrix[4] ?? 0;
        y = matrix[5] ?? 0;
      } else if (fn === OPS.setFont) {
        fontSize = args[1] as number;
      } else if (fn === OPS.showText) {
        const glyphs = args[0] as (number | { unicode: string; width: number })[];
        let text = '';
        let advance = 0;
        for (const glyph of glyphs) {
          if (typeof glyph === 'number') advance -= glyph;
          else {
            text += glyph.unicode;
            advance += glyph.width;
          }
        }
        const end = x + (advance / 1000) * fontSize;
        words.push({ text, x, end, y, fontSize });
        x = end;
      }
    }
    pages.push(words);
  }
  await document.destroy();
  return pages;
}

/** Where a page is inked: the box around every path and text it draws, in points from its edges. */
export interface PdfInkMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/**
 * The margins left blank on each page: paths (cut lines, QR modules) through the current
 * transformation, text through pdf.js's text positions. An office printer cannot print the
 * outer 4–6 mm of a sheet, so what matters is that nothing is drawn there.
 */
export async function pdfInkMargins(pdf: Buffer): Promise<PdfInkMargins[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages: PdfInkMargins[] = [];
  for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber++) {
    const page = await document.getPage(pageNumber);
    const [, , width, height] = page.view as [number, number, number, number];
    let box = { minX: Number.POSITIVE_INFINITY, minY: Number.POSITIVE_INFINITY, maxX: -1, maxY: -1 };
    const include = (x: number, y: number) => {
      box = {
        minX: Math.min(box.minX, x),
        minY: Math.min(box.minY, y),
        maxX: Math.max(box.maxX, x),
        maxY: Math.max(box.maxY, y),
      };
    };
    const { fnArray, argsArray } = await page.getOperatorList();
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    const saved: Matrix[] = [];
    for (const [index, fn] of fnArray.entries()) {
      const args = argsArray[index];
      if (fn === OPS.save) saved.push(ctm);
      else if (fn === OPS.restore) ctm = saved.pop() ?? ctm;
      else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
      else if (fn === OPS.constructPath) {
        const minMax = args[2] as ArrayLike<number> | null;
        if (!minMax) continue;
        const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = Array.from(minMax);
        for (const [x, y] of [
          [x0, y0],
          [x1, y1],
          [x0, y1],
          [x1, y0],
        ] as const)
          include(ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]);
      }
    }
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const [x, y] = [item.transform[4] as number, item.transform[5] as number];
      include(x, y - item.height * 0.25);
      include(x + item.width, y + item.height);
    }
    pages.push({ left: box.minX, right: width - box.maxX, bottom: box.minY, top: height - box.maxY });
  }
  await document.destroy();
  return pages;
}
