import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  cellsWithControlCharacters,
  neutralizeFormulaText,
  restoreNeutralizedText,
  writeXlsx,
} from './xlsx-cells.js';

describe('formula neutralization (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://evil","click")', `'=HYPERLINK("http://evil","click")`],
    ["+cmd|' /C calc'!A0", `'+cmd|' /C calc'!A0`],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['-2+3', "'-2+3"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['Nguyễn Văn Tám', 'Nguyễn Văn Tám'],
    ['a=1', 'a=1'],
    ["'=1", "''=1"],
    ["'tên", "'tên"],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(neutralizeFormulaText(text)).toBe(expected);
    expect(restoreNeutralizedText(neutralizeFormulaText(text))).toBe(text);
  });

  it('writes text cells neutralized and leaves numbers, dates and booleans alone', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Thử');
    const day = new Date(Date.UTC(2026, 10, 15));
    sheet.addRow(['=1+1', -5, 3.5, day, true, '+84912345678', 'Bình thường']);
    sheet.addRow([{ richText: [{ text: '@SUM(A1)' }, { text: ' đậm', font: { bold: true } }] }]);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load((await writeXlsx(workbook)) as unknown as ArrayBuffer);
    const back = read.getWorksheet('Thử')!;
    expect(back.getRow(1).values).toEqual([
      undefined,
      "'=1+1",
      -5,
      3.5,
      day,
      true,
      "'+84912345678",
      'Bình thường',
    ]);
    expect(back.getCell('A2').text).toBe("'@SUM(A1) đậm");
    back.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('is the only way the app writes a workbook', () => {
    const root = join(import.meta.dirname, '..');
    const writers = sourceFiles(root)
      .filter((file) => !file.endsWith('.test.ts') && !file.endsWith('-fixtures.ts'))
      .filter((file) => /\.xlsx\.write(Buffer|File)?\(|\.csv\.write/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(writers).toEqual(['documents/xlsx-cells.ts']);
  });
});

describe('control characters in an uploaded workbook', () => {
  it("finds the cells holding one through Excel's _x0000_ escapes, line breaks allowed", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(['Nguyễn Văn Tám', 'dòng 1\ndòng 2', 'a_x0000_b']);
    sheet.addRow(['chuông_x0007_']);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(await workbook.xlsx.writeBuffer());
    expect(cellsWithControlCharacters(read)).toEqual([
      { sheet: 'Danh sách', address: 'C1' },
      { sheet: 'Danh sách', address: 'A2' },
    ]);
  });
});

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}
