import { type BodyBlock, type PartyDocument, plain } from './party-document.js';
import { formatPlaceDate, formatShortDate, inlineRuns, paragraphs, textLines } from './plan-text.js';
import {
  SELF_CRITICISM_HEADINGS,
  SELF_CRITICISM_KIND,
  type SelfCriticismTemplate,
  type SelfCriticismTemplateId,
  selfCriticismTemplate,
} from './self-criticism-template.js';

export type SelfCriticismContent = Record<keyof SelfCriticismTemplate['guidance'], string>;

export interface ManifestationChoice {
  /** The item's number in the plan's list. */
  number: number;
  text: string;
  remark: string;
}

/**
 * What a self-criticism report shows, as plain data. An empty field prints as the seed's blank
 * form does: dotted leaders to write by hand, and under an empty section its guidance text.
 */
export interface SelfCriticismDocumentInput {
  template: SelfCriticismTemplateId;
  /**
   * The member's cell's header lines (`ĐẢNG BỘ SỞ Y TẾ`, `CHI BỘ VĂN PHÒNG SỞ Y TẾ`), printed on the
   * left where the seed has them (form without office); empty prints the seed's `ĐẢNG BỘ.....`.
   */
  organizationLines: { superior: string; issuer: string };
  /** After `Sinh hoạt tại chi bộ:`, as the member's record gives it. */
  cellName: string;
  place: string;
  /** ISO; null leaves `ngày ..... tháng ..... năm {year}` to fill by hand. */
  date: string | null;
  year: number;
  fullName: string;
  /** ISO. */
  birthDate: string | null;
  /** With office only. */
  partyOffice: string;
  /** With office only. */
  governmentOffice: string;
  workplaceName: string;
  /** Without office only. */
  assignedDuty: string;
  /** Multi-line fields: each non-empty line a paragraph, `*italic*` and `**bold**` as in the plan. */
  content: SelfCriticismContent;
  /** Last year's shortcomings and promises, shown under section 5; none, nothing shown. */
  carriedOver: string[];
  /** Against the plan's list of manifestations; null when the plan has no list. */
  manifestations: { none: boolean; items: ManifestationChoice[] } | null;
  /** With office only: printed under `NHẬN XÉT CỦA CẤP ỦY`. */
  committeeComment: string;
  signerName: string;
}

/** Lines left to write on under an empty section, as the seed's feedback form leaves them. */
const HANDWRITING_LINES = 3;

const dots = (count = HANDWRITING_LINES): BodyBlock[] =>
  Array.from({ length: count }, () => ({ kind: 'fill', runs: [] }));

const heading = (text: string): BodyBlock => ({ kind: 'heading', runs: inlineRuns(text) });

/** A header line `Chức vụ Đảng: …`: the value, or dotted leaders to fill by hand. */
function headerLine(label: string, value: string): BodyBlock {
  const text = value.trim();
  if (!text) return { kind: 'fill', runs: plain(`${label}:`) };
  return { kind: 'paragraph', runs: plain(`${label}: ${text}`) };
}

/** `Họ và tên:.....sinh ngày:.....` as the seed writes it, each part dotted when unknown. */
function nameLine(input: SelfCriticismDocumentInput): BodyBlock {
  const name = input.fullName.trim() || '................................................';
  if (!input.birthDate) return { kind: 'fill', runs: plain(`Họ và tên: ${name}, sinh ngày:`) };
  return {
    kind: 'paragraph',
    runs: plain(`Họ và tên: ${name}, sinh ngày: ${formatShortDate(input.birthDate)}`),
  };
}

function identity(input: SelfCriticismDocumentInput): BodyBlock[] {
  const cell = input.cellName.trim().replace(/^chi bộ\s*/i, '');
  if (input.template === 'with_office') {
    return [
      nameLine(input),
      headerLine('Chức vụ Đảng', input.partyOffice),
      headerLine('Chức vụ chính quyền', input.governmentOffice),
      headerLine('Đơn vị công tác', input.workplaceName),
      headerLine('Sinh hoạt tại chi bộ', cell),
    ];
  }
  return [
    nameLine(input),
    headerLine('Đơn vị công tác', input.workplaceName),
    headerLine('Sinh hoạt tại chi bộ', cell),
    headerLine('Nhiệm vụ được phân công', input.assignedDuty),
  ];
}

/** The member's text, or — in a blank section — the seed's guidance and lines to write on. */
function section(text: string, guidance: string[]): BodyBlock[] {
  if (textLines(text).length > 0) return paragraphs(text);
  return [...guidance.map((line): BodyBlock => ({ kind: 'paragraph', runs: inlineRuns(line) })), ...dots()];
}

function carriedOver(items: string[]): BodyBlock[] {
  const kept = items.map((item) => item.trim().replace(/^-\s*/, '')).filter(Boolean);
  if (kept.length === 0) return [];
  return [
    {
      kind: 'paragraph',
      runs: [{ text: 'Khuyết điểm, hạn chế được góp ý năm trước và những vấn đề đã hứa:', italic: true }],
    },
    ...kept.map((item): BodyBlock => ({ kind: 'paragraph', runs: [{ text: `- ${item}`, italic: true }] })),
  ];
}

