import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, feedback, feedbackForms, meetings } from '../../db/schema/index.js';
import { accountName, createTestContext, TestClient, type TestContext } from '../test-support.js';
import { type PreparedMeeting, prepareMeeting } from './test-support.js';

describe('attendance and absent members', () => {
  let context: TestContext;
  let prepared: PreparedMeeting;
  const url = () => `/api/v1/meetings/${prepared.meetingId}/attendance`;
  const currentVersion = async () =>
    (await prepared.committee.get(`/api/v1/meetings/${prepared.meetingId}`)).json().version as number;
  const marks = (fields: object = {}) => [
    { selfCriticismId: prepared.members.a.selfCriticismId, present: true },
    {
      selfCriticismId: prepared.members.b.selfCriticismId,
      present: false,
      absenceReason: 'Đi công tác tại Hà Nội',
      absenceReasonValid: true,
      ...fields,
    },
  ];

  beforeAll(async () => {
    context = await createTestContext();
    prepared = await prepareMeeting(context);
  });
  afterAll(() => context.close());

  it('lists every member who must self-criticize, unmarked at first', async () => {
    const response = await prepared.committee.get(url());
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      massesPresent: 0,
      members: [
        { fullName: 'Nguyễn Văn Tám', template: 'with_office', present: null },
        { fullName: 'Trần Thị Chín', template: 'without_office', present: null },
      ],
    });
  });

  it('keeps members and officers above out of the attendance', async () => {
    expect((await prepared.members.a.client.get(url())).statusCode).toBe(403);
    expect((await prepared.nonMember.client.get(url())).statusCode).toBe(403);
    const board = await TestClient.signIn(context.app, accountName('organization-board', 'bloc'));
    const header = await board.get(`/api/v1/meetings/${prepared.meetingId}`);
    expect(header.json().capacity).toBe('reader');
    const refused = await board.get(url());
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('Bạn không có quyền thực hiện thao tác này.');
  });

  it('refuses an absent member without a reason', async () => {
    const response = await prepared.committee.put(url(), {
      version: await currentVersion(),
      members: marks({ absenceReason: '   ' }),
      massesPresent: 6,
      massesPresentNames: [],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe('Đảng viên vắng mặt phải có lý do.');
    expect(response.json().error.issues[0].path).toBe('body.members.1.absenceReason');
  });

  it('refuses a self-criticism that is not of this meeting', async () => {
    const response = await prepared.committee.put(url(), {
      version: await currentVersion(),
      members: [{ selfCriticismId: randomUUID(), present: true }],
      massesPresent: 6,
      massesPresentNames: [],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('không tự phê bình tại buổi họp này');
  });

  it('refuses more names of masses than masses present, and a negative count', async () => {
    const names = await prepared.committee.put(url(), {
      version: await currentVersion(),
      members: marks(),
      massesPresent: 1,
      massesPresentNames: ['Quần chúng A1', 'Quần chúng A2'],
    });
    expect(names.statusCode).toBe(400);
    expect(names.json().error.issues[0].path).toBe('body.massesPresentNames');
    expect(names.json().error.message).toContain('số quần chúng dự họp chỉ là 1');
    const negative = await prepared.committee.put(url(), {
      version: await currentVersion(),
      members: marks(),
      massesPresent: -2,
      massesPresentNames: [],
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.issues[0]).toMatchObject({
      path: 'body.massesPresent',
      message: 'Số quần chúng dự họp không được âm.',
    });
  });

  it('refuses a member marking attendance', async () => {
    const response = await prepared.members.a.client.put(url(), {
      version: await currentVersion(),
      members: marks(),
      massesPresent: 6,
      massesPresentNames: [],
    });
    expect(response.statusCode).toBe(403);
  });

  it('saves attendance by the secretary, with the masses on the meeting, and audits no reason', async () => {
    const version = await currentVersion();
    const response = await prepared.secretary.client.put(url(), {
      version,
      members: marks(),
      massesPresent: 6,
      massesPresentNames: ['Quần chúng A1'],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      version: version + 1,
      massesPresent: 6,
      massesPresentNames: ['Quần chúng A1'],
      members: [
        { present: true, absenceReason: null },
        { present: false, absenceReason: 'Đi công tác tại Hà Nội', absenceReasonValid: true, toldAt: null },
      ],
    });
    const meeting = (await prepared.committee.get(`/api/v1/meetings/${prepared.meetingId}`)).json();
    expect(meeting.massesPresent).toBe(6);
    const audits = await context.database.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.action, 'meeting.attendance'));
    expect(JSON.stringify(audits)).not.toContain('Hà Nội');
  });

  it('refuses a stale version', async () => {
    const response = await prepared.committee.put(url(), {
      version: 1,
      members: marks(),
      massesPresent: 7,
      massesPresentNames: [],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('người khác thay đổi');
  });

  it('refuses confirming an absent member was told before the meeting is over', async () => {
    const response = await prepared.committee.post(`${url()}/${prepared.members.b.selfCriticismId}/told`, {
      note: '',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe('Chỉ xác nhận đã thông tin sau khi buổi họp kết thúc.');
  });

  it('shows the absent member the notice, without opinions before the meeting is over', async () => {
    const response = await prepared.members.b.client.get('/api/v1/me/absence-notices');
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toMatchObject([
      { meetingId: prepared.meetingId, meetingHeld: false, opinions: [], toldAt: null },
    ]);
    expect((await prepared.members.a.client.get('/api/v1/me/absence-notices')).json().items).toEqual([]);
  });

  describe('after the meeting', () => {
    const insertOpinions = async () => {
      const { db } = context.database;
      const selfCriticismId = prepared.members.b.selfCriticismId;
      const base = { meetingId: prepared.meetingId, selfCriticismId };
      await db.insert(feedback).values({
        ...base,
        id: randomUUID(),
        channel: 'oral',
        area: 'duties',
        kind: 'strength',
        text: 'Hoàn thành tốt nhiệm vụ kế toán',
        speakerName: 'Quần chúng A1',
        recordedBy: prepared.secretary.accountId,
        recordedAt: new Date(),
        changeSeq: 1,
      });
      // A phone form as the phone module writes it (S6): day only, nobody named, no time.
      const [form] = await db
        .insert(feedbackForms)
        .values({ ...base, channel: 'phone', submittedOn: '2026-11-10' })
        .returning();
      await db.insert(feedback).values({
        ...base,
        id: randomUUID(),
        formId: form?.id,
        channel: 'phone',
        area: 'discipline',
        kind: 'shortcoming',
        text: 'Đôi khi đi họp muộn',
      });
    };

    beforeAll(async () => {
      await insertOpinions();
      await context.database.db
        .update(meetings)
        .set({ agendaStep: 'done', formWindowOpenedAt: new Date() })
        .where(eq(meetings.id, prepared.meetingId));
    });

    it('shows the absent member oral opinions but phone forms only once the window is closed', async () => {
      const open = (await prepared.members.b.client.get('/api/v1/me/absence-notices')).json().items[0];
      expect(open).toMatchObject({ meetingHeld: true, phoneFormsIncluded: false });
      expect(open.opinions).toEqual([
        {
          channel: 'oral',
          area: 'duties',
          kind: 'strength',
          text: 'Hoàn thành tốt nhiệm vụ kế toán',
          dissenting: false,
          speakerName: 'Quần chúng A1',
        },
      ]);
      await context.database.db
        .update(meetings)
        .set({ formWindowClosedAt: new Date() })
        .where(eq(meetings.id, prepared.meetingId));
      const closed = (await prepared.members.b.client.get('/api/v1/me/absence-notices')).json().items[0];
      expect(closed.phoneFormsIncluded).toBe(true);
      expect(closed.opinions.map((opinion: { channel: string }) => opinion.channel).sort()).toEqual([
        'oral',
        'phone',
      ]);
      const phone = closed.opinions.find((opinion: { channel: string }) => opinion.channel === 'phone');
      expect(phone).toMatchObject({ text: 'Đôi khi đi họp muộn', speakerName: null });
    });

    it('refuses telling a member who was present', async () => {
      const response = await prepared.committee.post(`${url()}/${prepared.members.a.selfCriticismId}/told`, {
        note: '',
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.message).toContain('có mặt tại buổi họp');
    });

    it('refuses the secretary confirming the telling', async () => {
      const response = await prepared.secretary.client.post(
        `${url()}/${prepared.members.b.selfCriticismId}/told`,
        { note: '' },
      );
      expect(response.statusCode).toBe(403);
    });

    it('records that the committee told the absent member, once, and shows it to them', async () => {
      const response = await prepared.committee.post(`${url()}/${prepared.members.b.selfCriticismId}/told`, {
        note: 'Đã gặp trực tiếp ngày 12/11',
      });
      expect(response.statusCode).toBe(200);
      const absent = response
        .json()
        .members.find((member: { fullName: string }) => member.fullName === 'Trần Thị Chín');
      expect(absent).toMatchObject({
        toldNote: 'Đã gặp trực tiếp ngày 12/11',
        toldByName: 'committee cellA1',
      });
      expect(absent.toldAt).not.toBeNull();
      const again = await prepared.committee.post(`${url()}/${prepared.members.b.selfCriticismId}/told`, {
        note: '',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toContain('Đã xác nhận');
      const notice = (await prepared.members.b.client.get('/api/v1/me/absence-notices')).json().items[0];
      expect(notice.toldAt).not.toBeNull();
    });
  });
});
