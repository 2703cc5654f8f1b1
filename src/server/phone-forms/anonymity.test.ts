import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { vietnamDate } from '../../domain/meetings.js';
import {
  auditCount,
  codeForms,
  createLoggedContext,
  findInEveryColumn,
  followsSendingOrder,
  heapBytes,
  indexBytes,
  logLines,
  rowsTouchedBetween,
  sequenceValues,
  timesWithin,
  transactionMark,
} from '../anonymity-support.js';
import { type PreparedMeeting, prepareMeeting } from '../meetings/test-support.js';
import type { TestContext } from '../test-support.js';
import { form, inOneHour, issueCodes } from './test-helpers.js';

/**
 * S6, "anonymity is a promise", tried as an auditor would: 20 forms sent from 10 codes in a known
 * order, from phones with distinctive user agents and forwarded addresses, one of them signed in;
 * then the window closed. Nothing in any column, system column (`xmin`, `xmax`, `ctid`), physical
 * order, sequence, timestamp, audit entry or log line may link a released form to a code, a slip
 * or the order or time of sending.
 */
const USER_AGENT = 'DienThoaiBiMat/9.9 (AnDanh; Mau-thu-S6)';
const address = (index: number) => `203.0.113.${70 + index}`;
const CODES = 10;
const FORMS = 20;
const textOf = (send: number) => `Ý kiến ẩn danh số ${String(send).padStart(2, '0')}`;
const sendOf = (text: string) => Number(/số (\d+)/.exec(text)?.[1] ?? Number.NaN);

