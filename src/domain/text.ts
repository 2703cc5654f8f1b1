/** Every text that enters the system is stored in Unicode NFC (DESIGN: text is NFC). */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Folds Vietnamese text for search: no diacritics, no case, single spaces.
 * `đ` is a letter of its own, not a letter with a mark, so NFD does not split it.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Collapses inner whitespace and trims; names typed or imported arrive with stray spaces. */
export function tidyName(text: string): string {
  return toNfc(text).replace(/\s+/g, ' ').trim();
}
