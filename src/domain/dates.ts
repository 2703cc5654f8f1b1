/** Dates are shown to people as dd/mm/yyyy and kept as ISO yyyy-mm-dd. */

const VI_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `21/10/2020` → `2020-10-21`; null when the text is not a real date. */
export function parseVietnameseDate(text: string): string | null {
  const match = VI_DATE.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isValidCalendarDate(year, month, day)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `2020-10-21` → `21/10/2020`. */
export function formatVietnameseDate(iso: string): string {
  const match = ISO_DATE.exec(iso.slice(0, 10));
  if (!match) return iso;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** ISO date of a Date in UTC, the form the database keeps. */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Vietnam keeps UTC+7 all year, with no daylight saving: its days and hours are read in that offset. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar day (yyyy-mm-dd) of an instant in Vietnam, whatever the zone of the machine. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** `hh:mm` of an instant in Vietnam, whatever the zone of the machine. */
export function vietnamTime(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(11, 16);
}

/** The day it is in Vietnam: deadlines and employment dates are days there, not in UTC. */
export function vietnamToday(now: Date = new Date()): string {
  return vietnamDate(now);
}
