import { Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type ExcelJS from 'exceljs';
import { ORGANIZATION_KIND_LABELS, organizationKind } from '../../contract/organizations.js';
import { utf8WorkbookReader } from '../../documents/xlsx-stream-reader.js';
import { hasControlCharacters } from '../../domain/control-characters.js';
import type {
  WorkbookOrganization,
  WorkbookPerson,
  WorkbookSheet,
  WorkbookWorkplace,
} from '../../domain/province-workbook.js';
import { foldVietnamese, tidyName } from '../../domain/text.js';
import { AppError } from '../errors.js';
import { loadExcelJS } from '../lazy-libraries.js';
import {
  cellText,
  type Parsed,
  parseBirthDate,
  parseDay,
  parseEmploymentType,
  parseGender,
  parseYesNo,
} from '../people/roster-cells.js';
import { assertSafeXlsx, entries, openZip } from '../people/roster-upload.js';
import { COLUMNS, GUIDE_SHEET_NAME, MAX_CELL_LENGTH, MAX_ROWS, SHEET_NAMES } from './columns.js';

export interface WorkbookError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export interface ReadWorkbook {
  organizations: WorkbookOrganization[];
  workplaces: WorkbookWorkplace[];
  people: WorkbookPerson[];
  errors: WorkbookError[];
}

export type ReadProgress = (rowsRead: number) => void;

/** Excel writes a control character as `_x0000_`; the streaming reader leaves the escape as it is. */
const CONTROL_ESCAPE = /_x(00[01][0-9A-Fa-f]|007[Ff])_/;

const headerKey = (header: string) => foldVietnamese(header).split('(')[0]!.trim();
const SHEET_BY_NAME = new Map(
  (Object.entries(SHEET_NAMES) as [WorkbookSheet, string][]).map(([sheet, name]) => [
    foldVietnamese(name),
    sheet,
  ]),
);
const KIND_BY_LABEL = new Map(
  Object.entries(ORGANIZATION_KIND_LABELS).flatMap(([kind, label]) => [
    [foldVietnamese(label), kind],
    [kind, kind],
  ]),
);

const unreadable = (message: string) => new AppError('unprocessable', message, [], { errors: [] });

/**
 * Reads the workbook as a stream (a province's 120 000 people never sit in memory as cells), and
 * collects every bad cell: formulas, control characters, over-long text, unreadable values. The
 * whole file is refused at once for what cannot be a register: not an .xlsx, a zip bomb, a sheet
 * of too many rows, a missing sheet or header.
 */
export async function readProvinceWorkbook(
  buffer: Buffer,
  onProgress: ReadProgress = () => {},
): Promise<ReadWorkbook> {
  await assertSafeXlsx(buffer);
  await assertFewRows(buffer);
  const result: ReadWorkbook = { organizations: [], workplaces: [], people: [], errors: [] };
  const seen = new Set<WorkbookSheet>();
  let rowsRead = 0;
  const reader = utf8WorkbookReader(await loadExcelJS(), Readable.from([buffer]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      const sheet = SHEET_BY_NAME.get(foldVietnamese(name));
      if (!sheet || seen.has(sheet)) {
        if (foldVietnamese(name) !== foldVietnamese(GUIDE_SHEET_NAME)) {
          // Still walk it: a million empty rows in an extra sheet is refused like anywhere else.
          for await (const row of worksheet) {
            if (row.number > MAX_ROWS.people + 1) throw tooManyRows(name, MAX_ROWS.people);
          }
        }
        continue;
      }
      seen.add(sheet);
      const columns = COLUMNS[sheet];
      const columnOf = new Map<string, number>();
      const fail = (row: number, key: string, message: string) =>
        result.errors.push({
          sheet: name,
          row,
          column: columns.find((column) => column.key === key)?.header ?? key,
          message,
        });
      for await (const row of worksheet) {
        rowsRead++;
        if (rowsRead % 500 === 0) {
          onProgress(rowsRead);
          await yieldToEventLoop();
        }
        if (row.number > MAX_ROWS[sheet] + 1) throw tooManyRows(name, MAX_ROWS[sheet]);
        if (row.number === 1) {
          row.eachCell((cell, columnNumber) => {
            const key = columns.find(
              (column) => headerKey(column.header) === headerKey(cellText(cell.value)),
            )?.key;
            if (key && !columnOf.has(key)) columnOf.set(key, columnNumber);
          });
          const missing = columns.filter((column) => column.required && !columnOf.has(column.key));
          for (const column of missing) fail(1, column.key, 'Thiếu cột này ở dòng tiêu đề.');
          continue;
        }
        const raw = new Map<string, ExcelJS.CellValue>();
        let empty = true;
        let cellsOk = true;
        for (const [key, columnNumber] of columnOf) {
          const cell = row.getCell(columnNumber);
          const value = cell.value;
          if (value === null || value === undefined || value === '') continue;
          empty = false;
          if (
            typeof value === 'object' &&
            !(value instanceof Date) &&
            ('formula' in value || 'sharedFormula' in value)
          ) {
            fail(
              row.number,
              key,
              `Ô ${cell.address} chứa công thức; hãy dán giá trị (Paste Values) thay cho công thức.`,
            );
            cellsOk = false;
            continue;
          }
          const text = cellText(value);
          if (CONTROL_ESCAPE.test(text) || hasControlCharacters(text, 'multiline')) {
            fail(row.number, key, `Ô ${cell.address} có ký tự điều khiển không hợp lệ (như ký tự NUL).`);
            cellsOk = false;
            continue;
          }
          if (text.length > MAX_CELL_LENGTH) {
            fail(
              row.number,
              key,
              `Ô ${cell.address} dài ${text.length} ký tự, quá ${MAX_CELL_LENGTH} ký tự cho phép.`,
            );
            cellsOk = false;
            continue;
          }
          raw.set(key, value);
        }
        if (empty || !cellsOk) continue;
        const text = (key: string) =>
          cellText(raw.get(key) ?? null)
            .normalize('NFC')
            .trim();
        const take = <T>(key: string, parsed: Parsed<T>, fallback: T): T => {
          if (parsed.ok) return parsed.value;
          fail(row.number, key, parsed.message);
          return fallback;
        };
        if (sheet === 'organizations') {
          const kindText = text('kind');
          let kind = KIND_BY_LABEL.get(foldVietnamese(kindText)) ?? '';
          if (!kind && kindText) {
            if (organizationKind.safeParse(kindText).success) kind = kindText;
            else
              fail(
                row.number,
                'kind',
                `Loại tổ chức không hợp lệ; ghi một trong: ${Object.values(ORGANIZATION_KIND_LABELS).join(', ')}.`,
              );
          }
          result.organizations.push({
            row: row.number,
            code: text('code'),
            name: tidyName(text('name')),
            kind,
            parentCode: text('parentCode'),
          });
        } else if (sheet === 'workplaces') {
          result.workplaces.push({
            row: row.number,
            code: text('code'),
            name: tidyName(text('name')),
            organizationCode: text('organizationCode'),
            address: text('address'),
          });
        } else {
          const cell = (key: string) => raw.get(key) ?? null;
          const card = text('partyCardNumber');
          result.people.push({
            row: row.number,
            staffCode: text('staffCode'),
            partyCardNumber: card || null,
            fullName: tidyName(text('fullName')),
            birthDate: take('birthDate', parseBirthDate(cell('birthDate')), null),
            gender: take('gender', parseGender(cell('gender')), null),
            workplaceCode: text('workplaceCode'),
            jobTitle: text('jobTitle'),
            employmentType: take('employmentType', parseEmploymentType(cell('employmentType')), 'permanent'),
            isPartyMember: take('isPartyMember', parseYesNo(cell('isPartyMember')), false),
            cellCode: text('cellCode'),
            partyOffice: text('partyOffice'),
            governmentOffice: text('governmentOffice'),
            isCommitteeMember: take('isCommitteeMember', parseYesNo(cell('isCommitteeMember')), false),
            assignedDuty: text('assignedDuty'),
            startedOn: take('startedOn', parseDay(cell('startedOn'), 'Ngày vào làm'), null),
            leftOn: take('leftOn', parseDay(cell('leftOn'), 'Ngày nghỉ việc'), null),
            leavingReason: text('leavingReason'),
            distinctConfirmed: take('distinctConfirmed', parseYesNo(cell('distinctConfirmed')), false),
          });
          if (!text('fullName')) fail(row.number, 'fullName', 'Họ và tên không được để trống.');
        }
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('unsupported_media', 'Tệp không phải bảng tính Excel (.xlsx) đọc được.');
  }
  onProgress(rowsRead);
  if (!seen.has('organizations') && !seen.has('workplaces') && !seen.has('people')) {
    throw unreadable(
      `Tệp không có trang nào của sổ nhập: cần các trang "${SHEET_NAMES.organizations}", "${SHEET_NAMES.workplaces}", "${SHEET_NAMES.people}" (tải mẫu để xem).`,
    );
  }
  return result;
}

const tooManyRows = (sheet: string, max: number) =>
  unreadable(
    `Trang "${sheet}" có quá nhiều dòng (tối đa ${max.toLocaleString('vi-VN')} dòng); có thể trang chứa hàng loạt dòng trống — hãy xóa các dòng thừa rồi tải lên lại. Chưa có dữ liệu nào được ghi.`,
  );

/**
 * Counts the rows of every worksheet part while inflating it, before any parsing: a sheet of a
 * million empty rows is refused in a second instead of being walked row by row.
 */
async function assertFewRows(buffer: Buffer): Promise<void> {
  const zip = await openZip(buffer);
  const max = MAX_ROWS.people + 1;
  try {
    for await (const entry of entries(zip)) {
      if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.fileName)) continue;
      const rows = await new Promise<number>((resolve, reject) => {
        zip.openReadStream(entry, (error, stream) => {
          if (error) return reject(error);
          let count = 0;
          let tail = '';
          stream.on('data', (chunk: Buffer) => {
            const text = tail + chunk.toString('latin1');
            count += text.split('<row').length - 1 - (tail.split('<row').length - 1);
            tail = text.slice(-8);
            if (count > max) {
              stream.destroy();
              resolve(count);
            }
          });
          stream.on('error', reject);
          stream.on('end', () => resolve(count));
        });
      });
      if (rows > max) {
        throw unreadable(
          `Một trang của tệp có quá nhiều dòng (hơn ${MAX_ROWS.people.toLocaleString('vi-VN')} dòng); có thể trang chứa hàng loạt dòng trống — hãy xóa các dòng thừa rồi tải lên lại. Chưa có dữ liệu nào được ghi.`,
        );
      }
    }
  } finally {
    zip.close();
  }
}