describe('anonymity of phone forms (S6)', () => {
  let context: TestContext;
  let meeting: PreparedMeeting;
  let codes: string[];
  let codeIds: string[];
  let log: string[];
  let lastSeenBefore: Date;
  let auditCountBefore: number;
  let sequencesBefore: Record<string, string | null>;
  let sequencesAfter: Record<string, string | null>;
  let markBefore: number;
  let markAfter: number;
  let sendingFrom: Date;
  let sendingTo: Date;
  const openedBodies: string[] = [];

  const db = () => context.database.db;
  const lastSeen = async (accountId: string) =>
    (
      await queryRows<{ last_seen_at: Date | string }>(
        db(),
        sql`select max(last_seen_at) as last_seen_at from sessions where account_id = ${accountId}`,
      )
    )[0]!.last_seen_at;

  beforeAll(async () => {
    ({ context, log } = await createLoggedContext());
    meeting = await prepareMeeting(context);
    codes = await issueCodes(meeting.committee, meeting.meetingId, CODES);
    codeIds = (
      await queryRows<{ id: string }>(
        db(),
        sql`select id from feedback_codes where meeting_id = ${meeting.meetingId}`,
      )
    ).map((row) => row.id);
    await meeting.committee.post(`/api/v1/meetings/${meeting.meetingId}/form-window/open`, {
      endsAt: inOneHour(),
    });
    // The phones are browsers where the non-member is also signed in: its session cookie goes along.
    const holder = meeting.nonMember.client;
    // Ten minutes idle: any session lookup would now move last_seen_at (it is touched once a minute).
    await db().execute(
      sql`update sessions set last_seen_at = now() - interval '10 minutes' where account_id = ${meeting.nonMember.accountId}`,
    );
    lastSeenBefore = new Date(await lastSeen(meeting.nonMember.accountId));
    auditCountBefore = await auditCount(context);
    sequencesBefore = await sequenceValues(db());

    markBefore = await transactionMark(db());
    sendingFrom = new Date();
    const members = [meeting.members.a.selfCriticismId, meeting.members.b.selfCriticismId];
    for (let send = 0; send < FORMS; send++) {
      // Code n sends about member a, later about member b: a known order, each code twice.
      const code = send % CODES;
      const headers = { 'user-agent': `${USER_AGENT} #${code}`, 'x-forwarded-for': address(code) };
      const opened = await holder.request('POST', '/api/v1/phone-form/open', { code: codes[code] }, headers);
      expect(opened.statusCode, opened.body).toBe(200);
      openedBodies.push(opened.body);
      const sent = await holder.request(
        'POST',
        '/api/v1/phone-form/submit',
        {
          code: codes[code],
          selfCriticismId: members[Math.floor(send / CODES)],
          form: form(
            send % 3
              ? { strength: textOf(send) }
              : { shortcoming: textOf(send), proposals: `${textOf(send)} (đề xuất)` },
          ),
        },
        headers,
      );
      expect(sent.statusCode, sent.body).toBe(200);
    }
    // A second form for the same member with a used code: refused as before, nothing written.
    const again = await holder.request('POST', '/api/v1/phone-form/submit', {
      code: codes[0],
      selfCriticismId: members[0],
      form: form({ strength: 'Lần hai' }),
    });
    expect(again.statusCode).toBe(409);
    sendingTo = new Date();
    markAfter = await transactionMark(db());
    sequencesAfter = await sequenceValues(db());

    const held = await meeting.committee.get(`/api/v1/meetings/${meeting.meetingId}/phone-forms`);
    expect(held.statusCode).toBe(409);
    const closed = await meeting.committee.post(`/api/v1/meetings/${meeting.meetingId}/form-window/close`);
    expect(closed.statusCode, closed.body).toBe(200);
  });
  afterAll(() => context.close());

  it('tells nobody which members a code was used for: a used code opens like a fresh one', () => {
    expect(openedBodies).toHaveLength(FORMS);
    expect(new Set(openedBodies).size).toBe(1);
  });

  it('leaves no row anywhere written, updated or locked by a sending transaction', async () => {
    expect(markAfter - markBefore).toBeGreaterThan(FORMS);
    expect(await rowsTouchedBetween(db(), markBefore, markAfter)).toEqual([]);
  });

  it('releases every form and opinion in the closing transaction, with the meeting and its audit entry', async () => {
    const xmins = await queryRows<{ xmin: string; n: number }>(
      db(),
      sql`select xmin::text as xmin, count(*)::int as n from (
            select xmin from feedback_forms where channel = 'phone'
            union all select xmin from feedback where channel = 'phone'
          ) released group by xmin`,
    );
    expect(xmins).toHaveLength(1);
    const [closing] = xmins;
    const [meetingRow] = await queryRows<{ xmin: string }>(
      db(),
      sql`select xmin::text as xmin from meetings where id = ${meeting.meetingId}`,
    );
    expect(meetingRow!.xmin).toBe(closing!.xmin);
  });

  it('stores the released forms in an order that is not the sending order', async () => {
    const byPlace = async (order: string) =>
      (
        await queryRows<{ text: string }>(
          db(),
          sql`select min(o.text) as text from feedback_forms f join feedback o on o.form_id = f.id
              where f.channel = 'phone' group by f.id, f.ctid order by ${sql.raw(order)}`,
        )
      ).map((row) => sendOf(row.text));
    const physical = await byPlace('f.ctid');
    expect([...physical].sort((left, right) => left - right)).toEqual([...Array(FORMS).keys()]);
    expect(followsSendingOrder(physical)).toBe(false);
    expect(followsSendingOrder(await byPlace('f.id'))).toBe(false);
    // As a plain scan reads them (what an index on the meeting hands back, too).
    const scanned = (
      await queryRows<{ text: string }>(
        db(),
        sql`select o.text from feedback o where o.channel = 'phone' and o.area <> 'proposals'`,
      )
    ).map((row) => sendOf(row.text));
    expect(scanned).toHaveLength(FORMS);
    expect(followsSendingOrder(scanned)).toBe(false);
  });

  it('keeps no use marker and no ballot, and the ballot box files are emptied', async () => {
    const [left] = await queryRows<{ uses: number; ballots: number }>(
      db(),
      sql`select (select count(*) from feedback_code_uses)::int as uses, (select count(*) from feedback_ballots)::int as ballots`,
    );
    expect(left).toEqual({ uses: 0, ballots: 0 });
    // Truncated: not even the bytes of the deleted rows are left in the tables' files.
    expect(await heapBytes(db(), 'feedback_ballots')).toBe(0);
    expect(await heapBytes(db(), 'feedback_code_uses')).toBe(0);
    for (const bytes of [
      ...(await indexBytes(db(), 'feedback_ballots')),
      ...(await indexBytes(db(), 'feedback_code_uses')),
    ]) {
      expect(bytes).toBeLessThanOrEqual(8192);
    }
  });

  it('keeps no time of sending and moves no sequence', async () => {
    expect(await timesWithin(db(), sendingFrom, sendingTo)).toEqual([]);
    expect(sequencesAfter).toEqual(sequencesBefore);
  });

  it('keeps no trace of a code, its id, the user agent or the address in any column of any table', async () => {
    const { scanned, found } = await findInEveryColumn(context, [
      ...codes.flatMap(codeForms),
      ...codeIds,
      'DienThoaiBiMat',
      '203.0.113.',
    ]);
    expect(scanned).toBeGreaterThan(50);
    // A code's id is its own row's key, and nothing else.
    expect(found.sort()).toEqual(codeIds.map((id) => `feedback_codes.id ∋ ${id}`).sort());
  });

  it('stores phone forms and their opinions with no account, no time but the day, no sequence', async () => {
    const forms = await queryRows<Record<string, unknown>>(
      db(),
      sql`select * from feedback_forms where channel = 'phone'`,
    );
    expect(forms).toHaveLength(FORMS);
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
      db(),
      sql`select * from feedback where channel = 'phone'`,
    );
    expect(opinions).toHaveLength(FORMS + Math.ceil(FORMS / 3));
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

  it('records no audit entry for the sending and leaves the session untouched', async () => {
    // One entry more: the window's closing, by the committee.
    expect(await auditCount(context)).toBe(auditCountBefore + 1);
    const [closing] = await queryRows<{ action: string }>(
      db(),
      sql`select action from audit_entries order by id desc limit 1`,
    );
    expect(closing!.action).toBe('form_window.close');
    expect(new Date(await lastSeen(meeting.nonMember.accountId)).getTime()).toBe(lastSeenBefore.getTime());
  });

  it('writes no log line while the phones send, and random request ids on the lines it writes', () => {
    const lines = logLines(log);
    const text = log.join('');
    expect(text).toContain('/form-window/open');
    for (const secret of [...codes.flatMap(codeForms), 'DienThoaiBiMat', '203.0.113.', '/phone-form/']) {
      expect(text).not.toContain(secret);
    }
    const during = lines.filter((line) => {
      const time = Number(line.time);
      return time >= sendingFrom.getTime() && time <= sendingTo.getTime();
    });
    expect(during).toEqual([]);
    const ids = lines.map((line) => line.reqId).filter((id): id is string => typeof id === 'string');
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
