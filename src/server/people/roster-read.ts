import type ExcelJS from 'exceljs';
import type { z } from 'zod';
import { text } from '../../contract/common.js';
import { personFields, type RosterImportRowError } from '../../contract/people.js';
import { cellsWithControlCharacters } from '../../documents/xlsx-cells.js';
import { CONTROL_CHARACTER_MESSAGE } from '../../domain/control-characters.js';
import type { EmploymentType, Gender } from '../../domain/employment.js';
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
} from './roster-cells.js';
import { COLUMN_HEADER, GUIDE_SHEET, ROSTER_COLUMNS, type RosterColumnKey } from './roster-columns.js';

/** One valid-looking row of the file, before its cell name is resolved and it is matched to a person. */
export interface RosterEntry {
  row: number;
  code: string;
  fullName: string;
  birthDate: string | null;
  gender: Gender | null;
  jobTitle: string;
  employmentType: EmploymentType;
  isPartyMember: boolean;
  organizationName: string;
  partyOffice: string;
  governmentOffice: string;
  isCommitteeMember: boolean;
  assignedDuty: string;
  /** The latest employment period as the row states it. */
  startedOn: string | null;
  leftOn: string | null;
  leavingReason: string;
  distinctConfirmed: boolean;
}

export const MAX_ROSTER_ROWS = 20_000;
/** Enough to fix a file column by column; a file wrong on every row needs no longer list. */
const MAX_LISTED_ERRORS = 1_000;

const REQUIRED_COLUMNS: RosterColumnKey[] = ['fullName', 'employmentType'];

/**
 * Built once: a zod schema costs far more to build than to run (`text(200)` built for each row
 * was the largest share of the import's own CPU time in a profile of 2 000 rows).
 */
const LEAVING_REASON = text(200);

/** "Ngày sinh (dd/mm/yyyy)" and "ngay sinh" name the same column: the hint in brackets is optional. */
const headerKey = (header: string) => foldVietnamese(header).split('(')[0]!.trim();
const KEY_BY_HEADER = new Map(ROSTER_COLUMNS.map((column) => [headerKey(column.header), column.key]));

export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new (await loadExcelJS()).Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('unsupported_media', 'Tệp không phải bảng tính Excel (.xlsx).');
  }
  assertNoControlCharacters(workbook);
  return workbook;
}

/** Issue 13: a control character in any cell refuses the file (400), naming the cells, like one in a JSON field. */
function assertNoControlCharacters(workbook: ExcelJS.Workbook): void {
  const cells = cellsWithControlCharacters(workbook);
  if (!cells.length) return;
  const issues = cells.slice(0, 20).map(({ sheet, address }) => ({
    path: `file.${sheet}!${address}`,
    message: CONTROL_CHARACTER_MESSAGE,
  }));
  const first = cells[0]!;
  throw new AppError(
    'bad_request',
    `Ô ${first.address} của trang "${first.sheet}" có ký tự điều khiển không hợp lệ (như ký tự NUL).`,
    issues,
  );
}

