import { FEEDBACK_AREA_LABELS, FORM_AREAS } from '../domain/feedback.js';
import { type BodyBlock, type PartyDocument, plain } from './party-document.js';

/** The seed's "PHIẾU GHI Ý KIẾN ĐÓNG GÓP", blank or with the member's name filled in. */
export const FEEDBACK_FORM_KIND = 'PHIẾU GHI Ý KIẾN ĐÓNG GÓP';
export const FEEDBACK_FORM_NOTE = '(Dành cho quần chúng, khi cấp ủy thấy thật sự thấy cần thiết)';
export const FEEDBACK_FORM_HEADINGS = {
  strengths: 'I- VỀ ƯU ĐIỂM',
  shortcomings: 'II- VỀ KHUYẾT ĐIỂM, HẠN CHẾ',
  proposals: 'III- ĐỀ XUẤT (nếu có)',
} as const;
const LEAD = 'Qua nghiên cứu, ưu điểm, khuyết điểm của đảng viên';

export interface FeedbackFormDocumentInput {
  place: string;
  year: number;
  /** Empty: the blank form, with dotted leaders after the lead line. */
  memberName: string;
}

/** Lines left to write on under each area, as the seed leaves them. */
const WRITING_LINES = 3;

const lines = (count: number): BodyBlock[] =>
  Array.from({ length: count }, () => ({ kind: 'fill', runs: [] }));
const heading = (text: string): BodyBlock => ({ kind: 'heading', runs: plain(text) });

function areas(): BodyBlock[] {
  return FORM_AREAS.flatMap((area) => [heading(FEEDBACK_AREA_LABELS[area]), ...lines(WRITING_LINES)]);
}

function lead(memberName: string): BodyBlock {
  const name = memberName.trim();
  if (!name) return { kind: 'fill', runs: plain(LEAD) };
  return { kind: 'paragraph', runs: [{ text: `${LEAD} ` }, { text: name, bold: true }] };
}

export function buildFeedbackFormDocument(input: FeedbackFormDocumentInput): PartyDocument {
  const place = input.place.trim() || '..........';
  return {
    header: { organizationLines: [], placeDateLine: `${place}, ngày ..... tháng ..... năm ${input.year}` },
    kind: FEEDBACK_FORM_KIND,
    note: FEEDBACK_FORM_NOTE,
    body: [
      lead(input.memberName),
      { kind: 'paragraph', runs: plain('Tôi có đóng góp như sau:') },
      heading(FEEDBACK_FORM_HEADINGS.strengths),
      ...areas(),
      heading(FEEDBACK_FORM_HEADINGS.shortcomings),
      ...areas(),
      heading(FEEDBACK_FORM_HEADINGS.proposals),
      ...lines(WRITING_LINES + 1),
    ],
    recipients: [],
    signature: { title: '', name: '' },
    // The seed's form is not signed: it may be returned without a name.
    signatures: [],
  };
}

/** One form per member, or one blank form when there is no one to name. */
export function buildFeedbackForms(place: string, year: number, memberNames: string[]): PartyDocument[] {
  const names = memberNames.length > 0 ? memberNames : [''];
  return names.map((memberName) => buildFeedbackFormDocument({ place, year, memberName }));
}
