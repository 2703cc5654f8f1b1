import { StringDecoder } from 'node:string_decoder';
import type ExcelJS from 'exceljs';

/**
 * ExcelJS's streaming reader (4.4.0) decodes each inflated chunk of a part on its own
 * (`lib/utils/parse-sax.js`), so a multi-byte UTF-8 character split across two chunks comes out
 * as two U+FFFD: "Cơ quan số 448" read back as "Cơ quan s��� 448", about one cell in a thousand of
 * a large Vietnamese workbook (exceljs/exceljs#2084, #2316; the fixes are unmerged). This reader
 * hands the parser text instead of bytes: the zip entries it parses (shared strings, workbook,
 * styles) decode as UTF-8 streams, and worksheets (inline strings) go through a StringDecoder that
 * carries a split character over to the next chunk.
 */
type Entry = NodeJS.ReadableStream & { setEncoding(encoding: BufferEncoding): unknown };
type Reader = ExcelJS.stream.xlsx.WorkbookReader;
type ReaderInternals = {
  _parseRels(entry: Entry): Promise<void>;
  _parseWorkbook(entry: Entry): Promise<void>;
  _parseStyles(entry: Entry): Promise<void>;
  _parseSharedStrings(entry: Entry): AsyncGenerator<unknown>;
  _parseHyperlinks(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
};

export async function* utf8Text(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

const readers = new WeakMap<typeof ExcelJS, new (input: NodeJS.ReadableStream, options: object) => Reader>();

/** `new ExcelJS.stream.xlsx.WorkbookReader(input, options)`, reading multi-byte text whole. */
export function utf8WorkbookReader(
  excel: typeof ExcelJS,
  input: NodeJS.ReadableStream,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
): Reader {
  let Safe = readers.get(excel);
  if (!Safe) {
    const Base = excel.stream.xlsx.WorkbookReader as unknown as new (
      input: NodeJS.ReadableStream,
      options: object,
    ) => ReaderInternals;
    class Utf8WorkbookReader extends Base {
      override _parseRels(entry: Entry) {
        entry.setEncoding('utf8');
        return super._parseRels(entry);
      }
      override _parseWorkbook(entry: Entry) {
        entry.setEncoding('utf8');
        return super._parseWorkbook(entry);
      }
      override _parseStyles(entry: Entry) {
        entry.setEncoding('utf8');
        return super._parseStyles(entry);
      }
      override _parseSharedStrings(entry: Entry) {
        entry.setEncoding('utf8');
        return super._parseSharedStrings(entry);
      }
      override _parseHyperlinks(iterator: AsyncIterable<unknown>, sheetNo: string) {
        return super._parseHyperlinks(utf8Text(iterator), sheetNo);
      }
      override _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string) {
        return super._parseWorksheet(utf8Text(iterator), sheetNo);
      }
    }
    Safe = Utf8WorkbookReader as unknown as new (input: NodeJS.ReadableStream, options: object) => Reader;
    readers.set(excel, Safe);
  }
  return new Safe(input, options);
}
