/** DESIGN step 4: a member's self-criticism (bản tự phê bình) — its sections, workflow and versions. */

export const SELF_CRITICISM_TEMPLATES = ['with_office', 'without_office'] as const;
export type SelfCriticismTemplate = (typeof SELF_CRITICISM_TEMPLATES)[number];

export const SELF_CRITICISM_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type SelfCriticismStatus = (typeof SELF_CRITICISM_STATUSES)[number];

export const SELF_CRITICISM_STATUS_LABELS: Record<SelfCriticismStatus, string> = {
  draft: 'Đang viết',
  submitted: 'Đã nộp',
  returned: 'Trả lại để sửa',
  accepted: 'Đã thông qua',
};

/** A draft its member has never opened. */
export const UNOPENED_LABEL = 'Chưa mở';

/** What tells whether a report was ever opened: openedAt is set the first time its member reads it. */
export interface OpenedFacts {
  status: SelfCriticismStatus;
  openedAt: Date | null;
}

/** A draft its member has not opened yet (reading it by the committee does not count). */
export function isUnopened(report: OpenedFacts): boolean {
  return report.status === 'draft' && report.openedAt === null;
}

/** Its status as shown: "Chưa mở" for a draft its member has not opened. */
export function statusLabelOf(report: OpenedFacts): string {
  return isUnopened(report) ? UNOPENED_LABEL : SELF_CRITICISM_STATUS_LABELS[report.status];
}

/** The member's sections in the seed's order: I.1–I.5 strengths, II shortcomings, III remedies. */
export const SELF_CRITICISM_SECTIONS = [
  'politicalIdeology',
  'ethicsLifestyle',
  'duties',
  'discipline',
  'remedying',
  'shortcomings',
  'remedies',
] as const;
export type SelfCriticismSection = (typeof SELF_CRITICISM_SECTIONS)[number];
export type SelfCriticismContent = Record<SelfCriticismSection, string>;

/** Headings as the seed's templates print them. */
export const SECTION_LABELS: Record<SelfCriticismSection, string> = {
  politicalIdeology: '1. Tư tưởng chính trị',
  ethicsLifestyle: '2. Phẩm chất, đạo đức, lối sống',
  duties: '3. Thực hiện chức trách, nhiệm vụ được giao',
  discipline: '4. Ý thức tổ chức, kỷ luật',
  remedying:
    '5. Việc khắc phục những khuyết điểm, hạn chế đã được góp ý năm trước và việc thực hiện những vấn đề đã hứa với quần chúng',
  shortcomings: 'II. Về khuyết điểm, hạn chế',
  remedies: 'III. Phương hướng, biện pháp khắc phục',
};

/** Section 5 says "(nếu có)": a member with nothing carried over from last year may leave it empty. */
export const OPTIONAL_SECTIONS: readonly SelfCriticismSection[] = ['remedying'];

/** The seed asks for short, concrete text; a section longer than this is refused. */
export const SECTION_MAX_LENGTH = 4000;

export const emptyContent = (): SelfCriticismContent => ({
  politicalIdeology: '',
  ethicsLifestyle: '',
  duties: '',
  discipline: '',
  remedying: '',
  shortcomings: '',
  remedies: '',
});

export interface ManifestationAnswer {
  none: boolean;
  items: { number: number; remark: string }[];
}

export interface SubmitIssue {
  path: string;
  message: string;
}

/**
 * What keeps a report from being submitted: empty required sections and an unstated manifestation
 * answer — asked only when the plan has a manifestation list (`listLength` items; issue 11).
 */
export function submitIssues(
  content: SelfCriticismContent,
  answer: ManifestationAnswer,
  listLength = 1,
): SubmitIssue[] {
  const issues: SubmitIssue[] = SELF_CRITICISM_SECTIONS.filter(
    (section) => !OPTIONAL_SECTIONS.includes(section) && content[section].trim() === '',
  ).map((section) => ({
    path: `body.content.${section}`,
    message: `Mục "${SECTION_LABELS[section]}" chưa được viết.`,
  }));
  if (listLength > 0 && !answer.none && answer.items.length === 0)
    issues.push({
      path: 'body.manifestationAnswer',
      message: 'Cần nêu "không có biểu hiện" hoặc chọn những biểu hiện có ở bản thân.',
    });
  return issues;
}

