import { describe, expect, it } from 'vitest';
import {
  COMMENT_MISSING,
  COMMENT_WITHOUT_OFFICE,
  COMMITTEE_ONLY,
  diffSnapshots,
  emptyContent,
  keepsVersionOnSave,
  manifestationAnswerIssues,
  NOT_YOURS,
  refusal,
  type SelfCriticismAction,
  type SelfCriticismCapacity,
  type SelfCriticismSnapshot,
  type SelfCriticismStatus,
  statusAfter,
  submitIssues,
} from './self-criticism.js';

const report = (
  status: SelfCriticismStatus,
  template = 'without_office' as const,
  committeeComment = '',
) => ({
  status,
  template,
  committeeComment,
});

describe('refusal: who may do what in which state', () => {
  const allowed: [SelfCriticismAction, SelfCriticismCapacity, SelfCriticismStatus][] = [
    ['save', 'author', 'draft'],
    ['save', 'author', 'returned'],
    ['submit', 'author', 'draft'],
    ['submit', 'author', 'returned'],
    ['return', 'committee', 'submitted'],
    ['accept', 'committee', 'submitted'],
    ['summarize', 'committee', 'submitted'],
    ['summarize', 'committee', 'returned'],
    ['summarize', 'committee', 'accepted'],
    ['editHeader', 'committee', 'draft'],
    ['editHeader', 'committee', 'submitted'],
  ];
  it.each(allowed)('%s by %s from %s is allowed', (action, capacity, status) => {
    expect(refusal(action, report(status), capacity)).toBeNull();
  });

  const refused: [
    SelfCriticismAction,
    SelfCriticismCapacity,
    SelfCriticismStatus,
    'forbidden' | 'conflict',
    string,
  ][] = [
    ['save', 'committee', 'draft', 'forbidden', NOT_YOURS],
    ['save', 'other', 'draft', 'forbidden', NOT_YOURS],
    [
      'save',
      'author',
      'submitted',
      'conflict',
      'Bản tự phê bình đã nộp: chỉ sửa được khi còn đang viết hoặc bị trả lại.',
    ],
    [
      'save',
      'author',
      'accepted',
      'conflict',
      'Bản tự phê bình đã nộp: chỉ sửa được khi còn đang viết hoặc bị trả lại.',
    ],
    ['submit', 'committee', 'draft', 'forbidden', NOT_YOURS],
    ['submit', 'author', 'submitted', 'conflict', 'Bản tự phê bình đã được nộp.'],
    ['return', 'author', 'submitted', 'forbidden', COMMITTEE_ONLY],
    [
      'return',
      'committee',
      'draft',
      'conflict',
      'Chỉ trả lại được bản tự phê bình đã nộp và chưa được thông qua.',
    ],
    [
      'return',
      'committee',
      'accepted',
      'conflict',
      'Chỉ trả lại được bản tự phê bình đã nộp và chưa được thông qua.',
    ],
    ['accept', 'author', 'submitted', 'forbidden', COMMITTEE_ONLY],
    ['accept', 'other', 'submitted', 'forbidden', COMMITTEE_ONLY],
    ['accept', 'committee', 'returned', 'conflict', 'Chỉ thông qua được bản tự phê bình đã nộp.'],
    ['summarize', 'author', 'submitted', 'forbidden', COMMITTEE_ONLY],
    [
      'summarize',
      'committee',
      'draft',
      'conflict',
      'Cấp ủy tóm tắt sau khi đảng viên đã nộp bản tự phê bình.',
    ],
    ['editHeader', 'author', 'draft', 'forbidden', COMMITTEE_ONLY],
    [
      'editHeader',
      'committee',
      'accepted',
      'conflict',
      'Bản tự phê bình đã được thông qua: không sửa phần đầu được nữa.',
    ],
  ];
  it.each(refused)('%s by %s from %s is refused (%s)', (action, capacity, status, code, message) => {
    expect(refusal(action, report(status), capacity)).toEqual({ code, message });
  });

  it('lets the committee comment only on the "with office" template, after submission', () => {
    expect(refusal('comment', report('submitted', 'with_office' as never), 'committee')).toBeNull();
    expect(refusal('comment', report('accepted', 'with_office' as never), 'committee')).toBeNull();
    expect(refusal('comment', report('submitted'), 'committee')).toEqual({
      code: 'conflict',
      message: COMMENT_WITHOUT_OFFICE,
    });
    expect(refusal('comment', report('draft', 'with_office' as never), 'committee')?.code).toBe('conflict');
    expect(refusal('comment', report('submitted', 'with_office' as never), 'author')?.code).toBe('forbidden');
  });

  it('accepts a "with office" report only once the committee has commented', () => {
    expect(refusal('accept', report('submitted', 'with_office' as never), 'committee')).toEqual({
      code: 'conflict',
      message: COMMENT_MISSING,
    });
    expect(refusal('accept', report('submitted', 'with_office' as never, 'Tốt'), 'committee')).toBeNull();
  });

  it.each([
    ['submit', 'draft', 'submitted'],
    ['submit', 'returned', 'submitted'],
    ['return', 'submitted', 'returned'],
    ['accept', 'submitted', 'accepted'],
    ['save', 'draft', 'draft'],
    ['comment', 'accepted', 'accepted'],
  ] as const)('%s from %s leads to %s', (action, from, to) => {
    expect(statusAfter(action, from)).toBe(to);
  });
});

