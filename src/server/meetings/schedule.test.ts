import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, meetings } from '../../db/schema/index.js';
import { accountName, createTestContext, TestClient, type TestContext } from '../test-support.js';
import { MEETING_END, MEETING_START, type PreparedMeeting, prepareMeeting } from './test-support.js';

describe('scheduling a meeting', () => {
  let context: TestContext;
  let prepared: PreparedMeeting;
  let otherCommittee: TestClient;

  const accountId = async (username: string) => {
    const [row] = await context.database.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.username, username));
    if (!row) throw new Error(`no account ${username}`);
    return row.id;
  };
  const body = (fields: object = {}) => ({
    startsAt: MEETING_START,
    endsAt: MEETING_END,
    place: 'Hội trường Sở Thử A1',
    chairName: 'Nguyễn Văn Tám',
    secretaryAccountId: prepared.secretary.accountId,
    delegates: [],
    ...fields,
  });
  const meetingUrl = (workplaceId: string) =>
    `/api/v1/plans/${prepared.planId}/workplaces/${workplaceId}/meeting`;

  beforeAll(async () => {
    context = await createTestContext();
    prepared = await prepareMeeting(context);
    otherCommittee = await TestClient.signIn(context.app, accountName('committee', 'cellB1'));
  });
  afterAll(() => context.close());

  it('schedules the meeting of a required workplace and moves it to "scheduled"', async () => {
    const meeting = await prepared.committee.get(`/api/v1/meetings/${prepared.meetingId}`);
    expect(meeting.statusCode).toBe(200);
    expect(meeting.json()).toMatchObject({
      startsAt: new Date(MEETING_START).toISOString(),
      deadline: '2026-11-15',
      capacity: 'committee',
      secretaryName: 'Phạm Thị Thư',
      formWindow: { state: 'not_opened' },
      minutesLocked: false,
    });
    const listed = await prepared.committee.get(`/api/v1/plans/${prepared.planId}/workplaces?required=true`);
    const row = listed
      .json()
      .items.find((item: { workplaceId: string }) => item.workplaceId === prepared.workplaceId);
    expect(row.status).toBe('scheduled');
  });

  it('gives the secretary the meeting in their capacity', async () => {
    const meeting = await prepared.secretary.client.get(`/api/v1/meetings/${prepared.meetingId}`);
    expect(meeting.json().capacity).toBe('secretary');
  });

  it('keeps a member out of the meeting record', async () => {
    const meeting = await prepared.members.b.client.get(`/api/v1/meetings/${prepared.meetingId}`);
    expect(meeting.statusCode).toBe(403);
  });

  it('refuses a second meeting for the same workplace', async () => {
    const response = await prepared.committee.post(meetingUrl(prepared.workplaceId), body());
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('đã có lịch họp');
  });

  it('refuses a meeting longer than one day, naming endsAt', async () => {
    const response = await prepared.committee.put(`/api/v1/meetings/${prepared.meetingId}`, {
      ...body({ endsAt: '2026-11-11T11:00:00+07:00' }),
      version: 1,
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.message).toContain('chỉ tổ chức trong một ngày');
    expect(error.issues.map((issue: { path: string }) => issue.path)).toEqual(['body.endsAt']);
  });

  it('refuses a date past the plan deadline, naming the deadline', async () => {
    const response = await prepared.committee.put(`/api/v1/meetings/${prepared.meetingId}`, {
      ...body({ startsAt: '2026-11-16T08:00:00+07:00', endsAt: '2026-11-16T10:00:00+07:00' }),
      version: 1,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('15/11/2026');
    expect(response.json().error.issues[0].path).toBe('body.startsAt');
  });

  it('refuses an exempt workplace, naming it', async () => {
    const response = await otherCommittee.post(meetingUrl(prepared.tree.workplaces.wpB1), body());
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('Sở Thử B1 được miễn');
  });

  it('refuses the committee of another cell', async () => {
    const response = await otherCommittee.put(`/api/v1/meetings/${prepared.meetingId}`, {
      ...body(),
      version: 1,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('Bạn không có quyền thực hiện thao tác này.');
    const candidates = await otherCommittee.get(
      `/api/v1/plans/${prepared.planId}/workplaces/${prepared.workplaceId}/meeting-candidates`,
    );
    expect(candidates.statusCode).toBe(403);
  });

  it('refuses a secretary who does not work at the workplace, naming body.secretaryAccountId', async () => {
    const outsider = await accountId(accountName('committee', 'cellB1'));
    const response = await prepared.committee.put(`/api/v1/meetings/${prepared.meetingId}`, {
      ...body({ secretaryAccountId: outsider }),
      version: 1,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('Thư ký phải là tài khoản');
    expect(response.json().error.issues[0].path).toBe('body.secretaryAccountId');
  });

  it('lists secretaries from the workplace and chairs from it and the committee', async () => {
    const response = await prepared.committee.get(
      `/api/v1/plans/${prepared.planId}/workplaces/${prepared.workplaceId}/meeting-candidates`,
    );
    expect(response.statusCode).toBe(200);
    const { secretaries, chairs, required } = response.json();
    expect(required).toBe(true);
    const names = (list: { username: string }[]) => list.map((item) => item.username).sort();
    expect(names(secretaries)).toEqual(['dangvien.a', 'dangvien.b', 'quanchung.a1', 'thuky.a1']);
    expect(names(chairs)).toEqual([
      'committee.cella1',
      'dangvien.a',
      'dangvien.b',
      'quanchung.a1',
      'thuky.a1',
    ]);
  });

  it('reschedules with the version read and refuses a stale version', async () => {
    const moved = await prepared.committee.put(`/api/v1/meetings/${prepared.meetingId}`, {
      ...body({
        place: 'Phòng họp tầng 2',
        startsAt: '2026-11-12T14:00:00+07:00',
        endsAt: '2026-11-12T17:00:00+07:00',
      }),
      version: 1,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ place: 'Phòng họp tầng 2', version: 2 });
    const stale = await prepared.committee.put(`/api/v1/meetings/${prepared.meetingId}`, {
      ...body({ place: 'Hội trường lớn' }),
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('người khác thay đổi');
  });

  it('refuses the secretary rescheduling', async () => {
    const response = await prepared.secretary.client.put(`/api/v1/meetings/${prepared.meetingId}`, {
      ...body(),
      version: 2,
    });
    expect(response.statusCode).toBe(403);
  });

  it('lists the meetings an account takes part in, with its capacity', async () => {
    const mine = await prepared.secretary.client.get('/api/v1/meetings');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      total: 1,
      items: [{ id: prepared.meetingId, capacity: 'secretary', planYear: 2026, workplaceName: 'Sở Thử A1' }],
    });
    expect((await prepared.committee.get('/api/v1/meetings')).json().items[0].capacity).toBe('committee');
    expect((await otherCommittee.get('/api/v1/meetings')).json()).toMatchObject({ total: 0, items: [] });
    expect((await prepared.members.b.client.get('/api/v1/meetings')).json().total).toBe(0);
  });

  it('refuses to reschedule a meeting already held', async () => {
    await context.database.db
      .update(meetings)
      .set({ agendaStep: 'done' })
      .where(eq(meetings.id, prepared.meetingId));
    const current = (await prepared.committee.get(`/api/v1/meetings/${prepared.meetingId}`)).json();
    const response = await prepared.committee.put(`/api/v1/meetings/${prepared.meetingId}`, {
      ...body(),
      version: current.version,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe('Buổi họp đã diễn ra nên không sửa lịch được nữa.');
  });
});
