import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { heapBytes, indexBytes } from '../anonymity-support.js';
import { type PreparedMeeting, prepareMeeting } from '../meetings/test-support.js';
import { dropComment } from '../remediation/comment-box.js';
import { createTestContext, TestClient, type TestContext } from '../test-support.js';
import { anonymitySweep } from './sweep.js';
import { form, inOneHour, issueCodes } from './test-helpers.js';

const onPostgres = process.env.TEST_DB === 'postgres';

/**
 * The sealed ballot box's release (S6): whoever closes the window — the committee, the passing
 * of its set end, the sweep — every form sent is released once, and none after.
 */
describe('the ballot box of the phone form', () => {
  let context: TestContext;
  let meeting: PreparedMeeting;
  let codes: string[];
  let phone: TestClient;
  const db = () => context.database.db;
  const meetingUrl = () => `/api/v1/meetings/${meeting.meetingId}`;
  const send = (code: string, text: string, member: 'a' | 'b' = 'a') =>
    phone.post('/api/v1/phone-form/submit', {
      code,
      selfCriticismId: meeting.members[member].selfCriticismId,
      form: form({ strength: text }),
    });
  const counts = async () =>
    (
      await queryRows<{ forms: number; ballots: number; markers: number }>(
        db(),
        sql`select (select count(*) from feedback_forms where channel = 'phone')::int as forms,
                   (select count(*) from feedback_ballots)::int as ballots,
                   (select count(*) from feedback_code_uses)::int as markers`,
      )
    )[0]!;
  /** Test-only: the window open again (the API never reopens a closed window). */
  const reopen = () =>
    db().execute(
      sql`update meetings set form_window_closed_at = null, form_window_ends_at = now() + interval '1 hour'
          where id = ${meeting.meetingId}`,
    );

  beforeAll(async () => {
    context = await createTestContext();
    meeting = await prepareMeeting(context);
    phone = new TestClient(context.app);
    codes = await issueCodes(meeting.committee, meeting.meetingId, 8);
    const opened = await meeting.committee.post(`${meetingUrl()}/form-window/open`, { endsAt: inOneHour() });
    expect(opened.statusCode).toBe(200);
  });
  afterAll(() => context.close());

  if (onPostgres) {
    const rawClient = async (): Promise<pg.PoolClient> =>
      (db() as unknown as { $client: pg.Pool }).$client.connect();

    it('closing waits for a sending still running, and releases its form with the others', async () => {
      expect((await send(codes[0]!, 'Gửi trước khi đóng')).statusCode).toBe(200);
      const sender = await rawClient();
      try {
        // A sending in flight: its ballot and marker written, not yet committed.
        await sender.query('begin');
        await sender.query(
          `with c as (select id, meeting_id from feedback_codes where code_hash = (
             select code_hash from feedback_codes where meeting_id = $1 order by code_hash limit 1))
           , u as (insert into feedback_code_uses select c.id, $2::uuid from c returning 1)
           insert into feedback_ballots (meeting_id, self_criticism_id, submitted_on, opinions)
           select meeting_id, $2::uuid, current_date, '[{"area":"duties","kind":"strength","text":"Đang gửi khi đóng"}]'::jsonb from c`,
          [meeting.meetingId, meeting.members.b.selfCriticismId],
        );
        const closing = meeting.committee.post(`${meetingUrl()}/form-window/close`);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await sender.query('commit');
        expect((await closing).statusCode).toBe(200);
      } finally {
        sender.release();
      }
      expect(await counts()).toEqual({ forms: 2, ballots: 0, markers: 0 });
      const texts = await queryRows<{ text: string }>(
        db(),
        sql`select text from feedback where channel = 'phone'`,
      );
      expect(texts.map((row) => row.text).sort()).toEqual(['Gửi trước khi đóng', 'Đang gửi khi đóng']);
    });

    it('a sending that starts while the window closes waits, then finds it closed and writes nothing', async () => {
      await reopen();
      const closer = await rawClient();
      let sending: ReturnType<typeof send> | undefined;
      try {
        // A close in progress: the meeting marked closed and the box locked, not yet committed.
        await closer.query('begin');
        await closer.query('update meetings set form_window_closed_at = now() where id = $1', [
          meeting.meetingId,
        ]);
        await closer.query('lock table feedback_ballots in share row exclusive mode');
        sending = send(codes[1]!, 'Gửi lúc đang đóng');
        let settled = false;
        void sending.then(() => {
          settled = true;
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(settled).toBe(false);
        await closer.query('commit');
      } finally {
        closer.release();
      }
      const refused = await sending!;
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('hết thời gian');
      expect(await counts()).toEqual({ forms: 2, ballots: 0, markers: 0 });
    });
  }

  it('a window whose set end has passed releases its forms when the meeting is next read', async () => {
    await reopen();
    const before = (await counts()).forms;
    expect((await send(codes[2]!, 'Gửi trước giờ đóng', 'a')).statusCode).toBe(200);
    expect((await send(codes[2]!, 'Gửi trước giờ đóng', 'b')).statusCode).toBe(200);
    expect((await send(codes[3]!, 'Gửi trước giờ đóng nữa', 'a')).statusCode).toBe(200);
    expect(await counts()).toEqual({ forms: before, ballots: 3, markers: 3 });
    await db().execute(
      sql`update meetings set form_window_ends_at = now() - interval '1 minute' where id = ${meeting.meetingId}`,
    );
    const read = await meeting.committee.get(meetingUrl());
    expect(read.json().formWindow).toMatchObject({ state: 'closed' });
    expect(read.json().formWindow.closedAt).toBe(read.json().formWindow.endsAt);
    expect(await counts()).toEqual({ forms: before + 3, ballots: 0, markers: 0 });
    // Read again: nothing is released twice.
    await meeting.committee.get(`${meetingUrl()}/phone-forms`);
    expect((await counts()).forms).toBe(before + 3);
    const late = await send(codes[4]!, 'Gửi sau giờ đóng');
    expect(late.statusCode).toBe(409);
  });

  it('the sweep empties the files deleted rows left, releases past days’ comments and purges old failures', async () => {
    // Rows written and deleted leave their bytes in the box's pages until the files are replaced.
    await db().execute(
      sql`insert into feedback_ballots (meeting_id, self_criticism_id, submitted_on, opinions)
          select ${meeting.meetingId}::uuid, ${meeting.members.a.selfCriticismId}::uuid, current_date,
                 '[{"area":"duties","kind":"strength","text":"Dấu vết"}]'::jsonb
          from generate_series(1, 50)`,
    );
    await db().execute(sql`delete from feedback_ballots`);
    expect(await heapBytes(db(), 'feedback_ballots')).toBeGreaterThan(0);
    await dropComment(
      db(),
      meeting.meetingId,
      'Ý kiến của một ngày đã qua',
      new Date(Date.now() - 2 * 86_400_000),
    );
    await db().execute(
      sql`insert into code_attempt_failures (scope, address_key, bucket_start, failures)
          values ('phone', 'cu', now() - interval '2 hours', 3), ('phone', 'moi', now(), 1)`,
    );

    const swept = await anonymitySweep(db());
    expect(swept.windows).toBe(0);
    // The comment's item does not exist (a meeting id stands in): it is dropped, not released.
    expect(swept.comments).toBe(0);
    expect(await heapBytes(db(), 'feedback_ballots')).toBe(0);
    for (const bytes of await indexBytes(db(), 'feedback_ballots')) expect(bytes).toBeLessThanOrEqual(8192);
    const [left] = await queryRows<{ box: number; failures: string[] }>(
      db(),
      sql`select (select count(*) from remediation_comment_box)::int as box,
                 (select array_agg(address_key) from code_attempt_failures) as failures`,
    );
    expect(left).toEqual({ box: 0, failures: ['moi'] });
  });
});
