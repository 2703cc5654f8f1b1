import {
  PLAN_DEADLINE_TOKEN_PATTERN,
  PLAN_DEADLINE_TOKENS,
  type PlanDeadlineToken,
} from '../domain/emphasis.js';
import { PLAN_AREAS_FOLLOW_UP } from '../domain/plans.js';
import { type BodyBlock, bold, type PartyDocument, plain, type TextRun } from './party-document.js';
import {
  formatPlaceDate,
  formatShortDate,
  inlineRuns,
  paragraphs,
  punctuateRecipients,
  textLines,
} from './plan-text.js';

/**
 * What a plan document shows, as plain data. Multi-line fields: each non-empty line is a paragraph,
 * lines starting with `- ` are bullets, `**bold**` and `*italic*` mark emphasis as in the seed.
 */
export interface PlanDocumentInput {
  /** Not yet published: marked `DỰ THẢO` under the title. */
  draft?: boolean;
  superiorName: string;
  /** May hold a `\n` where the header line should break. */
  issuerName: string;
  /** `03` */
  number: string;
  /** `KH/ĐUK` */
  symbol: string;
  place: string;
  /** ISO date; null leaves `ngày ..... tháng ..... năm ........` to fill by hand. */
  issuedOn: string | null;
  /** The subject line under `KẾ HOẠCH`. */
  title: string;
  preamble: string;
  purposes: string;
  subjects: string;
  participants: string;
  /** Follows the bold label `Thời gian:`. */
  timeRules: string;
  /** Follows the bold label `Địa điểm:`. */
  placeRules: string;
  /** The four areas of self-criticism, each a bullet. */
  contentAreas: string[];
  /** The year's theme paragraphs after the areas. */
  annualTheme: string;
  /** Listed in the appendix `DANH MỤC BIỂU HIỆN`; none, no appendix. */
  manifestations: string[];
  methods: string;
  /**
   * Section IV. `{meetingsDueOn}`, `{baseReportsDueOn}` and `{upwardReportDueOn}` are replaced by the
   * dates in bold; when the text names none of them, a paragraph stating the three deadlines follows it.
   */
  implementation: string;
  recipients: string[];
  /** `T/M BAN THƯỜNG VỤ` */
  signingCapacity: string;
  /** `BÍ THƯ` */
  signerTitle: string;
  signerName: string;
  meetingsDueOn: string | null;
  baseReportsDueOn: string | null;
  upwardReportDueOn: string | null;
}

export const PLAN_KIND = 'KẾ HOẠCH';

/** The seed's headings, in its order. The seed goes from II to IV; we keep its numbering. */
export const PLAN_HEADINGS = {
  purposes: 'I- MỤC ĐÍCH, YÊU CẦU',
  conduct: 'II- ĐỐI TƯỢNG, THỜI GIAN, ĐỊA ĐIỂM, NỘI DUNG, PHƯƠNG PHÁP VÀ CÁCH TIẾN HÀNH',
  subjects: '1. Đối tượng tự phê bình và phê bình',
  participants: '2. Đối tượng tham gia đóng góp tự phê bình và phê bình',
  timePlace: '3. Thời gian và địa điểm',
  content: '4. Nội dung tự phê bình và phê bình',
  methods: '5. Phương pháp và cách tiến hành',
  agenda: '* Chương trình họp tự phê bình và phê bình:',
  implementation: 'IV- TỔ CHỨC THỰC HIỆN',
  manifestations: 'DANH MỤC BIỂU HIỆN',
} as const;

// Seed II.5: the meeting's agenda, the same in every plan.
const AGENDA: { step: string; items: string[] }[] = [
  {
    step: '(1) Nghi thức:',
    items: [
      '- Tuyên bố lý do, giới thiệu đại biểu;',
      '- Thông báo số lượng cấp ủy viên, đảng viên tự phê bình;',
      '- Thông báo số lượng quần chúng tham dự;',
      '- Cử thư ký ghi biên bản.',
    ],
  },
  {
    step: '(2) Nội dung:',
    items: [
      '- Đại diện cấp ủy thông qua danh sách đảng viên (*ghi rõ nhiệm vụ của từng người, tóm tắt những ưu điểm, khuyết điểm chính*);',
      '- Gọi ý thảo luận đóng góp;',
      '- Đóng góp của quần chúng;',
      '- Đại diện cấp ủy tiếp thu.',
    ],
  },
  {
    step: '(3) Kết thúc:',
    items: ['- Thư ký thông qua biên bản;', '- Chủ trì, thư ký, đại diện quần chúng ký vào biên bản.'],
  },
];

const heading = (text: string): BodyBlock => ({ kind: 'heading', runs: plain(text) });

function labelled(label: string, text: string): BodyBlock[] {
  const [first = '', ...rest] = textLines(text);
  return [
    { kind: 'paragraph', runs: [{ text: '- ' }, ...bold(`${label}:`), { text: ' ' }, ...inlineRuns(first)] },
    ...paragraphs(rest.join('\n')),
  ];
}

