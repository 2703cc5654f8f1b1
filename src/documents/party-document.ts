/**
 * A party document as both renderers (DOCX and PDF) see it: plain data, laid out by the rules of
 * DOCUMENTS.md (Hướng dẫn 36-HD/VPTW). Renderers decide nothing about content, only about form.
 */

export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** The borderless two-column table at the top of the first page. */
export interface DocumentHeader {
  /** `ĐẢNG BỘ TỈNH TRÀ VINH`; upper case, regular; empty at the top of the tree (one line only). */
  superiorName: string;
  /** `ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP`; upper case, bold; a `\n` forces the line break. */
  issuerName: string;
  /** `Số 03-KH/ĐUK`, under the star; empty prints nothing. */
  numberLine: string;
  /** `Trà Vinh, ngày 21 tháng 10 năm 2020`, italic, under `ĐẢNG CỘNG SẢN VIỆT NAM`. */
  placeDateLine: string;
}

/**
 * The header of a form filled by one person (self-criticism, feedback form): the organization
 * lines on the left where the seed has them, `ĐẢNG CỘNG SẢN VIỆT NAM` and the place and date on the right.
 */
export interface WriterHeader {
  /** `ĐẢNG BỘ.....`, `CHI BỘ.....`: the first regular, the others bold; none leaves the left empty. */
  organizationLines: string[];
  placeDateLine: string;
}

export const isWriterHeader = (header: DocumentHeader | WriterHeader): header is WriterHeader =>
  'organizationLines' in header;

export interface TableColumn {
  title: string;
  /** Share of the text width; the shares of a table add up to 1. */
  share: number;
  align?: 'left' | 'center';
}

export type BodyBlock =
  /** Justified, first-line indent 1 cm, 6 pt after; `tight` drops the space after (agenda lines). */
  | { kind: 'paragraph'; runs: TextRun[]; tight?: boolean }
  /** `I- MỤC ĐÍCH, YÊU CẦU`, `1. Đối tượng…`: bold, kept with the next block. */
  | { kind: 'heading'; runs: TextRun[] }
  /** A bold centred line inside the body, e.g. the title of an appendix. */
  | { kind: 'centered'; runs: TextRun[] }
  /**
   * A line to complete by hand: its text (a label such as `Chức vụ Đảng:`), then dotted leaders to
   * the right margin. With no text, a whole line of dots, not indented.
   */
  | { kind: 'fill'; runs: TextRun[] }
  /** A bordered table: bold centred column titles, then one row per entry; `\n` in a cell breaks lines. */
  | { kind: 'table'; columns: TableColumn[]; rows: string[][] };

export type ParagraphBlock = Extract<BodyBlock, { kind: 'paragraph' }>;

/** What stands in the closing's left column instead of `Nơi nhận:`, e.g. `NHẬN XÉT CỦA CẤP ỦY`. */
export interface ClosingNote {
  /** Upper case, bold, centred. */
  title: string;
  body: BodyBlock[];
}

export interface Signature {
  /** `T/M BAN THƯỜNG VỤ`; absent on forms signed by their writer. */
  capacity?: string;
  /** `BÍ THƯ`. */
  title: string;
  /** `Nguyễn Văn Tám`; empty leaves the space blank. */
  name: string;
}

export interface Appendix {
  title: string;
  subtitle?: string;
  body: BodyBlock[];
}

export interface PartyDocument {
  header: DocumentHeader | WriterHeader;
  /** `KẾ HOẠCH`: upper case, 16 pt bold, centred. */
  kind: string;
  /** The subject line under the kind, 14 pt bold centred; `\n` forces a line break. */
  subject?: string;
  /** A parenthesised note under the subject, italic. */
  note?: string;
  /** Not yet issued or signed: `DỰ THẢO` under the title. */
  draft?: boolean;
  body: BodyBlock[];
  /** The items of `Nơi nhận:`, already punctuated (`- …,` and the last `- ….`); none, no `Nơi nhận:`. */
  recipients: string[];
  /** Replaces `Nơi nhận:` in the closing's left column. */
  closingNote?: ClosingNote;
  signature: Signature;
  /**
   * Several signers side by side (minutes: chair, secretary, masses representative), in place of
   * the closing's two columns, `Nơi nhận:` under them; an empty list leaves no signature at all
   * (the feedback form).
   */
  signatures?: Signature[];
  /** Starts on a new page after the signature. */
  appendix?: Appendix;
}

/** Page and type of DOCUMENTS.md, in the units each renderer converts from. */
export const LAYOUT = {
  pageMm: { width: 210, height: 297 },
  marginMm: { top: 20, bottom: 20, left: 30, right: 15 },
  fontSizePt: { body: 14, kind: 16, partyName: 15, recipients: 12, table: 13 },
  firstLineIndentCm: 1,
  spaceAfterPt: 6,
  /** A multiple of single spacing: DOCUMENTS.md asks for between single and 1.5 lines. */
  lineSpacing: 1.15,
  /** Share of the text width taken by the header's and the closing's left column. */
  leftColumnShare: 0.45,
  /** Empty lines left between the signer's title and name for the signature and seal. */
  signatureSpaceLines: 4,
} as const;

export const PARTY_NAME = 'ĐẢNG CỘNG SẢN VIỆT NAM';
export const RECIPIENTS_LABEL = 'Nơi nhận:';
export const DRAFT_MARK = 'DỰ THẢO';

/**
 * Shares of the text width for signers side by side: by the length of their titles, so
 * `ĐẠI DIỆN QUẦN CHÚNG` keeps to one line beside `CHỦ TRÌ` and `THƯ KÝ` (and names fit under short titles).
 */
export function signatureShares(signatures: Signature[]): number[] {
  const weights = signatures.map((signature) =>
    Math.max(12, signature.title.length, signature.capacity?.length ?? 0),
  );
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => weight / total);
}

/**
 * A reference (`3054-QĐ/TU`, `05-CT/TW`), a date (`27/11/2017`) or any word joined by `-` or `/`:
 * renderers keep it on one line and never open a justification gap inside it.
 */
const JOINED_WORD = /\S*[^\s/-][/-]+[^\s/-]\S*/g;

/** The text cut into plain stretches and joined words, in order; joining them gives the text back. */
export function joinedWordParts(text: string): { text: string; joined: boolean }[] {
  const parts: { text: string; joined: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(JOINED_WORD)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), joined: false });
    parts.push({ text: match[0], joined: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), joined: false });
  return parts;
}

export const plain = (text: string): TextRun[] => [{ text }];
export const bold = (text: string): TextRun[] => [{ text, bold: true }];

/** The characters of a block, as a reader would copy them. */
export function blockText(block: BodyBlock): string {
  if (block.kind === 'table') return block.rows.map((row) => row.join(' ')).join('\n');
  return block.runs.map((run) => run.text).join('');
}
