import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_MARK } from '../../documents/party-document.js';
import { documentXml, docxParagraphs } from '../../documents/read-exports.js';
import { SIGNED_DRAFT_MESSAGE } from '../../domain/minutes.js';
import { MINUTES_LOCKED_MESSAGE } from '../http/error-handler.js';
import { type PreparedMeeting, prepareMeeting } from '../meetings/test-support.js';
import {
  accountName,
  createTestContext,
  TEST_PASSWORD,
  type TestClient,
  type TestContext,
} from '../test-support.js';
import { ADDENDUM_BEFORE_LOCK, SCAN_TYPE_MESSAGE, WRONG_SIGNER_CREDENTIALS } from './signing.js';

/** The smallest valid PNG: the signature scan. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function paperSignature(client: TestClient, meetingId: string, fields: Record<string, string>, file: Buffer) {
  const boundary = `----tpb${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  const payload = Buffer.concat([
    ...parts,
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="chu-ky.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', `/api/v1/meetings/${meetingId}/minutes/signatures/paper`, payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

describe('minutes: draft, signatures, lock, addendum', () => {
  let context: TestContext;
  let prepared: PreparedMeeting;
  let url: (path?: string) => string;
  const rows = async (query: ReturnType<typeof sql>) =>
    ((await context.database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const chairUsername = accountName('committee', 'cellA1');
  const paperForm = (text: string) => ({
    selfCriticismId: prepared.members.a.selfCriticismId,
    authorName: null,
    form: { strengths: { duties: text }, shortcomings: {}, proposals: '' },
  });

  beforeAll(async () => {
    context = await createTestContext();
    prepared = await prepareMeeting(context);
    url = (path = '') => `/api/v1/meetings/${prepared.meetingId}/minutes${path}`;
  });
  afterAll(() => context.close());

  it('drafts the minutes on first read, in the seed order, with a content hash', async () => {
    await prepared.secretary.client.post(
      `/api/v1/meetings/${prepared.meetingId}/paper-forms`,
      paperForm('Tận tụy.'),
    );
    const response = await prepared.secretary.client.get(url());
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view).toMatchObject({
      version: 1,
      locked: false,
      signatures: [],
      content: {
        date: '2026-11-10',
        startTime: '08:00',
        place: 'Hội trường Sở Thử A1',
        secretaryName: 'Phạm Thị Thư',
        // Issue 11: nobody is counted present before attendance is taken.
        counts: { members: 2, present: 0, unmarked: 2, absent: [] },
      },
    });
    const docx = await prepared.committee.get(`/api/v1/meetings/${prepared.meetingId}/minutes.docx`);
    expect(docxParagraphs(await documentXml(docx.rawPayload)).join('\n')).toContain(
      '2 đồng chí; chưa điểm danh.',
    );
    expect(view.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(view.content.members[0].opinions).toEqual([
      expect.objectContaining({ channel: 'paper', text: 'Tận tụy.', speaker: null }),
    ]);
    expect((await prepared.committee.get(url())).json().contentHash).toBe(view.contentHash);
  });

  it('keeps the minutes from members and from officers above', async () => {
    expect((await prepared.members.a.client.get(url())).statusCode).toBe(403);
    const bloc = await prepared.committee.get(url());
    expect(bloc.statusCode).toBe(200);
  });

  it('saves the secretary text with a version, refuses a stale one, and the hash follows the text', async () => {
    const before = (await prepared.secretary.client.get(url())).json();
    const saved = await prepared.secretary.client.put(url(), {
      version: before.version,
      draft: { openingRemarks: 'Đồng chí chủ trì tuyên bố lý do.', endedAt: '11:05' },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().content).toMatchObject({
      openingRemarks: 'Đồng chí chủ trì tuyên bố lý do.',
      endTime: '11:05',
    });
    expect(saved.json().contentHash).not.toBe(before.contentHash);
    const stale = await prepared.committee.put(url(), { version: before.version, draft: {} });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('người khác thay đổi');
    const badTime = await prepared.secretary.client.put(url(), {
      version: saved.json().version,
      draft: { endedAt: '25h' },
    });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().error.message).toContain('hh:mm');
  });

  it('refuses an end before the start (issue 11)', async () => {
    const before = (await prepared.secretary.client.get(url())).json();
    const early = await prepared.secretary.client.put(url(), {
      version: before.version,
      draft: { ...before.draft, endedAt: '07:30' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.issues).toEqual([
      { path: 'body.draft.endedAt', message: 'Giờ kết thúc (07:30) phải sau giờ bắt đầu (08:00).' },
    ]);
    expect((await prepared.secretary.client.get(url())).json().content.endTime).toBe('11:05');
  });

  it('counts only recorded attendance, and the absent member’s own section says absent and why (issue 11)', async () => {
    const { a, b } = prepared.members;
    const meeting = (await prepared.committee.get(`/api/v1/meetings/${prepared.meetingId}`)).json();
    const marked = await prepared.committee.put(`/api/v1/meetings/${prepared.meetingId}/attendance`, {
      version: meeting.version,
      members: [
        { selfCriticismId: a.selfCriticismId, present: true },
        {
          selfCriticismId: b.selfCriticismId,
          present: false,
          absenceReason: 'Đi công tác theo quyết định của Sở',
          absenceReasonValid: true,
        },
      ],
      massesPresent: 6,
      massesPresentNames: [],
    });
    expect(marked.statusCode, marked.body).toBe(200);
    const view = (await prepared.secretary.client.get(url())).json();
    expect(view.content.counts).toMatchObject({ members: 2, present: 1, absent: [expect.any(Object)] });
    expect(view.content.counts.unmarked).toBeUndefined();
    const absentSection = view.content.members.find(
      (member: { selfCriticismId: string }) => member.selfCriticismId === b.selfCriticismId,
    );
    expect(absentSection.absence).toEqual({
      reason: 'Đi công tác theo quyết định của Sở',
      reasonValid: true,
    });
    const docx = await prepared.committee.get(`/api/v1/meetings/${prepared.meetingId}/minutes.docx`);
    const text = docxParagraphs(await documentXml(docx.rawPayload)).join('\n');
    expect(text).toContain('2 đồng chí; có mặt 1, vắng mặt 1.');
    expect(text).toContain(
      'Vắng mặt: Đi công tác theo quyết định của Sở (lý do chính đáng); cấp ủy tiếp thu, thông báo ý kiến lại cho đồng chí.',
    );
  });

  it('numbers the minutes from the secretary’s draft: dots until given, Số 05-BB/CB after, signed with the rest', async () => {
    const docxLines = async () =>
      docxParagraphs(
        await documentXml(
          (await prepared.committee.get(`/api/v1/meetings/${prepared.meetingId}/minutes.docx`)).rawPayload,
        ),
      );
    const unnumbered = await docxLines();
    expect(unnumbered).toContain('Số ....-BB/CB');
    expect(unnumbered).toContain(DRAFT_MARK);
    // Nơi nhận from the tree: the cell reports to base A's committee and keeps its own copy.
    expect(unnumbered).toEqual(
      expect.arrayContaining(['Nơi nhận:', '- Đảng ủy cơ sở A (b/c),', '- Lưu chi bộ.']),
    );
    const before = (await prepared.secretary.client.get(url())).json();
    const bad = await prepared.secretary.client.put(url(), {
      version: before.version,
      draft: { ...before.draft, number: 'số năm' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Số biên bản chỉ gồm chữ số');
    const saved = await prepared.secretary.client.put(url(), {
      version: before.version,
      draft: { ...before.draft, number: '05' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ draft: { number: '05' }, content: { number: '05' } });
    expect(saved.json().contentHash).not.toBe(before.contentHash);
    expect(await docxLines()).toContain('Số 05-BB/CB');
  });

  it('refuses a wrong password as a failed login, and an account that does not fit the capacity', async () => {
    const wrong = await prepared.secretary.client.post(url('/signatures'), {
      capacity: 'chair',
      username: chairUsername,
      password: 'sai-mat-khau',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.message).toBe(WRONG_SIGNER_CREDENTIALS);
    const [throttle] = await rows(
      sql`select failures from sign_in_throttles where key = ${`account:${chairUsername}`}`,
    );
    expect(throttle?.failures).toBe(1);
    const misfit = await prepared.secretary.client.post(url('/signatures'), {
      capacity: 'masses_representative',
      username: 'dangvien.a',
      password: TEST_PASSWORD,
    });
    expect(misfit.statusCode).toBe(403);
    expect(misfit.json().error.message).toContain('không phải đảng viên');
    const notSecretary = await prepared.secretary.client.post(url('/signatures'), {
      capacity: 'secretary',
      username: 'quanchung.a1',
      password: TEST_PASSWORD,
    });
    expect(notSecretary.statusCode).toBe(403);
    expect(notSecretary.json().error.message).toContain('thư ký');
  });

  it('signs as the chair, then refuses an edit of the text until the signature is withdrawn', async () => {
    const signed = await prepared.secretary.client.post(url('/signatures'), {
      capacity: 'chair',
      username: chairUsername,
      password: TEST_PASSWORD,
    });
    expect(signed.statusCode).toBe(201);
    const view = signed.json();
    expect(view.signatures).toEqual([
      expect.objectContaining({ capacity: 'chair', method: 'account', current: true }),
    ]);
    const twice = await prepared.secretary.client.post(url('/signatures'), {
      capacity: 'chair',
      username: chairUsername,
      password: TEST_PASSWORD,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('đã ký');
    const edit = await prepared.secretary.client.put(url(), {
      version: view.version,
      draft: { otherMatters: 'Thêm.' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe(SIGNED_DRAFT_MESSAGE);
    const withdrawn = await prepared.secretary.client.delete(url(`/signatures/${view.signatures[0].id}`));
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().signatures).toEqual([]);
    const again = await prepared.secretary.client.post(url('/signatures'), {
      capacity: 'chair',
      username: chairUsername,
      password: TEST_PASSWORD,
    });
    expect(again.statusCode).toBe(201);
  });

  it('records a paper signature with a scan checked by its bytes', async () => {
    const notAScan = await paperSignature(
      prepared.secretary.client,
      prepared.meetingId,
      { capacity: 'secretary', signerName: 'Phạm Thị Thư' },
      Buffer.from('<html>không phải ảnh</html>'),
    );
    expect(notAScan.statusCode).toBe(415);
    expect(notAScan.json().error.message).toBe(SCAN_TYPE_MESSAGE);
    const noName = await paperSignature(
      prepared.secretary.client,
      prepared.meetingId,
      { capacity: 'secretary' },
      PNG,
    );
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.message).toContain('không được để trống');
    const signed = await paperSignature(
      prepared.secretary.client,
      prepared.meetingId,
      { capacity: 'secretary', signerName: 'Phạm Thị Thư' },
      PNG,
    );
    expect(signed.statusCode).toBe(201);
    const signature = signed
      .json()
      .signatures.find((item: { capacity: string }) => item.capacity === 'secretary');
    expect(signature).toMatchObject({ method: 'paper', hasScan: true, signerName: 'Phạm Thị Thư' });
    const scan = await prepared.committee.get(url(`/signatures/${signature.id}/scan`));
    expect(scan.statusCode).toBe(200);
    expect(scan.headers['content-type']).toBe('image/png');
    expect(scan.rawPayload.equals(PNG)).toBe(true);
  });

  it('refuses the third signature when an opinion arrived after the others signed', async () => {
    await prepared.secretary.client.post(
      `/api/v1/meetings/${prepared.meetingId}/paper-forms`,
      paperForm('Thêm sau.'),
    );
    const view = (await prepared.secretary.client.get(url())).json();
    expect(view.signatures.every((signature: { current: boolean }) => !signature.current)).toBe(true);
    const third = await prepared.secretary.client.post(url('/signatures'), {
      capacity: 'masses_representative',
      username: 'quanchung.a1',
      password: TEST_PASSWORD,
    });
    expect(third.statusCode).toBe(409);
    expect(third.json().error.message).toContain('ký lại');
    for (const signature of view.signatures) {
      expect((await prepared.secretary.client.delete(url(`/signatures/${signature.id}`))).statusCode).toBe(
        200,
      );
    }
  });

  it('refuses an addendum before the minutes are locked', async () => {
    const response = await prepared.secretary.client.post(url('/addenda'), { text: 'Đính chính.' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe(ADDENDUM_BEFORE_LOCK);
  });

  it('locks when all three signed the same text, and moves the workplace to "minutes signed"', async () => {
    const sign = (capacity: string, username: string) =>
      prepared.secretary.client.post(url('/signatures'), { capacity, username, password: TEST_PASSWORD });
    expect((await sign('chair', chairUsername)).statusCode).toBe(201);
    expect((await sign('secretary', 'thuky.a1')).statusCode).toBe(201);
    const last = await sign('masses_representative', 'quanchung.a1');
    expect(last.statusCode).toBe(201);
    const view = last.json();
    expect(view.locked).toBe(true);
    expect(view.lockedAt).not.toBeNull();
    const [stored] = await rows(
      sql`select content_hash, locked_content from minutes where meeting_id = ${prepared.meetingId}`,
    );
    expect(stored?.content_hash).toBe(view.contentHash);
    expect(view.signatures.every((signature: { current: boolean }) => signature.current)).toBe(true);
    const meeting = (await prepared.committee.get(`/api/v1/meetings/${prepared.meetingId}`)).json();
    expect(meeting.minutesLocked).toBe(true);
    const [status] = await rows(
      sql`select status from plan_workplaces where plan_id = ${prepared.planId} and workplace_id = ${prepared.workplaceId}`,
    );
    expect(status?.status).toBe('minutes_signed');
  });

  it('the database itself refuses changes to locked minutes and their opinions (R4)', async () => {
    const [opinion] = await rows(
      sql`select id from feedback where meeting_id = ${prepared.meetingId} limit 1`,
    );
    const attempts = [
      sql`update minutes set draft = '{"openingRemarks":"sửa lén"}'::jsonb where meeting_id = ${prepared.meetingId}`,
      sql`delete from minutes where meeting_id = ${prepared.meetingId}`,
      sql`update feedback set text = 'sửa lén' where id = ${opinion?.id as string}`,
      sql`delete from feedback where id = ${opinion?.id as string}`,
      sql`insert into feedback (id, meeting_id, channel, area, kind, text, recorded_at, change_seq)
          values (${crypto.randomUUID()}, ${prepared.meetingId}, 'oral', 'duties', 'strength', 'thêm lén', now(), nextval('feedback_change_seq'))`,
      sql`insert into meeting_responses (meeting_id, text, recorded_by)
          values (${prepared.meetingId}, 'tiếp thu lén', ${prepared.secretary.accountId})`,
      sql`update minutes_signatures set signer_name = 'khác' where minutes_id = (select id from minutes where meeting_id = ${prepared.meetingId})`,
    ];
    for (const attempt of attempts) {
      const error = await context.database.db.execute(attempt).then(
        () => null,
        (failure: Error & { cause?: Error }) => failure,
      );
      // Drizzle wraps the database's error: its cause carries the trigger's message.
      expect(`${error?.message} ${error?.cause?.message}`).toContain('minutes_locked');
    }
  });

  it('the API answers 409 with the locked message, and a correction is an addendum', async () => {
    const view = (await prepared.secretary.client.get(url())).json();
    const edit = await prepared.secretary.client.put(url(), { version: view.version, draft: {} });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe(MINUTES_LOCKED_MESSAGE);
    const withdraw = await prepared.secretary.client.delete(url(`/signatures/${view.signatures[0].id}`));
    expect(withdraw.statusCode).toBe(409);
    expect(withdraw.json().error.message).toBe(MINUTES_LOCKED_MESSAGE);
    const paper = await prepared.secretary.client.post(
      `/api/v1/meetings/${prepared.meetingId}/paper-forms`,
      paperForm('Quá muộn.'),
    );
    expect(paper.statusCode).toBe(409);
    const addendum = await prepared.secretary.client.post(url('/addenda'), {
      text: 'Đính chính: tên đại biểu là Lê Văn Khối.',
    });
    expect(addendum.statusCode).toBe(201);
    expect(addendum.json().addenda).toEqual([
      expect.objectContaining({
        text: 'Đính chính: tên đại biểu là Lê Văn Khối.',
        createdByName: 'Phạm Thị Thư',
      }),
    ]);
    expect(addendum.json().contentHash).toBe(view.contentHash);
    await expect(
      context.database.db.execute(sql`update minutes_addenda set text = 'sửa' where minutes_id = ${view.id}`),
    ).rejects.toThrow();
  });

  it('downloads the locked minutes with their hash and the signers names', async () => {
    const view = (await prepared.secretary.client.get(url())).json();
    const docx = await prepared.committee.get(`/api/v1/meetings/${prepared.meetingId}/minutes.docx`);
    expect(docx.statusCode).toBe(200);
    const lines = docxParagraphs(await documentXml(docx.rawPayload));
    expect(lines).toContain('BIÊN BẢN');
    expect(lines).toContain('Số 05-BB/CB');
    expect(lines).not.toContain(DRAFT_MARK);
    expect(lines.join('\n')).toContain(view.contentHash);
    expect(lines).toContain('Võ Văn Quần');
    expect(lines.join('\n')).toContain('PHỤ LỤC BIÊN BẢN');
    const pdf = await prepared.secretary.client.get(`/api/v1/meetings/${prepared.meetingId}/minutes.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
