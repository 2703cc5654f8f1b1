import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { documentXml, docxParagraphs, pdfLines } from '../../documents/read-exports.js';
import { issueCodes } from '../phone-forms/test-helpers.js';
import { createTestContext, publishPlanFromTemplate, TestClient, type TestContext } from '../test-support.js';
import { releaseAnonymousComments } from './comment-box.js';
import { dayFromToday, type PreparedRemediation, prepareRemediation } from './test-support.js';

const DAY_MS = 24 * 60 * 60_000;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

function multipart(fileName: string, content: Buffer) {
  const boundary = '----khacphuc';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const vietnamese = (body: string) => (JSON.parse(body) as { error: { message: string } }).error.message;

describe('the remediation plan', () => {
  let context: TestContext;
  let setup: PreparedRemediation;
  let committee: TestClient;
  let individualItem: { id: string; version: number };
  let collectiveItem: { id: string; version: number };
  const plan = () => committee.get(`/api/v1/meetings/${setup.meetingId}/remediation`);

  beforeAll(async () => {
    context = await createTestContext();
    setup = await prepareRemediation(context);
    committee = setup.committee;
  });
  afterAll(() => context.close());

  it('builds items from accepted points: an individual point is the member’s, a collective one the cell’s', async () => {
    const individual = await committee.post(`/api/v1/meetings/${setup.meetingId}/remediation-items`, {
      pointId: setup.points.individual,
      action: 'Giải quyết hồ sơ đúng hạn, báo cáo hằng tháng.',
      deadline: dayFromToday(30),
    });
    expect(individual.statusCode, individual.body).toBe(201);
    expect(individual.json()).toMatchObject({
      responsibleKind: 'member',
      responsibleName: 'Trần Thị Chín',
      pointText: 'Giải quyết hồ sơ còn chậm.',
      status: 'open',
    });
    individualItem = individual.json();
    const collective = await committee.post(`/api/v1/meetings/${setup.meetingId}/remediation-items`, {
      pointId: setup.points.collective,
      action: 'Niêm yết lịch tiếp dân tại trụ sở.',
      deadline: dayFromToday(10),
    });
    expect(collective.statusCode, collective.body).toBe(201);
    expect(collective.json()).toMatchObject({ responsibleKind: 'organization' });
    expect(collective.json().responsibleName).not.toBe('');
    collectiveItem = collective.json();
    const withoutPoint = await committee.post(`/api/v1/meetings/${setup.meetingId}/remediation-items`, {
      responsibleKind: 'organization',
      action: 'Tổ chức đối thoại với quần chúng mỗi quý.',
      deadline: dayFromToday(60),
    });
    expect(withoutPoint.statusCode, withoutPoint.body).toBe(201);
    expect(withoutPoint.json()).toMatchObject({ pointId: null, responsibleKind: 'organization' });
  });

  it('refuses a point not accepted, a point of another meeting, a past deadline and anyone but the committee', async () => {
    const create = (client: TestClient, body: object) =>
      client.post(`/api/v1/meetings/${setup.meetingId}/remediation-items`, {
        action: 'Khắc phục',
        deadline: dayFromToday(5),
        ...body,
      });
    const explained = await create(committee, { pointId: setup.points.explained });
    expect(explained.statusCode).toBe(409);
    expect(vietnamese(explained.body)).toContain('đã được cấp ủy tiếp thu');
    const other = await create(committee, { pointId: setup.points.otherMeeting });
    expect(other.statusCode).toBe(400);
    expect(vietnamese(other.body)).toBe('Điểm tổng hợp này không thuộc buổi họp này.');
    const past = await create(committee, { pointId: setup.points.collective, deadline: dayFromToday(-1) });
    expect(past.statusCode).toBe(400);
    expect(vietnamese(past.body)).toContain('không được trước ngày hôm nay');
    const byMember = await create(setup.members.b.client, { pointId: setup.points.individual });
    expect(byMember.statusCode).toBe(403);
    expect(vietnamese(byMember.body)).toContain('không có quyền');
  });

  it('lets the committee change an item’s action and deadline, refusing a stale version and a member', async () => {
    const changed = await committee.patch(`/api/v1/remediation-items/${collectiveItem.id}`, {
      version: collectiveItem.version,
      action: 'Niêm yết lịch tiếp dân tại trụ sở và trên trang thông tin.',
      deadline: dayFromToday(12),
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ deadline: dayFromToday(12), version: collectiveItem.version + 1 });
    const stale = await committee.patch(`/api/v1/remediation-items/${collectiveItem.id}`, {
      version: collectiveItem.version,
      action: 'Ghi đè',
    });
    expect(stale.statusCode).toBe(409);
    expect(vietnamese(stale.body)).toContain('người khác thay đổi');
    const byMember = await setup.members.b.client.patch(`/api/v1/remediation-items/${individualItem.id}`, {
      version: individualItem.version,
      deadline: dayFromToday(90),
    });
    expect(byMember.statusCode).toBe(403);
    collectiveItem = changed.json();
  });

  it('shows the plan to the committee, the secretary and the masses of the workplace, not to a member', async () => {
    expect((await plan()).json()).toMatchObject({
      canManage: true,
      tally: { total: 3, done: 0, overdue: 0 },
    });
    const bySecretary = await setup.secretary.client.get(`/api/v1/meetings/${setup.meetingId}/remediation`);
    expect(bySecretary.statusCode).toBe(200);
    const byMasses = await setup.nonMember.client.get(`/api/v1/meetings/${setup.meetingId}/remediation`);
    expect(byMasses.json()).toMatchObject({ canManage: false, canComment: true });
    const byMember = await setup.members.a.client.get(`/api/v1/meetings/${setup.meetingId}/remediation`);
    expect(byMember.statusCode).toBe(403);
  });

  it('reads "overdue" from the date: an item not done after its deadline', async () => {
    await context.database.db.execute(
      sql`update remediation_items set deadline = ${dayFromToday(-2)}::date where id = ${collectiveItem.id}`,
    );
    const view = (await plan()).json() as { items: { id: string; status: string }[]; tally: object };
    expect(view.items.find((item) => item.id === collectiveItem.id)?.status).toBe('overdue');
    expect(view.tally).toEqual({ total: 3, done: 0, overdue: 1 });
  });

  it('lets the member update their own item with dated notes, and refuses another member and a stale version', async () => {
    const b = setup.members.b.client;
    const done = await b.post(`/api/v1/remediation-items/${individualItem.id}/notes`, {
      version: individualItem.version,
      text: 'Đã giải quyết hết hồ sơ tồn.',
      status: 'done',
    });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toMatchObject({ status: 'done', notes: [{ text: 'Đã giải quyết hết hồ sơ tồn.' }] });
    const stale = await b.post(`/api/v1/remediation-items/${individualItem.id}/notes`, {
      version: individualItem.version,
      text: 'Ghi đè',
      status: 'in_progress',
    });
    expect(stale.statusCode).toBe(409);
    expect(vietnamese(stale.body)).toContain('người khác thay đổi');
    const other = await setup.members.a.client.post(`/api/v1/remediation-items/${individualItem.id}/notes`, {
      version: done.json().version,
      text: 'Không phải việc của tôi',
      status: 'open',
    });
    expect(other.statusCode).toBe(403);
    const reopened = await committee.post(`/api/v1/remediation-items/${individualItem.id}/notes`, {
      version: done.json().version,
      text: 'Còn hồ sơ mới chậm.',
      status: 'in_progress',
    });
    expect(reopened.statusCode).toBe(201);
    const [row] = await queryRows<{ done_at: unknown }>(
      context.database.db,
      sql`select done_at from remediation_items where id = ${individualItem.id}`,
    );
    expect(row?.done_at).toBeNull();
    const mine = await b.get('/api/v1/me/remediation-items');
    expect(mine.json().items.map((item: { id: string }) => item.id)).toEqual([individualItem.id]);
    individualItem = reopened.json();
  });

  it('keeps an evidence file checked by its first bytes and hands it back', async () => {
    const b = setup.members.b.client;
    const notPicture = multipart('anh.png', Buffer.from('không phải ảnh'));
    const refused = await b.request(
      'POST',
      `/api/v1/remediation-items/${individualItem.id}/evidence`,
      notPicture.payload,
      notPicture.headers,
    );
    expect(refused.statusCode).toBe(415);
    expect(vietnamese(refused.body)).toContain('PDF, JPEG hoặc PNG');
    const nulName = multipart('bien-ban\u0000.png', PNG);
    const refusedName = await b.request(
      'POST',
      `/api/v1/remediation-items/${individualItem.id}/evidence`,
      nulName.payload,
      nulName.headers,
    );
    expect(refusedName.statusCode).toBe(400);
    expect(refusedName.json().error.issues[0].path).toBe('body.file');
    const upload = multipart('bien-ban-hop.png', PNG);
    const sent = await b.request(
      'POST',
      `/api/v1/remediation-items/${individualItem.id}/evidence`,
      upload.payload,
      upload.headers,
    );
    expect(sent.statusCode, sent.body).toBe(201);
    const noted = await b.post(`/api/v1/remediation-items/${individualItem.id}/notes`, {
      version: individualItem.version,
      text: 'Kèm biên bản họp.',
      status: 'done',
      evidenceFileId: sent.json().fileId,
    });
    expect(noted.statusCode, noted.body).toBe(201);
    const note = noted.json().notes.at(-1);
    expect(note).toMatchObject({ evidenceName: 'bien-ban-hop.png', authorName: expect.any(String) });
    const again = await b.post(`/api/v1/remediation-items/${individualItem.id}/notes`, {
      version: noted.json().version,
      text: 'Dùng lại tệp.',
      status: 'done',
      evidenceFileId: sent.json().fileId,
    });
    expect(again.statusCode).toBe(400);
    const file = await committee.get(
      `/api/v1/remediation-items/${individualItem.id}/notes/${note.id}/evidence`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
    individualItem = noted.json();
  });

  it('takes a named comment from the masses with an account, answered by the committee (stale answers refused)', async () => {
    const masses = setup.nonMember.client;
    const plans = await masses.get('/api/v1/me/workplace-remediation');
    expect(plans.json().plans).toHaveLength(1);
    const sent = await masses.post(`/api/v1/remediation-items/${collectiveItem.id}/comments`, {
      text: 'Lịch tiếp dân chưa thấy niêm yết.',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const byMember = await setup.members.b.client.post(
      `/api/v1/remediation-items/${collectiveItem.id}/comments`,
      {
        text: 'Tôi cũng góp ý.',
      },
    );
    expect(byMember.statusCode).toBe(403);
    const comment = (await plan()).json().items.find((item: { id: string }) => item.id === collectiveItem.id)
      .comments[0];
    expect(comment).toMatchObject({ authorName: 'Võ Văn Quần', answer: null });
    const answered = await committee.post(`/api/v1/remediation-comments/${comment.id}/answer`, {
      version: comment.version,
      text: 'Đã niêm yết ngày hôm nay.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const stale = await committee.post(`/api/v1/remediation-comments/${comment.id}/answer`, {
      version: comment.version,
      text: 'Trả lời đè.',
    });
    expect(stale.statusCode).toBe(409);
    const shown = (await masses.get(`/api/v1/meetings/${setup.meetingId}/remediation`)).json();
    expect(
      shown.items.find((item: { id: string }) => item.id === collectiveItem.id).comments[0],
    ).toMatchObject({
      answer: 'Đã niêm yết ngày hôm nay.',
    });
  });

  it('opens the plan with a code from the meeting and takes an anonymous comment; refuses other codes', async () => {
    const [code] = await issueCodes(committee, setup.meetingId, 1);
    const open = await context.app.inject({
      method: 'POST',
      url: '/api/v1/supervise/open',
      payload: { code },
    });
    expect(open.statusCode, open.body).toBe(200);
    const opened = open.json() as {
      items: { id: string; notes: { authorName: unknown; evidenceName: unknown }[] }[];
    };
    expect(opened.items).toHaveLength(3);
    expect(opened.items.flatMap((item) => item.notes).every((note) => note.authorName === null)).toBe(true);
    const comment = await context.app.inject({
      method: 'POST',
      url: '/api/v1/supervise/comment',
      payload: { code, itemId: individualItem.id, text: 'Cảm ơn đồng chí đã khắc phục.' },
    });
    expect(comment.statusCode, comment.body).toBe(201);
    // S6: held until the day is over, then released with the day's other anonymous comments.
    const stored = () =>
      queryRows<Record<string, unknown>>(
        context.database.db,
        sql`select * from remediation_comments where text = 'Cảm ơn đồng chí đã khắc phục.'`,
      );
    expect(await stored()).toEqual([]);
    const reread = await committee.get(`/api/v1/meetings/${setup.meetingId}/remediation`);
    expect(reread.body).not.toContain('Cảm ơn đồng chí đã khắc phục.');
    expect(await releaseAnonymousComments(context.database.db, new Date(Date.now() + DAY_MS))).toBe(1);
    expect(await stored()).toMatchObject([{ author_account_id: null, author_name: null }]);
    const released = await committee.get(`/api/v1/meetings/${setup.meetingId}/remediation`);
    expect(released.body).toContain('Cảm ơn đồng chí đã khắc phục.');

    const [otherItem] = await queryRows<{ id: string }>(
      context.database.db,
      sql`insert into remediation_items (compilation_id, action, responsible_kind, responsible_organization_id, deadline, created_by)
          select c.id, 'Việc của cơ quan khác', 'organization', m.organization_id, ${dayFromToday(3)}::date, m.secretary_account_id
          from compilations c join meetings m on m.id = c.meeting_id where m.id = ${setup.otherMeetingId}
          returning id`,
    );
    const foreign = await context.app.inject({
      method: 'POST',
      url: '/api/v1/supervise/comment',
      payload: { code, itemId: otherItem!.id, text: 'Góp ý sai chỗ.' },
    });
    expect(foreign.statusCode).toBe(404);
    expect(vietnamese(foreign.body)).toContain('Không tìm thấy việc khắc phục');
    const unknown = await context.app.inject({
      method: 'POST',
      url: '/api/v1/supervise/open',
      payload: { code: 'ABCDE-FGHJK' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(vietnamese(unknown.body)).toContain('Mã không đúng');
  });

  it('renders the plan as DOCX and PDF with its title and table', async () => {
    const docx = await committee.get(`/api/v1/meetings/${setup.meetingId}/remediation.docx`);
    expect(docx.statusCode).toBe(200);
    const paragraphs = docxParagraphs(await documentXml(docx.rawPayload));
    expect(paragraphs).toContain('KẾ HOẠCH KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM');
    for (const cell of [
      'Nội dung khắc phục',
      'Niêm yết lịch tiếp dân tại trụ sở và trên trang thông tin.',
      'Trần Thị Chín',
      'Quá hạn',
    ])
      expect(paragraphs).toContain(cell);
    const pdf = await committee.get(`/api/v1/meetings/${setup.meetingId}/remediation.pdf`);
    const text = (await pdfLines(pdf.rawPayload)).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('KẾ HOẠCH KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM');
    expect(text).toContain('Trần Thị Chín');
    const byMasses = await setup.nonMember.client.get(`/api/v1/meetings/${setup.meetingId}/remediation.docx`);
    expect(byMasses.statusCode).toBe(403);
  });

  it('carries last year’s accepted shortcomings and remediation items into section 5 of next year’s report', async () => {
    const blocCommittee = await TestClient.signIn(context.app, 'committee.bloc');
    const nextPlan = await publishPlanFromTemplate(blocCommittee, setup.tree.organizations.bloc, {
      year: 2027,
      meetingsDueOn: '2027-11-15',
      baseReportsDueOn: '2027-11-20',
      upwardReportDueOn: '2027-11-30',
    });
    const [next] = await queryRows<{ carried_over: string }>(
      context.database.db,
      sql`select carried_over from self_criticisms where plan_id = ${nextPlan} and full_name = 'Trần Thị Chín'`,
    );
    const deadline = dayFromToday(30).split('-').reverse().join('/');
    expect(next?.carried_over).toBe(
      [
        '- Giải quyết hồ sơ còn chậm.',
        `- Khắc phục: Giải quyết hồ sơ đúng hạn, báo cáo hằng tháng. (hạn ${deadline}, Đã hoàn thành)`,
      ].join('\n'),
    );
    const [other] = await queryRows<{ carried_over: string }>(
      context.database.db,
      sql`select carried_over from self_criticisms where plan_id = ${nextPlan} and full_name = 'Nguyễn Văn Tám'`,
    );
    expect(other?.carried_over).toBe('');
  });
});