/** Problems of a manifestation answer against a list of `listLength` items (numbers are positions + 1). */
export function manifestationAnswerIssues(answer: ManifestationAnswer, listLength: number): SubmitIssue[] {
  const issues: SubmitIssue[] = [];
  if (answer.none && answer.items.length > 0)
    issues.push({
      path: 'body.manifestationAnswer.none',
      message: 'Đã chọn "không có biểu hiện" thì không chọn biểu hiện nào.',
    });
  const seen = new Set<number>();
  answer.items.forEach((item, index) => {
    if (item.number > listLength)
      issues.push({
        path: `body.manifestationAnswer.items.${index}.number`,
        message: `Danh mục biểu hiện của kế hoạch chỉ có ${listLength} mục.`,
      });
    else if (seen.has(item.number))
      issues.push({
        path: `body.manifestationAnswer.items.${index}.number`,
        message: `Biểu hiện số ${item.number} đã được chọn.`,
      });
    seen.add(item.number);
  });
  return issues;
}

/**
 * What the actor is to this report: its author (the member it belongs to), the committee of the
 * member's cell or workplace organization, or someone else who may at most see its status.
 */
export type SelfCriticismCapacity = 'author' | 'committee' | 'other';

export type SelfCriticismAction =
  | 'save'
  | 'submit'
  | 'return'
  | 'accept'
  | 'comment'
  | 'summarize'
  | 'editHeader';

interface ActionRule {
  by: SelfCriticismCapacity;
  from: readonly SelfCriticismStatus[];
  wrongState: string;
}

const RULES: Record<SelfCriticismAction, ActionRule> = {
  save: {
    by: 'author',
    from: ['draft', 'returned'],
    wrongState: 'Bản tự phê bình đã nộp: chỉ sửa được khi còn đang viết hoặc bị trả lại.',
  },
  submit: {
    by: 'author',
    from: ['draft', 'returned'],
    wrongState: 'Bản tự phê bình đã được nộp.',
  },
  return: {
    by: 'committee',
    from: ['submitted'],
    wrongState: 'Chỉ trả lại được bản tự phê bình đã nộp và chưa được thông qua.',
  },
  accept: {
    by: 'committee',
    from: ['submitted'],
    wrongState: 'Chỉ thông qua được bản tự phê bình đã nộp.',
  },
  comment: {
    by: 'committee',
    from: ['submitted', 'accepted'],
    wrongState: 'Cấp ủy nhận xét sau khi đảng viên đã nộp bản tự phê bình.',
  },
  summarize: {
    by: 'committee',
    from: ['submitted', 'returned', 'accepted'],
    wrongState: 'Cấp ủy tóm tắt sau khi đảng viên đã nộp bản tự phê bình.',
  },
  editHeader: {
    by: 'committee',
    from: ['draft', 'submitted', 'returned'],
    wrongState: 'Bản tự phê bình đã được thông qua: không sửa phần đầu được nữa.',
  },
};

export interface Refusal {
  code: 'forbidden' | 'conflict';
  message: string;
}

export const NOT_YOURS = 'Chỉ đảng viên viết bản tự phê bình mới được sửa và nộp.';
export const COMMITTEE_ONLY = 'Chỉ cấp ủy của chi bộ mới được thực hiện thao tác này.';
export const COMMENT_WITHOUT_OFFICE =
  'Mẫu dành cho đảng viên không có chức vụ không có phần nhận xét của cấp ủy.';
export const COMMENT_MISSING =
  'Cần ghi nhận xét của cấp ủy trước khi thông qua bản tự phê bình của đảng viên có chức vụ.';

/** Whether `capacity` may take `action` on a report in `status`; null when it may, else why not. */
export function refusal(
  action: SelfCriticismAction,
  report: { status: SelfCriticismStatus; template: SelfCriticismTemplate; committeeComment: string },
  capacity: SelfCriticismCapacity,
): Refusal | null {
  const rule = RULES[action];
  if (capacity !== rule.by)
    return { code: 'forbidden', message: rule.by === 'author' ? NOT_YOURS : COMMITTEE_ONLY };
  if (action === 'comment' && report.template !== 'with_office')
    return { code: 'conflict', message: COMMENT_WITHOUT_OFFICE };
  if (!rule.from.includes(report.status)) return { code: 'conflict', message: rule.wrongState };
  // Seed: the "with office" template ends with NHẬN XÉT CỦA CẤP ỦY; it is part of an accepted report.
  if (action === 'accept' && report.template === 'with_office' && report.committeeComment.trim() === '')
    return { code: 'conflict', message: COMMENT_MISSING };
  return null;
}

