/**
 * S2: a catalogue of hostile values for text fields. Each is sent where a person types text;
 * none may cause a 5xx, and accepted ones must come back as sent (after NFC and trimming).
 */
const vietnamese = [
  'Nguyễn Văn Tám',
  'Trần Thị Thu Hương',
  'Lê Hoàng Phúc',
  'Đặng Thị Ngọc Ánh',
  'Huỳnh Quốc Việt',
  'Phạm Ngọc Thạch',
  'Võ Thị Sáu',
  'Đảng ủy Khối các cơ quan và doanh nghiệp',
  'ĐẢNG BỘ TỈNH TRÀ VINH',
  'Chi bộ Văn phòng Sở Y tế',
];

const markup = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '"><script>alert(document.cookie)</script>',
  "javascript:alert('x')",
  '<iframe src="https://example.com"></iframe>',
  '{{constructor.constructor("alert(1)")()}}',
  '$' + '{7*7}',
  '<!--',
  '&lt;b&gt;đậm&lt;/b&gt;',
  '<b>đậm</b>',
  '<a href="javascript:void(0)">bấm</a>',
];

const sql = [
  "'; drop table organizations; --",
  "' or '1'='1",
  '" or 1=1 --',
  "Robert'); DELETE FROM people; --",
  '%',
  '_',
  '\\',
  "\\'; select pg_sleep(1); --",
  '$1',
  '1; select version()',
  "E'\\x00'",
  'null',
];

const formulas = [
  '=1+1',
  '+84912345678',
  '-5',
  '@SUM(A1:A2)',
  '=HYPERLINK("http://x","y")',
  "=cmd|'/c calc'!A1",
];

const paths = [
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/shadow',
  'C:\\boot.ini',
  '%2e%2e%2f',
  'file:///etc/hosts',
];

const invisible = [
  'Nguyễn\u200bVăn\u200bTám',
  'Trần\u200cThị',
  'Lê\u200dHoàng',
  '\u2060Phúc',
  'Đặng\u00adThị',
  'tên\u034fẩn',
];

const bidi = [
  'Nguyễn \u202eVăn Tám',
  '\u202dLê Văn\u202c',
  '\u2066Trần\u2069',
  '\u2067Phạm\u2069',
  '\u2068Võ\u2069',
  '\u200fHuỳnh\u200e',
  'تقرير Báo cáo',
  'שלום Xin chào',
];

const scripts = [
  '中华人民共和国',
  '日本語のテキスト',
  '한국어',
  'Ελληνικά',
  'Русский текст',
  'ภาษาไทย',
  'ភាសាខ្មែរ',
  '😀 Cán bộ 👍',
  '👨‍👩‍👧‍👦 gia đình',
  '🇻🇳 Việt Nam',
  'Z̷̢͉̠a̴̧͖l̶̨̛g̸̡̛o̵̢͝',
  '𝕿𝖊𝖝𝖙',
];

const whitespace = [
  '  Nguyễn Văn Tám  ',
  'Nguyễn\tVăn',
  'dòng 1\ndòng 2',
  'dòng 1\r\ndòng 2',
  '\u00a0Tám\u00a0',
  '\u3000Tám',
];

const lengths = ['a', 'ă'.repeat(100), 'Đ'.repeat(199)];

/** Decomposed (NFD) Vietnamese: must be stored and returned composed (NFC). */
const decomposed = vietnamese.slice(0, 8).map((value) => value.normalize('NFD'));

export const ACCEPTABLE_TEXT: readonly string[] = [
  ...vietnamese,
  ...decomposed,
  ...markup,
  ...sql,
  ...formulas,
  ...paths,
  ...invisible,
  ...bidi,
  ...scripts,
  ...whitespace,
  ...lengths,
];

/** Values no text field may accept: each must be answered 400 (or 413), never 5xx. */
export const REFUSED_TEXT: readonly unknown[] = [
  'a\u0000b',
  '\u0000',
  'bell\u0007',
  'esc\u001b[31m',
  'del\u007f',
  '\ud800',
  'lone \udc00 low',
  'x'.repeat(5000),
  'ệ'.repeat(1001),
  12345,
  1e308,
  -0,
  Number.MAX_SAFE_INTEGER,
  true,
  false,
  null,
  ['Nguyễn Văn Tám'],
  { $ne: '' },
  { toString: 'x' },
  'x'.repeat(1_000_000),
  deepNesting(2000),
];

function deepNesting(depth: number): unknown {
  let value: unknown = 'đáy';
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

/** Blank values: refused where a value is required, stored as empty where it is optional. */
export const BLANK_TEXT: readonly string[] = ['', '   ', '\t\n', '\u00a0'];

/** What an accepted value must look like when it comes back. */
export const stored = (value: string) => value.normalize('NFC').trim();