/** Reads every row of the roster sheet, collecting each bad cell instead of stopping at the first. */
export function readRosterRows(workbook: ExcelJS.Workbook): {
  entries: RosterEntry[];
  errors: RosterImportRowError[];
} {
  const sheet = workbook.worksheets.find((each) => each.name !== GUIDE_SHEET);
  if (!sheet) throw unreadable('Tệp không có trang danh sách nào.');
  const columnOf = new Map<RosterColumnKey, number>();
  sheet.getRow(1).eachCell((cell, columnNumber) => {
    const key = KEY_BY_HEADER.get(headerKey(cellText(cell.value)));
    if (key && !columnOf.has(key)) columnOf.set(key, columnNumber);
  });
  const missing = REQUIRED_COLUMNS.filter((key) => !columnOf.has(key));
  if (missing.length) {
    throw rowErrors(
      missing.map((key) => ({
        row: 1,
        column: COLUMN_HEADER[key],
        message: 'Thiếu cột này ở dòng tiêu đề.',
      })),
    );
  }
  if (sheet.rowCount > MAX_ROSTER_ROWS + 1) {
    throw unreadable(`Tệp có quá nhiều dòng (tối đa ${MAX_ROSTER_ROWS} người mỗi lần nhập).`);
  }
  const entries: RosterEntry[] = [];
  const errors: RosterImportRowError[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const value = (key: RosterColumnKey) => {
      const column = columnOf.get(key);
      return column === undefined ? null : row.getCell(column).value;
    };
    if (ROSTER_COLUMNS.every((column) => cellText(value(column.key)).trim() === '')) return;
    const fail = (key: RosterColumnKey, message: string) =>
      errors.push({ row: rowNumber, column: COLUMN_HEADER[key], message });
    const take = <T>(key: RosterColumnKey, parsed: Parsed<T>, fallback: T): T => {
      if (parsed.ok) return parsed.value;
      fail(key, parsed.message);
      return fallback;
    };
    const textOf = (key: keyof typeof personFields & RosterColumnKey) =>
      take(key, parseText(personFields[key], value(key)), '');
    entries.push({
      row: rowNumber,
      code: textOf('code'),
      fullName: tidyName(textOf('fullName')),
      birthDate: take('birthDate', parseBirthDate(value('birthDate')), null),
      gender: take('gender', parseGender(value('gender')), null),
      jobTitle: textOf('jobTitle'),
      employmentType: take('employmentType', parseEmploymentType(value('employmentType')), 'permanent'),
      isPartyMember: take('isPartyMember', parseYesNo(value('isPartyMember')), false),
      organizationName: cellText(value('organizationName')).normalize('NFC').trim(),
      partyOffice: textOf('partyOffice'),
      governmentOffice: textOf('governmentOffice'),
      isCommitteeMember: take('isCommitteeMember', parseYesNo(value('isCommitteeMember')), false),
      assignedDuty: textOf('assignedDuty'),
      startedOn: take('startedOn', parseDay(value('startedOn'), 'Ngày vào làm'), null),
      leftOn: take('leftOn', parseDay(value('leftOn'), 'Ngày nghỉ việc'), null),
      leavingReason: take('leavingReason', parseText(LEAVING_REASON, value('leavingReason')), ''),
      distinctConfirmed: take('distinctConfirmed', parseYesNo(value('distinctConfirmed')), false),
    });
  });
  if (entries.length === 0 && errors.length === 0) throw unreadable('Tệp không có dòng dữ liệu nào.');
  return { entries, errors };
}

function parseText(schema: z.ZodType<unknown>, value: ExcelJS.CellValue): Parsed<string> {
  const parsed = schema.safeParse(cellText(value));
  if (parsed.success) return { ok: true, value: String(parsed.data ?? '') };
  return { ok: false, message: parsed.error.issues[0]?.message ?? 'Giá trị không hợp lệ.' };
}

const unreadable = (message: string) => new AppError('unprocessable', message, [], { rows: [] });

/** The 422 that lists every bad cell; nothing has been written when it is thrown. */
export function rowErrors(rows: RosterImportRowError[]): AppError {
  const sorted = [...rows].sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column));
  const shown = sorted.length > MAX_LISTED_ERRORS ? ` (liệt kê ${MAX_LISTED_ERRORS} lỗi đầu tiên)` : '';
  return new AppError(
    'unprocessable',
    `Tệp có ${sorted.length} lỗi${shown}; chưa có dữ liệu nào được ghi. Hãy sửa các ô được chỉ ra rồi tải lên lại.`,
    [],
    { rows: sorted.slice(0, MAX_LISTED_ERRORS) },
  );
}

const columnOrder = (header: string) => ROSTER_COLUMNS.findIndex((column) => column.header === header);