function agenda(): BodyBlock[] {
  return [
    { kind: 'paragraph', runs: bold(PLAN_HEADINGS.agenda) },
    ...AGENDA.flatMap(({ step, items }): BodyBlock[] => [
      { kind: 'paragraph', runs: plain(step) },
      ...items.map(
        (item, index): BodyBlock => ({
          kind: 'paragraph',
          runs: inlineRuns(item),
          tight: index < items.length - 1,
        }),
      ),
    ]),
  ];
}

/** Splits a run list on the deadline tokens, putting each date in bold in its place. */
function withDeadlines(runs: TextRun[], input: PlanDocumentInput): TextRun[] {
  return runs.flatMap((run) =>
    run.text
      .split(PLAN_DEADLINE_TOKEN_PATTERN)
      .map((part, index) =>
        index % 2 === 1
          ? { text: formatShortDate(input[part as PlanDeadlineToken]), bold: true, italic: run.italic }
          : { ...run, text: part },
      ),
  );
}

function implementation(input: PlanDocumentInput): BodyBlock[] {
  const blocks = paragraphs(input.implementation).map(
    (block): BodyBlock => ({ kind: 'paragraph', runs: withDeadlines(block.runs, input) }),
  );
  const namesDeadline = PLAN_DEADLINE_TOKENS.some((token) => input.implementation.includes(`{${token}}`));
  if (namesDeadline) return blocks;
  const deadlines: BodyBlock = {
    kind: 'paragraph',
    runs: [
      { text: 'Thời gian hoàn thành việc tự phê bình và phê bình đến hết ngày ' },
      { text: formatShortDate(input.meetingsDueOn), bold: true },
      { text: '; cấp ủy cơ sở báo cáo chậm nhất đến hết ngày ' },
      { text: formatShortDate(input.baseReportsDueOn), bold: true },
      { text: '; báo cáo về trên chậm nhất ngày ' },
      { text: formatShortDate(input.upwardReportDueOn), bold: true },
      { text: '.' },
    ],
  };
  return [...blocks, deadlines];
}

function planBody(input: PlanDocumentInput): BodyBlock[] {
  return [
    ...paragraphs(input.preamble),
    heading(PLAN_HEADINGS.purposes),
    ...paragraphs(input.purposes),
    heading(PLAN_HEADINGS.conduct),
    heading(PLAN_HEADINGS.subjects),
    ...paragraphs(input.subjects),
    heading(PLAN_HEADINGS.participants),
    ...paragraphs(input.participants),
    heading(PLAN_HEADINGS.timePlace),
    ...labelled('Thời gian', input.timeRules),
    ...labelled('Địa điểm', input.placeRules),
    heading(PLAN_HEADINGS.content),
    ...input.contentAreas.map((area): BodyBlock => ({ kind: 'paragraph', runs: inlineRuns(`- ${area}`) })),
    { kind: 'paragraph', runs: plain(PLAN_AREAS_FOLLOW_UP) },
    ...paragraphs(input.annualTheme),
    heading(PLAN_HEADINGS.methods),
    ...paragraphs(input.methods),
    ...agenda(),
    heading(PLAN_HEADINGS.implementation),
    ...implementation(input),
  ];
}

function manifestationsAppendix(input: PlanDocumentInput): PartyDocument['appendix'] {
  if (input.manifestations.length === 0) return undefined;
  const issued = input.issuedOn ? `, ngày ${formatShortDate(input.issuedOn)}` : '';
  return {
    title: PLAN_HEADINGS.manifestations,
    subtitle: `(Kèm theo Kế hoạch số ${fullNumber(input)}${issued})`,
    body: input.manifestations.map(
      (text, index): BodyBlock => ({ kind: 'paragraph', runs: inlineRuns(`${index + 1}. ${text}`) }),
    ),
  };
}

/** `03-KH/ĐUK`; a draft without a number leaves dots to fill by hand. */
const fullNumber = (input: PlanDocumentInput) => `${input.number.trim() || '....'}-${input.symbol}`;

// DOCUMENTS.md: the organization lines and the signing capacity and title are upper case, whatever the record holds.
const upper = (text: string) => text.toLocaleUpperCase('vi');

export function buildPlanDocument(input: PlanDocumentInput): PartyDocument {
  return {
    header: {
      superiorName: upper(input.superiorName),
      issuerName: upper(input.issuerName),
      numberLine: `Số ${fullNumber(input)}`,
      placeDateLine: formatPlaceDate(input.place, input.issuedOn),
    },
    kind: PLAN_KIND,
    subject: input.title,
    draft: input.draft,
    body: planBody(input),
    recipients: punctuateRecipients(input.recipients),
    signature: {
      capacity: upper(input.signingCapacity),
      title: upper(input.signerTitle),
      name: input.signerName,
    },
    appendix: manifestationsAppendix(input),
  };
}
