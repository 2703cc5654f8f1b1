import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
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
