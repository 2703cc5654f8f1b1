import { describe, expect, it } from 'vitest';
import {
  absenceLine,
  acceptsNamedFeedback,
  assembleMinutes,
  attendanceLine,
  canonicalJson,
  checkSigning,
  EMPTY_DRAFT,
  endTimeIssue,
  type MinutesFacts,
  type RecordedOpinion,
} from './minutes.js';

const opinion = (fields: Partial<RecordedOpinion>): RecordedOpinion => ({
  selfCriticismId: 'sc-a',
  channel: 'oral',
  area: 'duties',
  kind: 'strength',
  text: 'Tận tụy.',
  speakerName: null,
  dissenting: false,
  order: 1,
  ...fields,
});

const facts = (fields: Partial<MinutesFacts> = {}): MinutesFacts => ({
  workplaceName: 'Văn phòng Sở',
  organizationName: 'Chi bộ Văn phòng',
  year: 2026,
  startsAt: new Date('2026-11-10T08:00:00+07:00'),
  endsAt: new Date('2026-11-10T11:30:00+07:00'),
  place: 'Hội trường',
  chairName: 'Nguyễn Văn Tám',
  secretaryName: 'Phạm Thị Thư',
  delegates: ['Đồng chí Khối'],
  massesPresent: 12,
  massesPresentNames: [],
  members: [
    {
      selfCriticismId: 'sc-a',
      fullName: 'Nguyễn Văn Tám',
      duties: 'Giám đốc',
      strengths: 'Gương mẫu',
      shortcomings: 'Chậm',
      present: true,
      absenceReason: null,
      absenceReasonValid: null,
    },
    {
      selfCriticismId: 'sc-b',
      fullName: 'Trần Thị Chín',
      duties: 'Kế toán',
      strengths: '',
      shortcomings: '',
      present: false,
      absenceReason: 'Ốm',
      absenceReasonValid: true,
    },
  ],
  opinions: [],
  responses: [],
  phoneReleased: false,
  draft: EMPTY_DRAFT,
  ...fields,
});

describe('assembleMinutes', () => {
  it('gives the time, the counts and each member in order, with Vietnam times', () => {
    const content = assembleMinutes(facts());
    expect(content).toMatchObject({
      date: '2026-11-10',
      startTime: '08:00',
      endTime: '11:30',
      counts: {
        members: 2,
        present: 1,
        absent: [{ fullName: 'Trần Thị Chín', reason: 'Ốm', reasonValid: true }],
        massesPresent: 12,
      },
    });
    expect(content.members.map((member) => member.fullName)).toEqual(['Nguyễn Văn Tám', 'Trần Thị Chín']);
  });

  it('takes the ending time the secretary wrote over the scheduled one', () => {
    expect(assembleMinutes(facts({ draft: { ...EMPTY_DRAFT, endedAt: '11:05' } })).endTime).toBe('11:05');
  });

  it('puts each opinion under its member or the collective: oral as said, then paper, then online', () => {
    const content = assembleMinutes(
      facts({
        opinions: [
          opinion({ channel: 'paper', text: 'Phiếu giấy', order: 2, speakerName: 'Lê Văn Giấy' }),
          opinion({ channel: 'oral', text: 'Nói sau', order: 5 }),
          opinion({ channel: 'online', text: 'Trên mạng', order: 3 }),
          opinion({ channel: 'oral', text: 'Nói trước', order: 4, dissenting: true }),
          opinion({ selfCriticismId: null, text: 'Về tập thể', order: 6 }),
        ],
        responses: [
          { selfCriticismId: 'sc-a', text: 'Xin tiếp thu.' },
          { selfCriticismId: null, text: 'Chi bộ tiếp thu.' },
        ],
      }),
    );
    const [first] = content.members;
    expect(first?.opinions.map((item) => item.text)).toEqual([
      'Nói trước',
      'Nói sau',
      'Phiếu giấy',
      'Trên mạng',
    ]);
    expect(first?.opinions[0]).toMatchObject({ dissenting: true, speaker: null });
    expect(first?.opinions[2]?.speaker).toBe('Lê Văn Giấy');
    expect(first?.response).toBe('Xin tiếp thu.');
    expect(content.collective).toEqual({
      opinions: [expect.objectContaining({ text: 'Về tập thể' })],
      response: 'Chi bộ tiếp thu.',
    });
  });

  it.each([
    [false, []],
    [true, ['Phiếu điện thoại']],
  ])('phone opinions shown only once the window is closed (released: %s)', (phoneReleased, expected) => {
    const content = assembleMinutes(
      facts({
        phoneReleased,
        opinions: [opinion({ channel: 'phone', text: 'Phiếu điện thoại', order: null })],
      }),
    );
    expect(content.members[0]?.opinions.map((item) => item.text)).toEqual(expected);
  });

  it('orders phone opinions by the form, never by arrival', () => {
    const a = opinion({ channel: 'phone', order: null, kind: 'shortcoming', area: 'duties', text: 'B' });
    const b = opinion({ channel: 'phone', order: null, kind: 'strength', area: 'discipline', text: 'C' });
    const c = opinion({ channel: 'phone', order: null, kind: 'strength', area: 'duties', text: 'A' });
    const one = assembleMinutes(facts({ phoneReleased: true, opinions: [a, b, c] }));
    const other = assembleMinutes(facts({ phoneReleased: true, opinions: [c, a, b] }));
    expect(one).toEqual(other);
    expect(one.members[0]?.opinions.map((item) => item.text)).toEqual(['A', 'C', 'B']);
  });
});

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [2, { d: null, c: 'x' }] }, '{"a":[2,{"c":"x","d":null}],"b":1}'],
    [{ a: undefined, b: 'Tiếng Việt' }, '{"b":"Tiếng Việt"}'],
    ['chuỗi', '"chuỗi"'],
    [[], '[]'],
  ])('%j → %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('does not depend on the order keys were written in', () => {
    expect(canonicalJson({ x: 1, y: { p: 1, q: 2 } })).toBe(canonicalJson({ y: { q: 2, p: 1 }, x: 1 }));
  });
});

