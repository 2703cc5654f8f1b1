import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyTasks } from '../../contract/tasks.js';
import { type PreparedMeeting, prepareMeeting } from '../meetings/test-support.js';
import { accountName, createTestContext, TestClient, type TestContext } from '../test-support.js';

const FULL_CONTENT = {
  politicalIdeology: 'Luôn chấp hành nghiêm đường lối, chủ trương của Đảng.',
  ethicsLifestyle: 'Giữ gìn phẩm chất đạo đức, lối sống giản dị.',
  duties: 'Hoàn thành tốt nhiệm vụ được giao.',
  discipline: 'Chấp hành nội quy cơ quan.',
  remedying: '',
  shortcomings: 'Có lúc giải quyết hồ sơ còn chậm.',
  remedies: 'Sắp xếp thời gian hợp lý hơn.',
};

describe('GET /me/tasks: each role sees its own tasks, scoped to its subtree', () => {
  let context: TestContext;
  let prepared: PreparedMeeting;
  // 08:00 on 05/11/2026 in Vietnam: the meeting is on 10/11, meetings are due 15/11.
  let now = new Date('2026-11-05T01:00:00Z');
  let board: TestClient;
  let cellB1: TestClient;
  let admin: TestClient;

  const tasks = async (client: TestClient) => {
    const response = await client.get('/api/v1/me/tasks');
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as MyTasks;
  };
  const kinds = (list: MyTasks) => list.items.map((item) => item.kind);

  beforeAll(async () => {
    context = await createTestContext({ clock: () => now });
    prepared = await prepareMeeting(context);
    board = await TestClient.signIn(context.app, accountName('organization-board', 'bloc'));
    cellB1 = await TestClient.signIn(context.app, accountName('committee', 'cellB1'));
    admin = prepared.tree.admin;
  });
  afterAll(() => context.close());

  it('a member: their report to write, due on the meeting day, and the meeting, both linked to the report', async () => {
    const list = await tasks(prepared.members.a.client);
    expect(list.today).toBe('2026-11-05');
    const report = prepared.members.a.selfCriticismId;
    expect(list.items.find((item) => item.kind === 'self-criticism-write')).toMatchObject({
      audience: 'member',
      title: 'Viết và gửi bản tự phê bình',
      href: `/tu-phe-binh/${report}`,
      dueOn: '2026-11-10',
      late: false,
      done: false,
    });
    const meeting = list.items.find((item) => item.kind === 'meeting-attend');
    expect(meeting).toMatchObject({ href: `/tu-phe-binh/${report}`, dueOn: '2026-11-10' });
    expect(meeting?.detail).toContain('08:00 ngày 10/11/2026');
    expect(list.openCount).toBe(2);
    // Nothing of another member's.
    expect(JSON.stringify(list)).not.toContain(prepared.members.b.selfCriticismId);
  });

  it('the cell committee: the meeting to hold; a sent report waits for its review; other cells see none of it', async () => {
    expect(kinds(await tasks(prepared.committee))).toContain('meeting-hold');
    const member = prepared.members.a.client;
    const id = prepared.members.a.selfCriticismId;
    const current = (await member.get(`/api/v1/self-criticisms/${id}`)).json();
    const saved = await member.patch(`/api/v1/self-criticisms/${id}`, {
      version: current.version,
      content: FULL_CONTENT,
      manifestationAnswer: { none: true, items: [] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await member.post(`/api/v1/self-criticisms/${id}/submit`, {
      version: saved.json().version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);

    const committee = await tasks(prepared.committee);
    expect(committee.items.find((item) => item.kind === 'reports-review')).toMatchObject({
      audience: 'committee',
      title: 'Xem xét 1 bản tự phê bình đang chờ',
      href: `/ke-hoach/${prepared.planId}/co-quan/${prepared.workplaceId}/tu-phe-binh`,
      dueOn: '2026-11-10',
    });
    const other = await tasks(cellB1);
    expect(kinds(other)).not.toContain('reports-review');
    expect(JSON.stringify(other)).not.toContain(prepared.workplaceId);

    // The member's own task turns into a record: shown, not counted.
    const mine = await tasks(member);
    expect(mine.items.find((item) => item.kind === 'self-criticism-submitted')).toMatchObject({ done: true });
    expect(mine.openCount).toBe(1);
  });

  it('the secretary keeps the meeting (not also invited to it); a non-member of the workplace is invited', async () => {
    const secretary = await tasks(prepared.secretary.client);
    expect(secretary.items.find((item) => item.kind === 'meeting-keep')).toMatchObject({
      title: 'Làm thư ký buổi tự phê bình và phê bình',
      href: `/hop/${prepared.meetingId}/truc-tiep`,
      dueOn: '2026-11-10',
    });
    expect(kinds(secretary)).not.toContain('meeting-attend');
    const masses = await tasks(prepared.nonMember.client);
    expect(masses.items.find((item) => item.kind === 'meeting-attend')).toMatchObject({
      audience: 'masses',
      title: 'Được mời dự buổi góp ý cho đảng viên',
      href: '/gop-y',
    });
  });

  it('the organization board: concerns to answer (not the raising cell of another branch), then late reports of its children', async () => {
    const raised = await prepared.committee.post(`/api/v1/plans/${prepared.planId}/concerns`, {
      organizationId: prepared.tree.organizations.cellA1,
      subject: 'Chưa rõ cách tính quần chúng',
      body: 'Xin hướng dẫn cách tính lao động hợp đồng.',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const concern = (await tasks(board)).items.find((item) => item.kind === 'concern-answer');
    expect(concern).toMatchObject({
      title: 'Trả lời vướng mắc: Chưa rõ cách tính quần chúng',
      href: `/vuong-mac/${raised.json().id}`,
      late: false,
    });
    expect(kinds(await tasks(cellB1))).not.toContain('concern-answer');
    expect(kinds(await tasks(prepared.members.a.client))).not.toContain('concern-answer');

    // Not yet due: nothing to chase.
    expect(kinds(await tasks(board))).not.toContain('child-report');
    now = new Date('2026-11-21T01:00:00Z');
    const late = await tasks(board);
    const children = late.items.filter((item) => item.kind === 'child-report');
    expect(children.map((item) => item.title).sort()).toEqual([
      'Đảng bộ cơ sở A chưa gửi báo cáo (quá hạn)',
      'Đảng bộ cơ sở B chưa gửi báo cáo (quá hạn)',
    ]);
    expect(children.every((item) => item.late && item.dueOn === '2026-11-20')).toBe(true);
    expect(children[0]?.href).toBe(`/bao-cao/${prepared.planId}/${prepared.tree.organizations.bloc}`);
    expect(late.lateCount).toBeGreaterThanOrEqual(2);
    // The cell committee is late with its meeting and its own report; the board of the bloc is not the cell.
    const cell = await tasks(prepared.committee);
    expect(cell.items.find((item) => item.kind === 'meeting-hold')).toMatchObject({ late: true });
    expect(cell.items.find((item) => item.kind === 'report-submit')).toMatchObject({
      href: `/bao-cao/${prepared.planId}/${prepared.tree.organizations.cellA1}`,
    });
    expect(kinds(await tasks(cellB1))).not.toContain('meeting-hold');
  });

  it('an administrator with no process role has nothing due', async () => {
    expect(await tasks(admin)).toMatchObject({ items: [], openCount: 0, lateCount: 0 });
  });

  it('refuses without a session', async () => {
    const anonymous = new TestClient(context.app);
    expect((await anonymous.get('/api/v1/me/tasks')).statusCode).toBe(401);
  });
});
