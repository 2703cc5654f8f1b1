import { emphasisRuns } from '../domain/emphasis.js';
import type { ParagraphBlock, TextRun } from './party-document.js';

/** Inline emphasis in entered text: `**bold**` and `*italic*` (see emphasisRuns). */
export const inlineRuns = (text: string): TextRun[] => emphasisRuns(text);

/** The lines of a multi-line field that carry text, each trimmed. */
export function textLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Each line of a multi-line field becomes a paragraph; `- ` lines stay bullets as typed. */
export function paragraphs(text: string): ParagraphBlock[] {
  return textLines(text).map((line) => ({ kind: 'paragraph', runs: inlineRuns(line) }));
}

function parseIsoDate(iso: string): { day: number; month: number; year: number } {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month || !day) throw new Error(`Not an ISO date: ${iso}`);
  return { day, month, year };
}

/** `2020-11-15` → `15/11/2020`; no date → dotted leaders to fill by hand. */
export function formatShortDate(iso: string | null): string {
  if (!iso) return '..../..../........';
  const { day, month, year } = parseIsoDate(iso);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/**
 * `Trà Vinh, ngày 21 tháng 10 năm 2020`. Hướng dẫn 36: days below 10 and the months 1 and 2
 * take a leading zero (so `tháng 01` cannot be read as `tháng 11`).
 */
export function formatPlaceDate(placeName: string, iso: string | null): string {
  const place = placeName.trim() || '..........';
  if (!iso) return `${place}, ngày ..... tháng ..... năm ........`;
  const { day, month, year } = parseIsoDate(iso);
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}

/** `- Ban Tổ chức Tỉnh ủy (b/c)` → each item starts with `- `, ends with `,`, the last with `.`. */
export function punctuateRecipients(recipients: string[]): string[] {
  const items = recipients.map((item) =>
    item
      .trim()
      .replace(/^-\s*/, '')
      .replace(/[,.;]+$/, ''),
  );
  const kept = items.filter((item) => item.length > 0);
  return kept.map((item, index) => `- ${item}${index === kept.length - 1 ? '.' : ','}`);
}

/**
 * `Số 05-BB/CB` (Hướng dẫn 36: number, type of document, issuer's abbreviation); without a number
 * yet, dots to write it in by hand.
 */
export function numberLine(number: string | undefined, type: string, shortName: string): string {
  return `Số ${number?.trim() || '....'}-${type}/${shortName.trim() || '.....'}`;
}
