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
  logLines,
  rowsTouchedBetween,
  sequenceValues,
  timesWithin,
  transactionMark,
} from '../anonymity-support.js';
import { issueCodes } from '../phone-forms/test-helpers.js';
import type { TestContext } from '../test-support.js';
import { compactCommentBox, releaseAnonymousComments } from './comment-box.js';
import { dayFromToday, type PreparedRemediation, prepareRemediation } from './test-support.js';

/**
 * S6 for supervision, tried as an auditor would: 10 comments sent with 4 codes in a known order,
 * from browsers with distinctive user agents, forwarded addresses and a signed-in session. They
 * are held until their day is over, then released together; nothing left links a comment to a
 * code, the account or the device, nor tells its time or its place in the day's order.
 */
const USER_AGENT = 'GiamSatBiMat/7.7 (AnDanh; Mau-thu-S6)';
const address = (index: number) => `198.51.100.${40 + index}`;
const COMMENTS = 10;
const textOf = (send: number) => `Ý kiến giám sát ẩn danh số ${send}`;
const sendOf = (text: string) => Number(/số (\d+)/.exec(text)?.[1] ?? Number.NaN);
const DAY_MS = 24 * 60 * 60_000;

describe('anonymity of comments sent with a code (S6)', () => {
  let context: TestContext;
  let setup: PreparedRemediation;
  let codes: string[];
  let log: string[];
  let auditBefore: number;
  let sequencesBefore: Record<string, string | null>;
  let sequencesAfter: Record<string, string | null>;
  let markBefore: number;
  let markAfter: number;
  let sendingFrom: Date;
  let sendingTo: Date;
  let heldBack: string;
  const db = () => context.database.db;

  beforeAll(async () => {
    ({ context, log } = await createLoggedContext());
    setup = await prepareRemediation(context);
    const items: string[] = [];
    for (const [pointId, action] of [
      [setup.points.collective, 'Niêm yết lịch tiếp dân.'],
      [setup.points.individual, 'Giải quyết dứt điểm hồ sơ tồn.'],
    ] as const) {
      const item = await setup.committee.post(`/api/v1/meetings/${setup.meetingId}/remediation-items`, {
        pointId,
        action,
        deadline: dayFromToday(20),
      });
      items.push(item.json().id);
    }
    codes = await issueCodes(setup.committee, setup.meetingId, 4);
    auditBefore = await auditCount(context, { excludingReads: true });
    sequencesBefore = await sequenceValues(db());
    const holder = setup.nonMember.client;

    markBefore = await transactionMark(db());
    sendingFrom = new Date();
    for (let send = 0; send < COMMENTS; send++) {
      const code = send % codes.length;
      const headers = { 'user-agent': `${USER_AGENT} #${code}`, 'x-forwarded-for': address(code) };
      const opened = await holder.request('POST', '/api/v1/supervise/open', { code: codes[code] }, headers);
      expect(opened.statusCode, opened.body).toBe(200);
      const sent = await holder.request(
        'POST',
        '/api/v1/supervise/comment',
        { code: codes[code], itemId: items[send % 2], text: textOf(send) },
        headers,
      );
      expect(sent.statusCode, sent.body).toBe(201);
    }
    sendingTo = new Date();
    markAfter = await transactionMark(db());
    sequencesAfter = await sequenceValues(db());
    heldBack = (await setup.committee.get(`/api/v1/meetings/${setup.meetingId}/remediation`)).body;

    // The day is over: the first reader (here the sweep's step itself) releases the day's comments.
    expect(await releaseAnonymousComments(db(), new Date(Date.now() + DAY_MS))).toBe(COMMENTS);
    await compactCommentBox(db());
  });
  afterAll(() => context.close());

  it('holds the comments back for the rest of their day', () => {
    expect(heldBack).not.toContain('Ý kiến giám sát ẩn danh');
  });

  it('stores each comment with no account, no name, the day only', async () => {
    const rows = await queryRows<Record<string, unknown>>(
      db(),
      sql`select * from remediation_comments where text like 'Ý kiến giám sát ẩn danh%'`,
    );
    expect(rows).toHaveLength(COMMENTS);
    for (const row of rows) {
      expect(row).toMatchObject({ author_account_id: null, author_name: null, answer: null });
      expect(String(row.created_on).slice(0, 10)).toBe(vietnamDate(sendingFrom));
      expect(String(row.id)[14]).toBe('4');
    }
    const columns = await queryRows<{ column_name: string }>(
      db(),
      sql`select column_name from information_schema.columns
          where table_schema = 'public' and table_name = 'remediation_comments' and data_type like 'timestamp%'`,
    );
    expect(columns.map((column) => column.column_name)).toEqual(['answered_at']);
  });

  it('leaves no row anywhere written, updated or locked by a sending transaction', async () => {
    expect(markAfter - markBefore).toBeGreaterThan(COMMENTS);
    expect(await rowsTouchedBetween(db(), markBefore, markAfter)).toEqual([]);
  });

  it('releases the comments in one transaction, in an order that is not the sending order', async () => {
    const rows = await queryRows<{ text: string; xmin: string }>(
      db(),
      sql`select text, xmin::text as xmin from remediation_comments
          where text like 'Ý kiến giám sát ẩn danh%' order by ctid`,
    );
    expect(new Set(rows.map((row) => row.xmin)).size).toBe(1);
    expect(followsSendingOrder(rows.map((row) => sendOf(row.text)))).toBe(false);
  });

  it('keeps nothing in the comment box, not even in its files', async () => {
    const [left] = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from remediation_comment_box`,
    );
    expect(left!.n).toBe(0);
    expect(await heapBytes(db(), 'remediation_comment_box')).toBe(0);
  });

  it('keeps no time of sending and moves no sequence', async () => {
    expect(await timesWithin(db(), sendingFrom, sendingTo)).toEqual([]);
    expect(sequencesAfter).toEqual(sequencesBefore);
  });

  it('keeps no trace of a code, the user agent or the address in any column of any table', async () => {
    const { found } = await findInEveryColumn(context, [
      ...codes.flatMap(codeForms),
      'GiamSatBiMat',
      '198.51.100.',
    ]);
    expect(found).toEqual([]);
  });

  it('records no audit entry beyond the committee reading the plan', async () => {
    expect(await auditCount(context, { excludingReads: true })).toBe(auditBefore);
  });

  it('writes no log line while the comments are sent, and nothing of the supervision routes', () => {
    const text = log.join('');
    expect(text).toContain('/remediation-items');
    for (const secret of [...codes.flatMap(codeForms), 'GiamSatBiMat', '198.51.100.', '/supervise']) {
      expect(text).not.toContain(secret);
    }
    const during = logLines(log).filter((line) => {
      const time = Number(line.time);
      return time >= sendingFrom.getTime() && time <= sendingTo.getTime();
    });
    expect(during).toEqual([]);
  });
});
