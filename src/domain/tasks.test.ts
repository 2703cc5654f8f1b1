import { describe, expect, it } from 'vitest';
import { digestTasks, digestText } from './task-digest.js';
import {
  type CellWorkplaceFact,
  NO_FACTS,
  openTaskCount,
  type PersonalMeetingFact,
  type TaskFacts,
  taskHref,
  tasksFrom,
} from './tasks.js';

const TODAY = '2026-11-05';
const facts = (partial: Partial<TaskFacts>): TaskFacts => ({ ...NO_FACTS, ...partial });

const meeting = (partial: Partial<PersonalMeetingFact>): PersonalMeetingFact => ({
  meetingId: 'm1',
  planId: 'p1',
  planYear: 2026,
  workplaceId: 'w1',
  workplaceName: 'Văn phòng Sở Y tế',
  // 08:00 on 10/11/2026 in Vietnam.
  startsAt: '2026-11-10T01:00:00.000Z',
  place: 'Hội trường',
  held: false,
  minutesLocked: false,
  formWindowOpen: false,
  capacity: 'masses',
  signed: false,
  ...partial,
});

const cell = (partial: Partial<CellWorkplaceFact>): CellWorkplaceFact => ({
  planId: 'p1',
  planYear: 2026,
  workplaceId: 'w1',
  workplaceName: 'Văn phòng Sở Y tế',
  status: 'pending',
  meetingsDueOn: '2026-11-15',
  meetingStartsAt: null,
  waitingReports: 0,
  reportDueOn: '2026-11-17',
  ...partial,
});

describe('tasksFrom', () => {
  it('a member: draft to write, returned with its reason, accepted shown as done and not counted', () => {
    const list = tasksFrom(
      facts({
        ownReports: [
          {
            id: 'a',
            planYear: 2026,
            workplaceName: 'VP',
            status: 'draft',
            returnReason: null,
            dueOn: '2026-11-10',
          },
          {
            id: 'b',
            planYear: 2025,
            workplaceName: 'VP',
            status: 'returned',
            returnReason: 'Thiếu mục II',
            dueOn: '2026-11-01',
          },
          {
            id: 'c',
            planYear: 2024,
            workplaceName: 'VP',
            status: 'accepted',
            returnReason: null,
            dueOn: '2024-11-10',
          },
        ],
      }),
      TODAY,
    );
    expect(list.map((item) => [item.kind, item.late, item.done])).toEqual([
      ['self-criticism-returned', true, false],
      ['self-criticism-write', false, false],
      ['self-criticism-accepted', false, true],
    ]);
    expect(list[0]?.detail).toContain('Lý do trả lại: Thiếu mục II');
    expect(taskHref(list[1]!.link)).toBe('/tu-phe-binh/a');
    expect(openTaskCount(list)).toBe(2);
  });

  it('a cell committee: one task per stage, the review of waiting reports beside it', () => {
    const list = tasksFrom(
      facts({
        cellWorkplaces: [
          cell({ workplaceId: 'w1', status: 'pending', waitingReports: 2 }),
          cell({ workplaceId: 'w2', status: 'scheduled', meetingStartsAt: '2026-11-10T01:00:00.000Z' }),
          cell({ workplaceId: 'w3', status: 'held' }),
          cell({ workplaceId: 'w4', status: 'minutes_signed' }),
        ],
      }),
      TODAY,
    );
    expect(list.map((item) => item.kind).sort()).toEqual(
      ['compilation', 'meeting-hold', 'meeting-schedule', 'minutes-sign', 'reports-review'].sort(),
    );
    const schedule = list.find((item) => item.kind === 'meeting-schedule')!;
    expect(schedule.detail).toContain('họp chậm nhất ngày 15/11/2026');
    expect(taskHref(schedule.link)).toBe('/ke-hoach/p1/co-quan/w1/hop');
    expect(list.find((item) => item.kind === 'reports-review')?.title).toBe(
      'Xem xét 2 bản tự phê bình đang chờ',
    );
    expect(list.find((item) => item.kind === 'meeting-hold')?.detail).toBe(
      'Văn phòng Sở Y tế: 08:00 ngày 10/11/2026',
    );
  });

  it('a board: only children whose report is due today or late, never those not yet due or in', () => {
    const child = {
      planId: 'p1',
      planYear: 2026,
      receiverId: 'r',
      organizationName: 'Đảng bộ Sở Y tế',
      submitted: false,
    };
    const list = tasksFrom(
      facts({
        childReports: [
          { ...child, organizationId: 'late', dueOn: '2026-11-01' },
          { ...child, organizationId: 'today', dueOn: TODAY },
          { ...child, organizationId: 'ahead', dueOn: '2026-11-20' },
          { ...child, organizationId: 'in', dueOn: '2026-11-01', submitted: true },
        ],
      }),
      TODAY,
    );
    expect(list.map((item) => [item.key, item.late])).toEqual([
      ['child-report:p1:late', true],
      ['child-report:p1:today', false],
    ]);
    expect(list[0]?.title).toBe('Đảng bộ Sở Y tế chưa gửi báo cáo (quá hạn)');
  });

  it('a non-member secretary keeps the meeting, then signs; the phone window shows while open', () => {
    const before = tasksFrom(
      facts({
        meetings: [meeting({ capacity: 'secretary' }), meeting({ capacity: 'masses', formWindowOpen: true })],
      }),
      TODAY,
    );
    expect(before.map((item) => item.kind).sort()).toEqual(['meeting-keep', 'phone-window']);
    const after = tasksFrom(facts({ meetings: [meeting({ capacity: 'secretary', held: true })] }), TODAY);
    expect(after.map((item) => item.title)).toEqual(['Ký biên bản với tư cách thư ký']);
    const signed = tasksFrom(
      facts({ meetings: [meeting({ capacity: 'secretary', held: true, signed: true })] }),
      TODAY,
    );
    expect(signed).toEqual([]);
  });

  it('nothing at all gives an empty list', () => {
    expect(tasksFrom(NO_FACTS, TODAY)).toEqual([]);
  });
});