/** The status an allowed action leads to. */
export function statusAfter(action: SelfCriticismAction, from: SelfCriticismStatus): SelfCriticismStatus {
  if (action === 'submit') return 'submitted';
  if (action === 'return') return 'returned';
  if (action === 'accept') return 'accepted';
  return from;
}

/**
 * Autosave writes often; versions are append-only, so a save keeps a version only when the last
 * kept one is older than this (every state change, comment and summary always keeps one, so what
 * was submitted, returned and accepted is always in the history).
 */
export const SAVE_VERSION_INTERVAL_MS = 10 * 60 * 1000;

export function keepsVersionOnSave(lastKeptAt: Date | null, now: Date): boolean {
  return lastKeptAt === null || now.getTime() - lastKeptAt.getTime() >= SAVE_VERSION_INTERVAL_MS;
}

/** Everything a version keeps, flat enough to compare field by field. */
export interface SelfCriticismSnapshot {
  status: SelfCriticismStatus;
  header: Record<HeaderField, string | null>;
  content: SelfCriticismContent;
  carriedOver: string;
  manifestationAnswer: ManifestationAnswer;
  committeeComment: string;
  summary: { duties: string; strengths: string; shortcomings: string };
  returnReason: string | null;
}

export const HEADER_FIELDS = [
  'fullName',
  'birthDate',
  'partyOffice',
  'governmentOffice',
  'workplaceName',
  'cellName',
  'assignedDuty',
] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

const HEADER_LABELS: Record<HeaderField, string> = {
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  partyOffice: 'Chức vụ Đảng',
  governmentOffice: 'Chức vụ chính quyền',
  workplaceName: 'Đơn vị công tác',
  cellName: 'Sinh hoạt tại chi bộ',
  assignedDuty: 'Nhiệm vụ được phân công',
};

export interface FieldChange {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
}

const FIELD_LABELS: [string, string, (snapshot: SelfCriticismSnapshot) => unknown][] = [
  ['status', 'Trạng thái', (s) => SELF_CRITICISM_STATUS_LABELS[s.status]],
  ...HEADER_FIELDS.map(
    (field) =>
      [`header.${field}`, HEADER_LABELS[field], (s: SelfCriticismSnapshot) => s.header[field]] as [
        string,
        string,
        (snapshot: SelfCriticismSnapshot) => unknown,
      ],
  ),
  ['carriedOver', 'Khuyết điểm, lời hứa năm trước', (s) => s.carriedOver],
  ...SELF_CRITICISM_SECTIONS.map(
    (section) =>
      [`content.${section}`, SECTION_LABELS[section], (s: SelfCriticismSnapshot) => s.content[section]] as [
        string,
        string,
        (snapshot: SelfCriticismSnapshot) => unknown,
      ],
  ),
  ['manifestationAnswer', 'Biểu hiện suy thoái', (s) => s.manifestationAnswer],
  ['committeeComment', 'Nhận xét của cấp ủy', (s) => s.committeeComment],
  ['summary.duties', 'Tóm tắt: chức trách, nhiệm vụ', (s) => s.summary.duties],
  ['summary.strengths', 'Tóm tắt: ưu điểm chính', (s) => s.summary.strengths],
  ['summary.shortcomings', 'Tóm tắt: khuyết điểm chính', (s) => s.summary.shortcomings],
  ['returnReason', 'Lý do trả lại', (s) => s.returnReason],
];

/** The fields that differ between two versions, in the template's order, with their Vietnamese labels. */
export function diffSnapshots(before: SelfCriticismSnapshot, after: SelfCriticismSnapshot): FieldChange[] {
  return FIELD_LABELS.flatMap(([field, label, read]) => {
    const from = read(before) ?? null;
    const to = read(after) ?? null;
    return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ field, label, before: from, after: to }];
  });
}
