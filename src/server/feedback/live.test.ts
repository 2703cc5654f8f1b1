import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEntries,
  feedback,
  feedbackForms,
  meetingAttendance,
  meetings,
  selfCriticisms,
} from '../../db/schema/index.js';
import { type PreparedMeeting, prepareMeeting } from '../meetings/test-support.js';
import { accountName, createTestContext, TestClient, type TestContext } from '../test-support.js';

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

describe('the live agenda and oral opinions', () => {
  let context: TestContext;
  let prepared: PreparedMeeting;
  let chair: TestClient;
  let meetingUrl: string;

  const opinion = (fields: object = {}) => ({
    id: crypto.randomUUID(),
    selfCriticismId: prepared.members.a.selfCriticismId,
    area: 'duties',
    kind: 'strength',
    text: 'Đồng chí làm việc tận tụy, đúng giờ.',
    speakerName: 'Ông Lê Văn Ba',
    dissenting: false,
    ...fields,
  });

  const meetingVersion = async () => (await prepared.committee.get(meetingUrl)).json().version as number;
  const moveTo = async (step: string, extra: object = {}) =>
    prepared.secretary.client.put(`${meetingUrl}/agenda`, {
      step,
      version: await meetingVersion(),
      ...extra,
    });

  beforeAll(async () => {
    context = await createTestContext();
    prepared = await prepareMeeting(context);
    meetingUrl = `/api/v1/meetings/${prepared.meetingId}`;
    // The fixture names the chair without an account; here the non-member with an account chairs.
    await context.database.db
      .update(meetings)
      .set({ chairAccountId: prepared.nonMember.accountId })
      .where(eq(meetings.id, prepared.meetingId));
    chair = prepared.nonMember.client;
  });
  afterAll(() => context.close());

  it('refuses an opinion before the meeting has started', async () => {
    const response = await prepared.secretary.client.post(`${meetingUrl}/feedback`, opinion());
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('Buổi họp chưa bắt đầu');
  });

  it('walks the agenda in order: no skipping the content', async () => {
    const skipped = await moveTo('content');
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().error.message).toContain('lần lượt');
    const started = await moveTo('opening');
    expect(started.statusCode).toBe(200);
    expect(started.json().agendaStep).toBe('opening');
    const content = await moveTo('content');
    expect(content.json()).toMatchObject({ agendaStep: 'content' });
    const live = (await prepared.secretary.client.get(`${meetingUrl}/live`)).json();
    expect(content.json().agendaSelfCriticismId).toBe(live.members[0].selfCriticismId);
  });

  it('refuses a stale agenda move', async () => {
    const stale = await prepared.secretary.client.put(`${meetingUrl}/agenda`, {
      step: 'closing',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(VIETNAMESE);
  });

  it('refuses an agenda member not of this meeting', async () => {
    const response = await moveTo('content', { selfCriticismId: crypto.randomUUID() });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0].path).toBe('body.selfCriticismId');
  });

  it('lets the secretary, the chair and the committee record opinions', async () => {
    for (const client of [prepared.secretary.client, chair, prepared.committee]) {
      const response = await client.post(`${meetingUrl}/feedback`, opinion());
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ channel: 'oral', version: 1, speakerName: 'Ông Lê Văn Ba' });
    }
  });

  it('keeps a member and another cell\u2019s committee out (403)', async () => {
    const otherCommittee = await TestClient.signIn(context.app, accountName('committee', 'cellB1'));
    for (const client of [prepared.members.b.client, otherCommittee]) {
      const posted = await client.post(`${meetingUrl}/feedback`, opinion());
      expect(posted.statusCode).toBe(403);
      expect(posted.json().error.message).toContain('không có quyền');
      expect((await client.get(`${meetingUrl}/live`)).statusCode).toBe(403);
    }
  });

  it('lets officers above read the meeting but not its live record', async () => {
    const board = await TestClient.signIn(context.app, accountName('organization-board', 'bloc'));
    expect((await board.get(meetingUrl)).statusCode).toBe(200);
    expect((await board.get(`${meetingUrl}/live`)).statusCode).toBe(403);
  });

  it('refuses a member of another meeting and an area that does not fit the kind (400)', async () => {
    const [stranger] = await context.database.db
      .select({ id: selfCriticisms.id })
      .from(selfCriticisms)
      .where(eq(selfCriticisms.workplaceId, prepared.tree.workplaces.wpB1));
    const outside = await prepared.secretary.client.post(
      `${meetingUrl}/feedback`,
      opinion({ selfCriticismId: stranger?.id ?? crypto.randomUUID() }),
    );
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.message).toContain('không tự phê bình tại buổi họp này');
    const mismatch = await prepared.secretary.client.post(
      `${meetingUrl}/feedback`,
      opinion({ area: 'proposals', kind: 'strength' }),
    );
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.issues[0].path).toBe('body.area');
  });

  it('stores an empty speaker as "không ghi tên" (null) and the collective as null', async () => {
    const response = await prepared.secretary.client.post(
      `${meetingUrl}/feedback`,
      opinion({ selfCriticismId: null, speakerName: '  ', area: 'proposals', kind: 'proposal' }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ speakerName: null, selfCriticismId: null });
  });

  it('answers a replayed opinion with the stored row, and a reused id with other content with 409', async () => {
    const sent = opinion({ text: 'Cần mạnh dạn hơn.', kind: 'shortcoming', dissenting: true });
    const first = await prepared.secretary.client.post(`${meetingUrl}/feedback`, sent);
    expect(first.statusCode).toBe(201);
    const again = await chair.post(`${meetingUrl}/feedback`, sent);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const rows = await context.database.db.select().from(feedback).where(eq(feedback.id, sent.id));
    expect(rows).toHaveLength(1);
    const changed = await prepared.secretary.client.post(`${meetingUrl}/feedback`, {
      ...sent,
      text: 'Khác.',
    });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.message).toContain('Mã ý kiến này đã được dùng');
  });

  it('detects an edit of the same entry from two devices and answers the current entry', async () => {
    const sent = opinion({ text: 'Bản đầu.' });
    await prepared.secretary.client.post(`${meetingUrl}/feedback`, sent);
    const { id, ...fields } = sent;
    const mine = await prepared.secretary.client.put(`/api/v1/feedback/${id}`, {
      ...fields,
      text: 'Bản của thư ký.',
      version: 1,
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().version).toBe(2);
    const theirs = await chair.put(`/api/v1/feedback/${id}`, {
      ...fields,
      text: 'Bản của chủ trì.',
      version: 1,
    });
    expect(theirs.statusCode).toBe(409);
    expect(theirs.json().error.message).toContain('vừa được sửa trên máy khác');
    expect(theirs.json().error.details.current).toMatchObject({ id, text: 'Bản của thư ký.', version: 2 });
    const overwritten = await chair.put(`/api/v1/feedback/${id}`, {
      ...fields,
      text: 'Bản của chủ trì.',
      version: 2,
    });
    expect(overwritten.statusCode).toBe(200);
    expect(overwritten.json().changeSeq).toBeGreaterThan(mine.json().changeSeq);
    const staleDelete = await prepared.secretary.client.delete(`/api/v1/feedback/${id}?version=2`);
    expect(staleDelete.statusCode).toBe(409);
    const deleted = await prepared.secretary.client.delete(`/api/v1/feedback/${id}?version=3`);
    expect(deleted.statusCode).toBe(200);
    const live = (await chair.get(`${meetingUrl}/live`)).json();
    expect(live.entryIds).not.toContain(id);
  });

  it('keeps what was said out of the audit log', async () => {
    const entries = await context.database.db.select().from(auditEntries);
    const written = JSON.stringify(entries.filter((entry) => entry.targetType === 'feedback'));
    expect(written).toContain('feedback.record');
    expect(written).not.toContain('tận tụy');
    expect(written).not.toContain('Lê Văn Ba');
  });

  it('audits a reader of the live page once, not every poll, and still audits every write (issue 14)', async () => {
    const { db } = context.database;
    const entries = async () => db.select().from(auditEntries);
    const opened = await chair.get(`${meetingUrl}/live`);
    expect(opened.statusCode).toBe(200);
    const before = await entries();
    const chairReads = (list: typeof before) =>
      list.filter(
        (entry) => entry.action === 'opinions.live.read' && entry.accountId === prepared.nonMember.accountId,
      );
    expect(chairReads(before)).toHaveLength(1);
    const polls = 12;
    for (let poll = 0; poll < polls; poll++) {
      const quiet = await chair.get(`${meetingUrl}/live?after=${opened.json().cursor}`);
      expect(quiet.statusCode).toBe(200);
      expect((await prepared.secretary.client.get(`${meetingUrl}/live`)).statusCode).toBe(200);
    }
    const afterPolls = await entries();
    // The secretary's first read may be new here; 2 × 12 polls add no more than that one entry.
    expect(afterPolls.length - before.length).toBeLessThanOrEqual(1);
    expect(chairReads(afterPolls)).toHaveLength(1);
    const sent = opinion({ text: 'Ý kiến giữa các lần làm mới.' });
    expect((await prepared.secretary.client.post(`${meetingUrl}/feedback`, sent)).statusCode).toBe(201);
    for (let poll = 0; poll < polls; poll++) {
      expect((await chair.get(`${meetingUrl}/live?after=${opened.json().cursor}`)).statusCode).toBe(200);
    }
    const afterWrite = await entries();
    const added = afterWrite.filter((entry) => !afterPolls.some((old) => old.id === entry.id));
    expect(added.map((entry) => [entry.action, entry.targetId])).toEqual([['feedback.record', sent.id]]);
  });

  it('serves only what changed after a cursor, with every id', async () => {
    const before = (await chair.get(`${meetingUrl}/live`)).json();
    expect(before.entries.length).toBe(before.entryIds.length);
    const sent = opinion({ text: 'Ý kiến mới sau mốc.' });
    await prepared.secretary.client.post(`${meetingUrl}/feedback`, sent);
    const after = (await chair.get(`${meetingUrl}/live?after=${before.cursor}`)).json();
    expect(after.entries.map((entry: { id: string }) => entry.id)).toEqual([sent.id]);
    expect(after.entryIds).toHaveLength(before.entryIds.length + 1);
    expect(after.cursor).toBeGreaterThan(before.cursor);
    const quiet = (await chair.get(`${meetingUrl}/live?after=${after.cursor}`)).json();
    expect(quiet.entries).toEqual([]);
    expect(quiet.cursor).toBe(after.cursor);
  });

  it('never shows a phone opinion on the live page (S6)', async () => {
    const { db } = context.database;
    const [form] = await db
      .insert(feedbackForms)
      .values({
        meetingId: prepared.meetingId,
        selfCriticismId: prepared.members.a.selfCriticismId,
        channel: 'phone',
        submittedOn: '2026-11-10',
      })
      .returning();
    const phoneId = crypto.randomUUID();
    await db.insert(feedback).values({
      id: phoneId,
      meetingId: prepared.meetingId,
      selfCriticismId: prepared.members.a.selfCriticismId,
      formId: form!.id,
      channel: 'phone',
      area: 'duties',
      kind: 'shortcoming',
      text: 'Ý kiến ẩn danh qua điện thoại.',
    });
    const live = await chair.get(`${meetingUrl}/live`);
    expect(live.body).not.toContain(phoneId);
    expect(live.body).not.toContain('ẩn danh qua điện thoại');
    const fromStart = await chair.get(`${meetingUrl}/live?after=0`);
    expect(fromStart.body).not.toContain(phoneId);
    const edit = await prepared.secretary.client.put(`/api/v1/feedback/${phoneId}`, {
      ...opinion(),
      version: 1,
    });
    expect(edit.statusCode).toBe(404);
  });

  it('keeps the committee\u2019s response per member with versions', async () => {
    const url = `${meetingUrl}/responses`;
    const target = prepared.members.b.selfCriticismId;
    const first = await prepared.secretary.client.put(url, {
      selfCriticismId: target,
      text: 'Chi bộ tiếp thu.',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, recordedByName: 'Phạm Thị Thư' });
    const second = await chair.put(url, { selfCriticismId: target, text: 'Tiếp thu, sửa.', version: 1 });
    expect(second.json().version).toBe(2);
    const stale = await prepared.secretary.client.put(url, {
      selfCriticismId: target,
      text: 'Cũ.',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const blind = await prepared.secretary.client.put(url, { selfCriticismId: target, text: 'Không đọc.' });
    expect(blind.statusCode).toBe(409);
    const collective = await prepared.committee.put(url, {
      selfCriticismId: null,
      text: 'Tập thể tiếp thu.',
    });
    expect(collective.statusCode).toBe(200);
    const outside = await prepared.committee.put(url, { selfCriticismId: crypto.randomUUID(), text: 'x' });
    expect(outside.statusCode).toBe(400);
    const live = (await chair.get(`${meetingUrl}/live`)).json();
    expect(live.responses).toHaveLength(2);
  });

  it('ends the meeting only once attendance is marked, then the workplace is "held"', async () => {
    expect((await moveTo('closing')).statusCode).toBe(200);
    const early = await moveTo('done');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('Chưa điểm danh 2 đảng viên');
    const { db } = context.database;
    for (const member of [prepared.members.a, prepared.members.b]) {
      const [report] = await db
        .select({ personId: selfCriticisms.personId })
        .from(selfCriticisms)
        .where(eq(selfCriticisms.id, member.selfCriticismId));
      await db.insert(meetingAttendance).values({
        meetingId: prepared.meetingId,
        selfCriticismId: member.selfCriticismId,
        personId: report!.personId,
        present: true,
      });
    }
    const live = (await chair.get(`${meetingUrl}/live`)).json();
    expect(live.opening).toMatchObject({ membersTotal: 2, membersPresent: 2, membersUnmarked: 0 });
    const done = await moveTo('done');
    expect(done.statusCode).toBe(200);
    expect(done.json().heldAt).not.toBeNull();
    const listed = await prepared.committee.get(`/api/v1/plans/${prepared.planId}/workplaces?required=true`);
    const row = listed
      .json()
      .items.find((item: { workplaceId: string }) => item.workplaceId === prepared.workplaceId);
    expect(row.status).toBe('held');
    // An opinion queued on a device that was offline when the meeting ended still arrives.
    const late = await prepared.secretary.client.post(`${meetingUrl}/feedback`, opinion());
    expect(late.statusCode).toBe(201);
    const reopened = await moveTo('closing');
    expect(reopened.statusCode).toBe(409);
    expect(reopened.json().error.message).toContain('đã kết thúc');
  });
});
