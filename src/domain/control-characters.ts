/**
 * Issue 13: control characters (C0, DEL, C1) have no place in anything a person types. PostgreSQL
 * refuses U+0000 outright, and the others hide text or drive terminals. Tab and line breaks are
 * kept where text may span lines (a report's paragraphs); nowhere else.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export type TextShape = 'multiline' | 'single-line';

export function hasControlCharacters(value: string, shape: TextShape): boolean {
  return (shape === 'multiline' ? CONTROL_BUT_LINE_BREAKS : ANY_CONTROL).test(value);
}

export const CONTROL_CHARACTER_MESSAGE = 'Có ký tự điều khiển không hợp lệ (như ký tự NUL).';
