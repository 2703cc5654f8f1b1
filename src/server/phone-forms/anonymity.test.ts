import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { vietnamDate } from '../../domain/meetings.js';
import { auditCount, codeForms, createLoggedContext, findInEveryColumn } from '../anonymity-support.js';
import { type PreparedMeeting, prepareMeeting } from '../meetings/test-support.js';
import type { TestContext } from '../test-support.js';
import { form, inOneHour, issueCodes } from './test-helpers.js';

/**
 * S6, "anonymity is a promise": after phone forms sent from a browser that carries a distinctive
 * user agent, a forwarded address and a logged-in session, nothing in any table or in the log
 * links a form to who held the code.
 */
const USER_AGENT = 'DienThoaiBiMat/9.9 (AnDanh; Mau-thu-S6)';
const ADDRESS = '203.0.113.77';

describe('anonymity of phone forms (S6)', () => {
  let context: TestContext;
  let meeting: PreparedMeeting;
  let code: string;
  let log: string[];
  let lastSeenBefore: Date;
  let auditCountBefore: number;

  const lastSeen = async (accountId: string) =>
    (
      await queryRows<{ last_seen_at: Date | string }>(
        context.database.db,
        sql`select max(last_seen_at) as last_seen_at from sessions where account_id = ${accountId}`,
      )
    )[0]!.last_seen_at;
  beforeAll(async () => {
    ({ context, log } = await createLoggedContext());
    meeting = await prepareMeeting(context);
    code = (await issueCodes(meeting.committee, meeting.meetingId, 3))[0]!;
    await meeting.committee.post(`/api/v1/meetings/${meeting.meetingId}/form-window/open`, {
      endsAt: inOneHour(),
    });

    // The phone is a browser where the non-member is also signed in: its session cookie goes along.
    const holder = meeting.nonMember.client;
    // Ten minutes idle: any session lookup would now move last_seen_at (it is touched once a minute).
    await context.database.db.execute(
      sql`update sessions set last_seen_at = now() - interval '10 minutes' where account_id = ${meeting.nonMember.accountId}`,
    );
    lastSeenBefore = new Date(await lastSeen(meeting.nonMember.accountId));
    auditCountBefore = await auditCount(context);
    const headers = { 'user-agent': USER_AGENT, 'x-forwarded-for': ADDRESS };
    const opened = await holder.request('POST', '/api/v1/phone-form/open', { code }, headers);
    expect(opened.statusCode, opened.body).toBe(200);
    for (const [target, content] of [
      [meeting.members.a.selfCriticismId, form({ strength: 'Ý kiến S6 một', proposals: 'Đề xuất S6' })],
      [meeting.members.b.selfCriticismId, form({ shortcoming: 'Ý kiến S6 hai' })],
    ] as const) {
      const sent = await holder.request(
        'POST',
        '/api/v1/phone-form/submit',
        { code, selfCriticismId: target, form: content },
        headers,
      );
      expect(sent.statusCode, sent.body).toBe(200);
    }
  });
  afterAll(() => context.close());

  it('keeps no trace of the code, the user agent or the address in any column of any table', async () => {
    const { scanned, found } = await findInEveryColumn(context, [
      ...codeForms(code),
      USER_AGENT,
      'DienThoaiBiMat',
      ADDRESS,
    ]);
    expect(scanned).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });

  it('stores phone forms and their opinions with no account, no time but the day, no sequence', async () => {
    const forms = await queryRows<Record<string, unknown>>(
      context.database.db,
      sql`select * from feedback_forms where channel = 'phone'`,
    );
    expect(forms).toHaveLength(2);
    for (const row of forms) {
      expect(row).toMatchObject({
        author_name: null,
        author_account_id: null,
        recorded_by: null,
        recorded_at: null,
      });
      expect(String(row.submitted_on).slice(0, 10)).toBe(vietnamDate(new Date()));
      expect(String(row.id)[14]).toBe('4');
    }
    const opinions = await queryRows<Record<string, unknown>>(
      context.database.db,
      sql`select * from feedback where channel = 'phone'`,
    );
    expect(opinions).toHaveLength(3);
    for (const row of opinions) {
      expect(row).toMatchObject({
        speaker_name: null,
        recorded_by: null,
        recorded_at: null,
        updated_at: null,
        change_seq: null,
      });
      expect(String(row.id)[14]).toBe('4');
    }
  });

  it('marks the code used per member with nothing else: no time, no form', async () => {
    const columns = await queryRows<{ column_name: string }>(
      context.database.db,
      sql`select column_name from information_schema.columns
          where table_schema = 'public' and table_name = 'feedback_code_uses' order by column_name`,
    );
    expect(columns.map((column) => column.column_name)).toEqual(['code_id', 'self_criticism_id']);
    const uses = await queryRows<{ n: number }>(
      context.database.db,
      sql`select count(*)::int as n from feedback_code_uses`,
    );
    expect(Number(uses[0]!.n)).toBe(2);
  });

  it('records no audit entry and leaves the session untouched', async () => {
    expect(await auditCount(context)).toBe(auditCountBefore);
    expect(new Date(await lastSeen(meeting.nonMember.accountId)).getTime()).toBe(lastSeenBefore.getTime());
  });

  it('logs neither the code, the user agent, the address nor the phone routes, while other requests are logged', async () => {
    const text = log.join('');
    expect(text).toContain('/form-window/open');
    for (const secret of [...codeForms(code), USER_AGENT, 'DienThoaiBiMat', ADDRESS, '/phone-form']) {
      expect(text).not.toContain(secret);
    }
  });
});
