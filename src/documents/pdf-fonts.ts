import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pdfMake from 'pdfmake';
import { FONTS_DIR } from '../paths.js';

/** The PDFs' font: Liberation Serif, loaded once per process and shared by every document. */
export const PDF_FONT = 'LiberationSerif';

let fontsLoaded = false;

/** The parts of a fontkit font that sharing touches (fontkit 2's TTFFont). */
interface FontkitFont {
  getGlyph(id: number, characters?: number[]): { codePoints: number[] } | null;
}
/** The parts of pdfkit's font that sharing touches (pdfkit 0.19's EmbeddedFont). */
interface PdfKitFont {
  font: FontkitFont;
  layoutCache?: Record<string, unknown>;
  constructor: new (document: PdfKitDocument, font: FontkitFont, id: string) => PdfKitFont;
}
/** The parts of pdfmake's pdfkit document (`pdfmake/js/PDFDocument.js`) that sharing touches. */
interface PdfKitDocument {
  fontCache: Record<string, Record<string, PdfKitFont>>;
  _fontFamilies: Record<string, PdfKitFont>;
  _fontCount: number;
  getFontType(bold: boolean, italics: boolean): string;
  provideFont(family: string, bold: boolean, italics: boolean): PdfKitFont;
}

/** Words whose shaped glyphs are kept for every later document; then the cache starts again. */
const SHARED_LAYOUT_WORDS = 20_000;

/**
 * fontkit keeps the first glyph object it makes for a glyph id, with the characters it was asked
 * for. Subsetting asks for glyphs by id alone (the parts of an accented letter), so in a shared
 * font a later document would find `A` or `Ơ` with no character, and pdfkit would map them to
 * nothing in the PDF's text layer ("C QU N" for "CƠ QUAN" when copied). A glyph made that way takes
 * the characters of the first lookup that has some, as a font of its own would have given it.
 */
function keepGlyphCharacters(font: FontkitFont): void {
  const getGlyph = font.getGlyph;
  font.getGlyph = function (this: FontkitFont, id, characters = []) {
    const glyph = getGlyph.call(this, id, characters);
    if (glyph && glyph.codePoints.length === 0 && characters.length > 0) glyph.codePoints = characters;
    return glyph;
  };
}

/**
 * pdfkit parses each font anew for every document (fontkit.create on the file's bytes, then every
 * table it reads decoded again) and shapes every word again with an empty cache: a CPU profile of
 * the plan's PDF spent about 40 % of its time there. The parsed font is read-only once built (but
 * see keepGlyphCharacters), and a document's use of it is synchronous (measuring, drawing and
 * subsetting never wait), so every document shares one fontkit font a style and one cache of
 * shaped words; each still gets its own pdfkit font, with its own subset and widths, so the
 * embedded fonts are the same as before.
 */
function shareParsedFonts(): void {
  const require = createRequire(import.meta.url);
  const { default: PdfmakeDocument } = require('pdfmake/js/PDFDocument.js') as {
    default: { prototype: PdfKitDocument };
  };
  const provideFont = PdfmakeDocument.prototype.provideFont;
  const parsed = new Map<string, { font: PdfKitFont; words: Record<string, unknown> }>();
  PdfmakeDocument.prototype.provideFont = function (this: PdfKitDocument, family, bold, italics) {
    const type = this.getFontType(bold, italics);
    const cached = this.fontCache[family]?.[type];
    if (cached) return cached;
    const key = `${family}\u0000${type}`;
    const first = parsed.get(key);
    if (!first) {
      const font = provideFont.call(this, family, bold, italics);
      if (font.layoutCache) {
        keepGlyphCharacters(font.font);
        parsed.set(key, { font, words: font.layoutCache });
      }
      return font;
    }
    if (Object.keys(first.words).length > SHARED_LAYOUT_WORDS) {
      first.words = Object.create(null) as Record<string, unknown>;
    }
    // What pdfkit's doc.font() does for a new font: an id, a place among the fonts it embeds.
    const id = `F${++this._fontCount}`;
    const font = new first.font.constructor(this, first.font.font, id);
    font.layoutCache = first.words;
    this._fontFamilies[id] = font;
    this.fontCache[family] = { ...this.fontCache[family], [type]: font };
    return font;
  };
}

/**
 * Liberation Serif is metric-compatible with Times New Roman (the DOCX font), so lines break alike.
 * The TTFs are committed so every machine embeds the same font. They are read once into pdfmake's
 * virtual file system, so pdfmake reads no file at all; the access policies forbid any.
 */
export function loadFonts(): void {
  if (fontsLoaded) return;
  const files = {
    normal: 'LiberationSerif-Regular.ttf',
    bold: 'LiberationSerif-Bold.ttf',
    italics: 'LiberationSerif-Italic.ttf',
    bolditalics: 'LiberationSerif-BoldItalic.ttf',
  };
  // pdfmake's server build has a virtual file system that its typings do not declare.
  const { virtualfs } = pdfMake as unknown as {
    virtualfs: { writeFileSync(name: string, content: Buffer): void };
  };
  for (const file of Object.values(files)) virtualfs.writeFileSync(file, readFileSync(join(FONTS_DIR, file)));
  pdfMake.setFonts({ [PDF_FONT]: files });
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy(() => false);
  shareParsedFonts();
  fontsLoaded = true;
}