describe('checkSigning', () => {
  const signed = (capacity: 'chair' | 'secretary' | 'masses_representative', hash = 'h1') => ({
    capacity,
    signedContentHash: hash,
  });

  it.each([
    ['the first signature', [], 'chair', { ok: true, locks: false }],
    ['the second', [signed('chair')], 'secretary', { ok: true, locks: false }],
    [
      'the third on the same text locks',
      [signed('chair'), signed('secretary')],
      'masses_representative',
      {
        ok: true,
        locks: true,
      },
    ],
  ] as const)('%s', (_name, existing, capacity, expected) => {
    expect(checkSigning([...existing], capacity, 'h1')).toEqual(expected);
  });

  it('refuses a second signature in one capacity', () => {
    const check = checkSigning([signed('chair')], 'chair', 'h1');
    expect(check).toMatchObject({ ok: false, code: 'already_signed' });
  });

  it('refuses the third when someone signed an older text, naming who must sign again', () => {
    const check = checkSigning([signed('chair', 'h0'), signed('secretary')], 'masses_representative', 'h1');
    expect(check).toMatchObject({ ok: false, code: 'stale' });
    expect(check.ok ? '' : check.message).toContain('chủ trì');
  });
});

describe('acceptsNamedFeedback', () => {
  const base = {
    agendaStep: 'not_started' as const,
    startsAt: new Date('2026-11-10T08:00:00+07:00'),
    endsAt: new Date('2026-11-10T11:30:00+07:00'),
    window: { openedAt: null, endsAt: null, closedAt: null },
    minutesLocked: false,
  };
  const during = new Date('2026-11-10T09:00:00+07:00');
  const before = new Date('2026-11-09T09:00:00+07:00');
  const open = { openedAt: new Date('2026-11-10T08:00:00+07:00'), endsAt: null, closedAt: null };

  it.each([
    ['before the meeting', base, before, false],
    ['within its hours', base, during, true],
    ['agenda under way before its hours', { ...base, agendaStep: 'content' as const }, before, true],
    ['agenda done, window not opened', { ...base, agendaStep: 'done' as const }, before, false],
    ['window open', { ...base, agendaStep: 'done' as const, window: open }, before, true],
    ['minutes locked', { ...base, window: open, minutesLocked: true }, during, false],
  ])('%s → %s', (_name, meeting, now, expected) => {
    expect(acceptsNamedFeedback(meeting, now)).toBe(expected);
  });
});

describe('attendance and end time in the minutes (issue 11)', () => {
  const counts = (present: number, unmarked: number | undefined, absent: number) => ({
    members: present + (unmarked ?? 0) + absent,
    present,
    unmarked,
    absent: Array.from({ length: absent }, () => ({ fullName: 'A', reason: '', reasonValid: false })),
    massesPresent: 0,
    massesPresentNames: [],
  });
  it('says attendance is not taken before anyone is marked', () => {
    expect(attendanceLine(counts(0, 8, 0))).toBe('8 đồng chí; chưa điểm danh.');
  });
  it('counts only those marked, naming the rest as not marked yet', () => {
    expect(attendanceLine(counts(5, 2, 1))).toBe('8 đồng chí; có mặt 5, vắng mặt 1, chưa điểm danh 2.');
    expect(attendanceLine(counts(7, undefined, 1))).toBe('8 đồng chí; có mặt 7, vắng mặt 1.');
  });
  it('writes the absence in the member’s own section', () => {
    expect(absenceLine({ reason: '', reasonValid: false })).toContain(
      'Vắng mặt: không rõ lý do (lý do không chính đáng)',
    );
  });
  it('refuses an end before or at the start', () => {
    expect(endTimeIssue('15:12', '10:05')).toBe('Giờ kết thúc (10:05) phải sau giờ bắt đầu (15:12).');
    expect(endTimeIssue('15:12', '15:12')).not.toBeNull();
    expect(endTimeIssue('15:12', '16:00')).toBeNull();
    expect(endTimeIssue('15:12', '')).toBeNull();
  });
});
