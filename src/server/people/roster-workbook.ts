import type ExcelJS from 'exceljs';
import { writeXlsx } from '../../documents/xlsx-cells.js';
import type { EmploymentType } from '../../domain/employment.js';
import {
  EMPLOYMENT_TYPE_LABELS,
  EMPLOYMENT_TYPES,
  GENDER_LABELS,
  type Gender,
  latestPeriod,
} from '../../domain/employment.js';
import { loadExcelJS } from '../lazy-libraries.js';
import { formatDate } from './roster-cells.js';
import {
  GUIDE_SHEET,
  NO,
  ROSTER_COLUMNS,
  ROSTER_SHEET,
  type RosterColumnKey,
  WORKPLACE_HEADER,
  YES,
} from './roster-columns.js';
import type { ListedPerson } from './service.js';

const VALIDATED_ROWS = 1000;

export type ExportedPerson = Pick<ListedPerson, 'person' | 'workplaceName' | 'organizationName' | 'periods'>;

interface SheetDataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

const listValidation = (items: readonly string[], error: string): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [`"${items.join(',')}"`],
  showErrorMessage: true,
  errorStyle: 'warning',
  error,
});

/** The roster sheet: the header row, text-formatted columns and drop-down lists for the coded columns. */
function addRosterSheet(workbook: ExcelJS.Workbook, extraHeaders: string[] = []): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(ROSTER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    ...ROSTER_COLUMNS.map((column) => ({
      header: column.header,
      width: column.width,
      style: { numFmt: '@' },
    })),
    ...extraHeaders.map((header) => ({ header, width: 30, style: { numFmt: '@' } })),
  ];
  sheet.getRow(1).font = { bold: true };
  const letter = (key: RosterColumnKey) =>
    sheet.getColumn(ROSTER_COLUMNS.findIndex((column) => column.key === key) + 1).letter;
  const validations = (sheet as unknown as { dataValidations: SheetDataValidations }).dataValidations;
  const range = (key: RosterColumnKey) => `${letter(key)}2:${letter(key)}${VALIDATED_ROWS}`;
  validations.add(range('gender'), listValidation(Object.values(GENDER_LABELS), 'Chỉ ghi Nam hoặc Nữ.'));
  validations.add(
    range('employmentType'),
    listValidation(
      EMPLOYMENT_TYPES.map((type) => EMPLOYMENT_TYPE_LABELS[type]),
      'Chọn một loại lao động trong danh sách.',
    ),
  );
  for (const key of ['isPartyMember', 'isCommitteeMember', 'distinctConfirmed'] as const) {
    validations.add(range(key), listValidation([YES, NO], 'Chỉ ghi Có hoặc Không.'));
  }
  return sheet;
}

function addGuideSheet(workbook: ExcelJS.Workbook): void {
  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.columns = [
    { header: 'Cột', width: 26 },
    { header: 'Cách ghi', width: 80 },
    { header: 'Ví dụ', width: 30 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const column of ROSTER_COLUMNS) guide.addRow([column.header, column.guide, column.example]);
  guide.addRow([]);
  for (const note of [
    'Ghi mỗi người một dòng trên trang "Danh sách", bắt đầu từ dòng 2; không đổi tên hay thứ tự các cột.',
    'Khi nhập, người đã có được nhận ra theo Mã (không phân biệt hoa thường, dấu); dòng không có Mã thì theo họ tên và ngày sinh. Người đã có sẽ được cập nhật, người mới được thêm.',
    'Hai dòng (hoặc một dòng và một người đã có) trùng Mã, hoặc trùng họ tên và ngày sinh mà không ghi Có ở cột "Xác nhận khác người", bị báo lỗi và không nhập gì.',
    'Người nghỉ việc: ghi Ngày nghỉ việc và Lý do nghỉ việc; không xóa dòng. Người đó được giữ trong hồ sơ và không còn được tính từ ngày nghỉ.',
    'Người của cơ quan không có trong tệp được giữ nguyên (không bị xóa).',
    'Nếu có dòng sai, hệ thống báo từng dòng, từng cột và không ghi gì cả; sửa rồi tải lên lại.',
    'Nhập lại đúng tệp đã nhập không làm thay đổi gì.',
  ]) {
    guide.addRow(['', note]);
  }
  guide.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

export async function rosterTemplate(): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  addRosterSheet(workbook);
  addGuideSheet(workbook);
  return writeXlsx(workbook);
}

/**
 * Every cell is written as a plain string (or left empty), never as a formula: a name such as
 * `=HYPERLINK(...)` stays inert text in Excel. The text number format keeps it text when edited.
 */
export async function rosterExport(rows: ExportedPerson[]): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const sheet = addRosterSheet(workbook, [WORKPLACE_HEADER]);
  for (const row of rows) {
    const values = [...ROSTER_COLUMNS.map((column) => exportedValue(row, column.key)), row.workplaceName];
    const added = sheet.addRow(values.map((value) => value || null));
    added.eachCell((cell) => {
      cell.numFmt = '@';
    });
  }
  addGuideSheet(workbook);
  return writeXlsx(workbook);
}

function exportedValue({ person, organizationName, periods }: ExportedPerson, key: RosterColumnKey): string {
  const latest = latestPeriod(periods);
  switch (key) {
    case 'startedOn':
      return latest?.startedOn ? formatDate(latest.startedOn) : '';
    case 'leftOn':
      return latest?.leftOn ? formatDate(latest.leftOn) : '';
    case 'leavingReason':
      return latest?.leavingReason ?? '';
    case 'distinctConfirmed':
      return person.distinctConfirmed ? YES : '';
    case 'birthDate':
      return person.birthDate ? formatDate(person.birthDate) : '';
    case 'gender':
      return person.gender ? GENDER_LABELS[person.gender as Gender] : '';
    case 'employmentType':
      return EMPLOYMENT_TYPE_LABELS[person.employmentType as EmploymentType];
    case 'isPartyMember':
      return person.isPartyMember ? YES : NO;
    case 'isCommitteeMember':
      return person.isCommitteeMember ? YES : NO;
    case 'organizationName':
      return organizationName ?? '';
    default:
      return person[key];
  }
}

// Moved to documents/filename.ts; re-exported while plans/progress-routes.ts still imports it from here.
export { attachmentDisposition } from '../../documents/filename.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
