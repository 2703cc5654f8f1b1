/** Opinions (ý kiến) of the masses: the areas and kinds of the seed's feedback form. Pure: no I/O. */

/** The five areas of "PHIẾU GHI Ý KIẾN ĐÓNG GÓP", in the seed's order, then proposals (III- ĐỀ XUẤT). */
export const FORM_AREAS = [
  'politicalIdeology',
  'ethicsLifestyle',
  'duties',
  'discipline',
  'remedying',
] as const;
export type FormArea = (typeof FORM_AREAS)[number];

export const FEEDBACK_AREAS = [...FORM_AREAS, 'proposals'] as const;
export type FeedbackArea = (typeof FEEDBACK_AREAS)[number];

export const FEEDBACK_KINDS = ['strength', 'shortcoming', 'proposal'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const FEEDBACK_CHANNELS = ['oral', 'paper', 'online', 'phone'] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

/** The seed's headings, numbered as on the form. */
export const FEEDBACK_AREA_LABELS: Record<FeedbackArea, string> = {
  politicalIdeology: '1. Tư tưởng chính trị',
  ethicsLifestyle: '2. Phẩm chất, đạo đức, lối sống',
  duties: '3. Thực hiện chức trách (nhiệm vụ được giao)',
  discipline: '4. Ý thức tổ chức, kỷ luật',
  remedying:
    '5. Việc khắc phục những khuyết điểm, hạn chế đã được góp ý năm trước và việc thực hiện những vấn đề đã hứa với quần chúng cơ quan, đơn vị, doanh nghiệp (nếu có)',
  proposals: 'Đề xuất',
};

/** Short names for lists and pickers. */
export const FEEDBACK_AREA_SHORT_LABELS: Record<FeedbackArea, string> = {
  politicalIdeology: 'Tư tưởng chính trị',
  ethicsLifestyle: 'Đạo đức, lối sống',
  duties: 'Chức trách, nhiệm vụ',
  discipline: 'Tổ chức, kỷ luật',
  remedying: 'Khắc phục khuyết điểm năm trước',
  proposals: 'Đề xuất',
};

export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = {
  strength: 'Ưu điểm',
  shortcoming: 'Khuyết điểm, hạn chế',
  proposal: 'Đề xuất',
};

export const FEEDBACK_CHANNEL_LABELS: Record<FeedbackChannel, string> = {
  oral: 'Phát biểu tại buổi họp',
  paper: 'Phiếu giấy',
  online: 'Góp ý trên hệ thống (ghi tên)',
  phone: 'Phiếu qua điện thoại (ẩn danh)',
};

/** Shown where an opinion carries no speaker's name. */
export const UNNAMED_SPEAKER = 'không ghi tên';

/** A proposal has its own area; strengths and shortcomings belong to one of the five. */
export function isConsistentOpinion(area: FeedbackArea, kind: FeedbackKind): boolean {
  return (area === 'proposals') === (kind === 'proposal');
}

/** One filled feedback form about one member, as written on paper, online or on a phone. */
export interface FeedbackFormContent {
  strengths: Record<FormArea, string>;
  shortcomings: Record<FormArea, string>;
  proposals: string;
}

export interface FormOpinion {
  area: FeedbackArea;
  kind: FeedbackKind;
  text: string;
}

/** The form's filled areas as opinions, in the seed's order (I- strengths, II- shortcomings, III- proposals). Empty areas are allowed and dropped. */
export function opinionsOfForm(form: FeedbackFormContent): FormOpinion[] {
  const opinions: FormOpinion[] = [];
  for (const area of FORM_AREAS) {
    const text = form.strengths[area].trim();
    if (text) opinions.push({ area, kind: 'strength', text });
  }
  for (const area of FORM_AREAS) {
    const text = form.shortcomings[area].trim();
    if (text) opinions.push({ area, kind: 'shortcoming', text });
  }
  const proposals = form.proposals.trim();
  if (proposals) opinions.push({ area: 'proposals', kind: 'proposal', text: proposals });
  return opinions;
}

export const EMPTY_FORM_MESSAGE = 'Phiếu chưa có ý kiến nào: hãy ghi ít nhất một ô.';
