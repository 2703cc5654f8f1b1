import type ExcelJS from 'exceljs';
import { hasControlCharacters } from '../domain/control-characters.js';

/**
 * What every spreadsheet the app writes or reads goes through (issue 13). Writers call
 * `writeXlsx` instead of `workbook.xlsx.writeBuffer()`; readers of uploaded workbooks call
 * `cellsWithControlCharacters` and `restoreNeutralizedText`. A CSV writer would call
 * `neutralizeFormulaText` on every field.
 */

/**
 * OWASP's CSV-injection rule: a cell starting with one of these is read as a formula once the
 * sheet is edited in Excel or saved as CSV (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`, `-2+3`).
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALIZED = /^''*[=+\-@\t\r]/;

/**
 * Text that would start a formula gets a leading apostrophe, so it stays text wherever it goes.
 * Text already starting with apostrophes before such a character gets one more, so reading back
 * (`restoreNeutralizedText`) always gives the original.
 */
export function neutralizeFormulaText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text a person meant, from a cell of a workbook the app wrote (a roster exported, edited, imported). */
export function restoreNeutralizedText(text: string): string {
  return NEUTRALIZED.test(text) ? text.slice(1) : text;
}

/** Neutralizes every text cell of every sheet; numbers, dates and booleans stay what they are. */
export function neutralizeWorkbook(workbook: ExcelJS.Workbook): void {
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value;
        if (typeof value === 'string') {
          cell.value = neutralizeFormulaText(value);
        } else if (value && typeof value === 'object' && 'richText' in value && value.richText.length) {
          const [first, ...rest] = value.richText;
          cell.value = { richText: [{ ...first!, text: neutralizeFormulaText(first!.text) }, ...rest] };
        }
      });
    });
  }
}

/** The one way the app turns a workbook into bytes: neutralized first. */
export async function writeXlsx(workbook: ExcelJS.Workbook): Promise<Buffer> {
  neutralizeWorkbook(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface CellAddress {
  sheet: string;
  address: string;
}

/**
 * Cells of an uploaded workbook whose text holds a control character. XML cannot carry them
 * literally, but Excel's `_x0000_` escapes can, and exceljs decodes them. Line breaks (Alt+Enter)
 * and tabs are ordinary in a cell.
 */
export function cellsWithControlCharacters(workbook: ExcelJS.Workbook): CellAddress[] {
  const found: CellAddress[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cellStrings(cell.value).some((text) => hasControlCharacters(text, 'multiline'))) {
          found.push({ sheet: sheet.name, address: cell.address });
        }
      });
    });
  }
  return found;
}

function cellStrings(value: ExcelJS.CellValue): string[] {
  if (typeof value === 'string') return [value];
  if (!value || typeof value !== 'object' || value instanceof Date) return [];
  if ('richText' in value) return value.richText.map((part) => part.text);
  if ('hyperlink' in value) return [String(value.text ?? ''), value.hyperlink];
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return typeof result === 'string' ? [result] : [];
  }
  return [];
}