describe('digestTasks', () => {
  const list = tasksFrom(
    facts({
      ownReports: [
        {
          id: 'seven',
          planYear: 2026,
          workplaceName: 'VP',
          status: 'draft',
          returnReason: null,
          dueOn: '2026-11-12',
        },
        {
          id: 'three',
          planYear: 2026,
          workplaceName: 'VP',
          status: 'returned',
          returnReason: 'x',
          dueOn: '2026-11-08',
        },
        {
          id: 'one',
          planYear: 2026,
          workplaceName: 'VP',
          status: 'draft',
          returnReason: null,
          dueOn: '2026-11-06',
        },
        {
          id: 'two',
          planYear: 2026,
          workplaceName: 'VP',
          status: 'draft',
          returnReason: null,
          dueOn: '2026-11-07',
        },
        {
          id: 'done',
          planYear: 2026,
          workplaceName: 'VP',
          status: 'accepted',
          returnReason: null,
          dueOn: '2026-11-06',
        },
      ],
    }),
    TODAY,
  );

  it('sends what falls due in 7, 3 or 1 days, never what is done', () => {
    expect(
      digestTasks(list, TODAY)
        .map((item) => item.key)
        .sort(),
    ).toEqual(['sc-returned:three', 'sc-write:one', 'sc-write:seven']);
    expect(digestTasks(list, '2026-11-10')).toEqual([]);
  });

  it('writes the digest in Vietnamese with dd/mm/yyyy deadlines and links', () => {
    const { subject, text } = digestText(
      'Nguyễn Văn A',
      digestTasks(list, TODAY),
      TODAY,
      'https://tpb.vn',
      taskHref,
    );
    expect(subject).toBe('Nhắc việc tự phê bình: 3 việc sắp đến hạn (05/11/2026)');
    expect(text).toContain('Kính gửi Nguyễn Văn A,');
    expect(text).toContain('Hạn 06/11/2026, còn 1 ngày.');
    expect(text).toContain('https://tpb.vn/tu-phe-binh/seven');
  });
});
