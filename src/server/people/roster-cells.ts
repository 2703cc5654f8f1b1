import type { CellValue } from 'exceljs';
import { restoreNeutralizedText } from '../../documents/xlsx-cells.js';
import {
  EMPLOYMENT_TYPE_LABELS,
  EMPLOYMENT_TYPES,
  type EmploymentType,
  type Gender,
} from '../../domain/employment.js';
import { foldVietnamese } from '../../domain/text.js';

/**
 * What a person typed in a cell, whatever type Excel stored it as. The apostrophe our exports put
 * before `=`, `+`, `-` or `@` (issue 13) is taken off again, so an exported roster imports unchanged.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatDate(isoFromDate(value));
  if (typeof value === 'string') return restoreNeutralizedText(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return restoreNeutralizedText(value.richText.map((part) => part.text).join(''));
  if ('hyperlink' in value) return String(value.text ?? '');
  if ('formula' in value || 'sharedFormula' in value)
    return cellText((value as { result?: CellValue }).result ?? null);
  return '';
}

/** yyyy-mm-dd → dd/mm/yyyy, the way Vietnamese forms write dates. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

function isoFromDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// Excel counts days from 1899-12-30 (it keeps Lotus's phantom 29 February 1900).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function isoFromParts(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return isoFromDate(date);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A birth date as dd/mm/yyyy text, or as a real Excel date; empty is allowed. */
export function parseBirthDate(value: CellValue, today = new Date()): Parsed<string | null> {
  let iso: string | null;
  if (value instanceof Date) iso = isoFromDate(value);
  else if (typeof value === 'number')
    iso = isoFromDate(new Date(EXCEL_EPOCH + Math.round(value) * 86_400_000));
  else {
    const text = cellText(value).trim();
    if (!text) return { ok: true, value: null };
    const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    const yearFirst = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    iso = dayFirst
      ? isoFromParts(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]))
      : yearFirst
        ? isoFromParts(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]))
        : null;
  }
  if (!iso)
    return { ok: false, message: 'Ngày sinh không hợp lệ (ghi theo dạng dd/mm/yyyy, ví dụ 30/04/1975).' };
  if (iso < '1900-01-01' || iso > isoFromDate(today)) {
    return { ok: false, message: 'Ngày sinh nằm ngoài khoảng hợp lý.' };
  }
  return { ok: true, value: iso };
}

/** A day of employment (vào làm, nghỉ việc) as dd/mm/yyyy text or a real Excel date; empty is allowed. */
export function parseDay(value: CellValue, label: string): Parsed<string | null> {
  if (cellText(value).trim() === '') return { ok: true, value: null };
  const parsed = parseBirthDate(value, new Date(Date.UTC(2200, 0, 1)));
  if (!parsed.ok || parsed.value === null) {
    return { ok: false, message: `${label} không hợp lệ (ghi theo dạng dd/mm/yyyy, ví dụ 01/09/2010).` };
  }
  return parsed;
}

export function parseGender(value: CellValue): Parsed<Gender | null> {
  const folded = foldVietnamese(cellText(value));
  if (!folded) return { ok: true, value: null };
  if (folded === 'nam') return { ok: true, value: 'male' };
  if (folded === 'nu') return { ok: true, value: 'female' };
  return { ok: false, message: 'Giới tính phải là Nam hoặc Nữ.' };
}

const EMPLOYMENT_BY_LABEL = new Map<string, EmploymentType>([
  ...EMPLOYMENT_TYPES.map((type) => [foldVietnamese(EMPLOYMENT_TYPE_LABELS[type]), type] as const),
  ['cong nhan day chuyen', 'line_worker'],
]);

export function parseEmploymentType(value: CellValue): Parsed<EmploymentType> {
  const folded = foldVietnamese(cellText(value));
  const type = EMPLOYMENT_BY_LABEL.get(folded);
  if (type) return { ok: true, value: type };
  const labels = EMPLOYMENT_TYPES.map((each) => EMPLOYMENT_TYPE_LABELS[each]).join(', ');
  return {
    ok: false,
    message: folded ? `Loại lao động phải là một trong: ${labels}.` : 'Loại lao động không được để trống.',
  };
}

export function parseYesNo(value: CellValue): Parsed<boolean> {
  if (typeof value === 'boolean') return { ok: true, value };
  const folded = foldVietnamese(cellText(value));
  if (folded === '' || folded === 'khong') return { ok: true, value: false };
  if (folded === 'co') return { ok: true, value: true };
  return { ok: false, message: 'Chỉ ghi Có hoặc Không.' };
}