describe('submitIssues', () => {
  it('names every empty required section and an unstated manifestation answer', () => {
    const issues = submitIssues({ ...emptyContent(), duties: 'Hoàn thành tốt' }, { none: false, items: [] });
    expect(issues.map((issue) => issue.path)).toEqual([
      'body.content.politicalIdeology',
      'body.content.ethicsLifestyle',
      'body.content.discipline',
      'body.content.shortcomings',
      'body.content.remedies',
      'body.manifestationAnswer',
    ]);
    expect(issues[0]!.message).toBe('Mục "1. Tư tưởng chính trị" chưa được viết.');
  });

  it('leaves section 5 optional ("nếu có") and accepts "no manifestation"', () => {
    const full = Object.fromEntries(Object.keys(emptyContent()).map((key) => [key, 'Có nội dung']));
    expect(
      submitIssues(
        { ...(full as ReturnType<typeof emptyContent>), remedying: '' },
        { none: true, items: [] },
      ),
    ).toEqual([]);
  });

  it('asks nothing about manifestations when the plan has no list (issue 11)', () => {
    const full = Object.fromEntries(Object.keys(emptyContent()).map((key) => [key, 'Có nội dung']));
    const content = full as ReturnType<typeof emptyContent>;
    expect(submitIssues(content, { none: false, items: [] }, 0)).toEqual([]);
    expect(submitIssues(content, { none: false, items: [] }, 3).map((issue) => issue.path)).toEqual([
      'body.manifestationAnswer',
    ]);
  });
});

describe('manifestationAnswerIssues', () => {
  it.each([
    [{ none: true, items: [{ number: 1, remark: '' }] }, 'body.manifestationAnswer.none'],
    [{ none: false, items: [{ number: 83, remark: '' }] }, 'body.manifestationAnswer.items.0.number'],
    [
      {
        none: false,
        items: [
          { number: 2, remark: '' },
          { number: 2, remark: 'x' },
        ],
      },
      'body.manifestationAnswer.items.1.number',
    ],
  ])('refuses %j at %s', (answer, path) => {
    expect(manifestationAnswerIssues(answer, 82).map((issue) => issue.path)).toEqual([path]);
  });

  it('accepts items within the list', () => {
    expect(manifestationAnswerIssues({ none: false, items: [{ number: 82, remark: 'Có lúc' }] }, 82)).toEqual(
      [],
    );
  });
});

describe('keepsVersionOnSave', () => {
  const at = new Date('2026-11-01T08:00:00Z');
  it.each([
    [null, at, true],
    [at, new Date('2026-11-01T08:09:59Z'), false],
    [at, new Date('2026-11-01T08:10:00Z'), true],
  ])('last kept %s, now %s → %s', (last, now, keeps) => {
    expect(keepsVersionOnSave(last, now)).toBe(keeps);
  });
});

describe('diffSnapshots', () => {
  const base: SelfCriticismSnapshot = {
    status: 'submitted',
    header: {
      fullName: 'Nguyễn Văn A',
      birthDate: null,
      partyOffice: '',
      governmentOffice: '',
      workplaceName: 'Sở',
      cellName: 'Chi bộ',
      assignedDuty: '',
    },
    content: emptyContent(),
    carriedOver: '',
    manifestationAnswer: { none: true, items: [] },
    committeeComment: '',
    summary: { duties: '', strengths: '', shortcomings: '' },
    returnReason: null,
  };

  it('is empty between equal snapshots', () => {
    expect(diffSnapshots(base, structuredClone(base))).toEqual([]);
  });

  it('lists changed fields in the template order with labels', () => {
    const after: SelfCriticismSnapshot = {
      ...base,
      status: 'returned',
      returnReason: 'Viết cụ thể hơn',
      content: { ...base.content, shortcomings: 'Còn chậm' },
      header: { ...base.header, assignedDuty: 'Kế toán' },
    };
    expect(diffSnapshots(base, after)).toEqual([
      { field: 'status', label: 'Trạng thái', before: 'Đã nộp', after: 'Trả lại để sửa' },
      { field: 'header.assignedDuty', label: 'Nhiệm vụ được phân công', before: '', after: 'Kế toán' },
      { field: 'content.shortcomings', label: 'II. Về khuyết điểm, hạn chế', before: '', after: 'Còn chậm' },
      { field: 'returnReason', label: 'Lý do trả lại', before: null, after: 'Viết cụ thể hơn' },
    ]);
  });
});