// The plan's list: Ban Thường vụ Tỉnh ủy's manifestations of decline (Seed II.4, 82 in 2020).
const MANIFESTATIONS_LEAD =
  'Đối chiếu với danh mục biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, “*tự diễn biến*”, “*tự chuyển hóa*” kèm theo Kế hoạch, bản thân';

function manifestations(input: SelfCriticismDocumentInput): BodyBlock[] {
  const stated = input.manifestations;
  if (!stated) return [];
  if (stated.none) {
    return [{ kind: 'paragraph', runs: inlineRuns(`${MANIFESTATIONS_LEAD} không có biểu hiện nào.`) }];
  }
  if (stated.items.length === 0) {
    return [{ kind: 'paragraph', runs: inlineRuns(`${MANIFESTATIONS_LEAD}:`) }, ...dots(2)];
  }
  return [
    { kind: 'paragraph', runs: inlineRuns(`${MANIFESTATIONS_LEAD} có các biểu hiện sau:`) },
    ...stated.items.map((item): BodyBlock => {
      const remark = item.remark.trim();
      return {
        kind: 'paragraph',
        runs: plain(`- Biểu hiện ${item.number}. ${item.text.trim()}${remark ? ` ${remark}` : ''}`),
      };
    }),
  ];
}

function reportBody(input: SelfCriticismDocumentInput, template: SelfCriticismTemplate): BodyBlock[] {
  const { content } = input;
  const { guidance, headings } = template;
  return [
    ...identity(input),
    { kind: 'paragraph', runs: plain(template.preamble) },
    heading(SELF_CRITICISM_HEADINGS.strengths),
    heading(headings.politicalIdeology),
    ...section(content.politicalIdeology, guidance.politicalIdeology),
    heading(headings.ethicsLifestyle),
    ...section(content.ethicsLifestyle, guidance.ethicsLifestyle),
    heading(headings.duties),
    ...section(content.duties, guidance.duties),
    heading(headings.discipline),
    ...section(content.discipline, guidance.discipline),
    heading(headings.remedying),
    ...carriedOver(input.carriedOver),
    ...section(content.remedying, guidance.remedying),
    heading(SELF_CRITICISM_HEADINGS.shortcomings),
    ...section(content.shortcomings, guidance.shortcomings),
    ...manifestations(input),
    heading(SELF_CRITICISM_HEADINGS.remedies),
    ...section(content.remedies, guidance.remedies),
  ];
}

const upper = (text: string) => text.toLocaleUpperCase('vi');

const DOTTED_NAME = '.....................';

function placeDateLine(input: SelfCriticismDocumentInput): string {
  if (input.date) return formatPlaceDate(input.place, input.date);
  return `${input.place.trim() || '..........'}, ngày ..... tháng ..... năm ${input.year}`;
}

function committeeNote(input: SelfCriticismDocumentInput): PartyDocument['closingNote'] {
  if (input.template !== 'with_office') return undefined;
  const comment = paragraphs(input.committeeComment);
  return {
    title: SELF_CRITICISM_HEADINGS.committeeComment,
    body: comment.length > 0 ? comment : dots(4),
  };
}

/** A form with nothing filled in: every field prints dotted leaders or the seed's guidance. */
export function blankSelfCriticismInput(
  template: SelfCriticismTemplateId,
  place: string,
  year: number,
): SelfCriticismDocumentInput {
  return {
    template,
    organizationLines: { superior: '', issuer: '' },
    cellName: '',
    place,
    date: null,
    year,
    fullName: '',
    birthDate: null,
    partyOffice: '',
    governmentOffice: '',
    workplaceName: '',
    assignedDuty: '',
    content: {
      politicalIdeology: '',
      ethicsLifestyle: '',
      duties: '',
      discipline: '',
      remedying: '',
      shortcomings: '',
      remedies: '',
    },
    carriedOver: [],
    manifestations: null,
    committeeComment: '',
    signerName: '',
  };
}

export function buildSelfCriticismDocument(input: SelfCriticismDocumentInput): PartyDocument {
  const template = selfCriticismTemplate(input.template, input.year);
  return {
    header: {
      // The seed prints the organization lines on the form without office only.
      organizationLines: template.organizationLines
        ? [
            upper(input.organizationLines.superior.trim()) || `ĐẢNG BỘ ${DOTTED_NAME}`,
            upper(input.organizationLines.issuer.trim()) || `CHI BỘ ${DOTTED_NAME}`,
          ]
        : [],
      placeDateLine: placeDateLine(input),
    },
    kind: SELF_CRITICISM_KIND,
    subject: template.subject,
    note: template.note,
    body: reportBody(input, template),
    recipients: [],
    closingNote: committeeNote(input),
    signature: { title: SELF_CRITICISM_HEADINGS.signer, name: input.signerName.trim() },
  };
}
