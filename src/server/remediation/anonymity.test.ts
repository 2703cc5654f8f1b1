import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { vietnamDate } from '../../domain/meetings.js';
import { auditCount, codeForms, createLoggedContext, findInEveryColumn } from '../anonymity-support.js';
import { issueCodes } from '../phone-forms/test-helpers.js';
import type { TestContext } from '../test-support.js';
import { dayFromToday, type PreparedRemediation, prepareRemediation } from './test-support.js';

/**
 * S6 for supervision: a comment sent with the meeting's code, from a browser with a distinctive
 * user agent, a forwarded address and a signed-in session, leaves nothing in any table or in the
 * log that links it to the code, the account or the device.
 */
const USER_AGENT = 'GiamSatBiMat/7.7 (AnDanh; Mau-thu-S6)';
const ADDRESS = '198.51.100.42';
const COMMENT = 'Việc khắc phục còn chậm, đề nghị cấp ủy đôn đốc.';

describe('anonymity of comments sent with a code (S6)', () => {
  let context: TestContext;
  let setup: PreparedRemediation;
  let code: string;
  let log: string[];
  let auditBefore: number;

  beforeAll(async () => {
    ({ context, log } = await createLoggedContext());
    setup = await prepareRemediation(context);
    const item = await setup.committee.post(`/api/v1/meetings/${setup.meetingId}/remediation-items`, {
      pointId: setup.points.collective,
      action: 'Niêm yết lịch tiếp dân.',
      deadline: dayFromToday(20),
    });
    code = (await issueCodes(setup.committee, setup.meetingId, 2))[0]!;
    auditBefore = await auditCount(context);
    const headers = { 'user-agent': USER_AGENT, 'x-forwarded-for': ADDRESS };
    const holder = setup.nonMember.client;
    const opened = await holder.request('POST', '/api/v1/supervise/open', { code }, headers);
    expect(opened.statusCode, opened.body).toBe(200);
    const sent = await holder.request(
      'POST',
      '/api/v1/supervise/comment',
      { code, itemId: item.json().id, text: COMMENT },
      headers,
    );
    expect(sent.statusCode, sent.body).toBe(201);
  });
  afterAll(() => context.close());

  it('stores the comment with no account, no name, the day only', async () => {
    const rows = await queryRows<Record<string, unknown>>(
      context.database.db,
      sql`select * from remediation_comments where text = ${COMMENT}`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ author_account_id: null, author_name: null, answer: null });
    expect(String(rows[0]!.created_on).slice(0, 10)).toBe(vietnamDate(new Date()));
    const columns = await queryRows<{ column_name: string }>(
      context.database.db,
      sql`select column_name from information_schema.columns
          where table_schema = 'public' and table_name = 'remediation_comments' and data_type like 'timestamp%'`,
    );
    expect(columns.map((column) => column.column_name)).toEqual(['answered_at']);
  });

  it('keeps no trace of the code, the user agent or the address in any column of any table', async () => {
    const { found } = await findInEveryColumn(context, [
      ...codeForms(code),
      USER_AGENT,
      'GiamSatBiMat',
      ADDRESS,
    ]);
    expect(found).toEqual([]);
  });

  it('records no audit entry', async () => {
    expect(await auditCount(context)).toBe(auditBefore);
  });

  it('logs neither the code, the user agent, the address nor the supervision routes', () => {
    const text = log.join('');
    expect(text).toContain('/remediation-items');
    for (const secret of [...codeForms(code), USER_AGENT, 'GiamSatBiMat', ADDRESS, '/supervise']) {
      expect(text).not.toContain(secret);
    }
  });
});
