import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoggedContext, logLines } from '../anonymity-support.js';
import type { TestContext } from '../test-support.js';
import { errorKind } from './anonymous-errors.js';

/**
 * S6: a server error on an anonymous route leaves no line with its time or request; the
 * administrator learns of it from a count by kind, written without anything the request carried.
 */
describe('server errors on the anonymous routes', () => {
  let context: TestContext;
  let log: string[];
  let failedAt: { from: number; to: number };

  beforeAll(async () => {
    ({ context, log } = await createLoggedContext());
    // Something breaks in the database behind the code look-up.
    await context.database.db.execute(
      sql`alter table code_attempt_failures rename to code_attempt_failures_gone`,
    );
    const from = Date.now();
    for (const code of ['ABCDE-FGHJK', 'BCDEF-GHJKM']) {
      const response = await context.app.inject({
        method: 'POST',
        url: '/api/v1/supervise/open',
        payload: { code },
        headers: { 'user-agent': 'MayLoiBiMat/1.0', 'x-forwarded-for': '192.0.2.99' },
      });
      expect(response.statusCode).toBe(500);
      expect(response.json().error.message).toMatch(/Hệ thống gặp lỗi/);
    }
    failedAt = { from, to: Date.now() };
  });
  afterAll(() => context.database.close());

  it('logs nothing while the requests fail', () => {
    const during = logLines(log).filter(
      (line) => Number(line.time) >= failedAt.from && Number(line.time) <= failedAt.to,
    );
    expect(during).toEqual([]);
  });

  it('writes one count by kind when the summary is due (here: the server stops), with nothing of the requests', async () => {
    await context.app.close();
    const summaries = logLines(log).filter((line) => line.anonymousRouteErrors);
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.anonymousRouteErrors).toEqual({ 'pg:42P01': 2 });
    const text = JSON.stringify(summaries[0]);
    for (const secret of [
      'ABCDE',
      'BCDEF',
      'MayLoiBiMat',
      '192.0.2.99',
      'supervise',
      'reqId',
      'code_attempt',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it.each([
    [Object.assign(new Error('duplicate key value (x)=(bí mật)'), { code: '23505' }), 'pg:23505'],
    [
      Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      'ECONNREFUSED',
    ],
    [new TypeError('Cannot read properties of undefined (reading "bí mật")'), 'TypeError'],
    ['a thrown string', 'Error'],
  ])('names an error by its kind only: %s → %s', (error, kind) => {
    expect(errorKind(error)).toBe(kind);
  });
});
