import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.js';
import {
  isThrottled,
  throttleBucketStart,
  throttleCountedSince,
  throttleWaitMinutes,
} from '../../domain/anonymity.js';
import { AppError } from '../errors.js';
import { UnknownCodeError } from './errors.js';

export const TOO_MANY_CODES_MESSAGE = `Bạn đã nhập sai mã quá nhiều lần. Vui lòng đợi khoảng ${throttleWaitMinutes()} phút rồi thử lại, và kiểm tra kỹ mã trên phiếu.`;

export const tooManyCodeAttempts = () => new AppError('too_many_requests', TOO_MANY_CODES_MESSAGE);

/** Which group of code routes a failure counts against. */
export type CodeThrottleScope = 'phone' | 'supervise';

/**
 * Wrong codes per client address, in the database so that every server instance sees the same
 * count. S6: a code that works writes nothing here; a wrong one adds 1 to the row of (keyed hash
 * of the address, 5-minute bucket) — never the address, never a finer time — and rows that no
 * longer count are purged in the same statement. The hash key is derived from the code key, so it
 * is the same on every instance and useless without the server's secret.
 */
export class CodeThrottle {
  private readonly hashKey: KeyObject;

  constructor(
    private readonly db: Db,
    codeKey: Buffer,
    readonly scope: CodeThrottleScope,
  ) {
    // A key object made once: HMAC with a raw Buffer imports the key anew on every call (P1).
    this.hashKey = createSecretKey(
      createHmac('sha256', codeKey).update('code-attempt-throttle', 'utf8').digest(),
    );
  }

  /** The stored form of an address: HMAC-SHA256 with the derived key, hex. */
  addressKey(address: string): string {
    return createHmac('sha256', this.hashKey).update(address, 'utf8').digest('hex');
  }

  /** A scalar SQL expression: the address's failures that still count (0 when none). */
  recentFailures(addressKey: string, now: Date): SQL {
    return sql`(select coalesce(sum(failures), 0)::int from code_attempt_failures
                where scope = ${this.scope} and address_key = ${addressKey}
                  and bucket_start >= ${throttleCountedSince(now).toISOString()}::timestamptz)`;
  }

  /** Refuses (429) an address whose recent failures reached the limit. */
  async assertNotThrottled(address: string, now = new Date()): Promise<void> {
    const [row] = await queryRows<{ failures: number }>(
      this.db,
      sql`select ${this.recentFailures(this.addressKey(address), now)} as failures`,
    );
    if (isThrottled(Number(row?.failures ?? 0))) throw tooManyCodeAttempts();
  }

  /** One more failure for the address in the current bucket; buckets that no longer count go. */
  async recordFailure(address: string, now = new Date()): Promise<void> {
    const since = throttleCountedSince(now).toISOString();
    await this.db.execute(
      sql`with purged as (delete from code_attempt_failures where bucket_start < ${since}::timestamptz)
          insert into code_attempt_failures (scope, address_key, bucket_start, failures)
          values (${this.scope}, ${this.addressKey(address)}, ${throttleBucketStart(now).toISOString()}::timestamptz, 1)
          on conflict (scope, address_key, bucket_start)
          do update set failures = code_attempt_failures.failures + 1`,
    );
  }

  /** Runs a code look-up for the address: refused while throttled, an unknown code counted. */
  async run<T>(address: string, work: () => Promise<T>): Promise<T> {
    await this.assertNotThrottled(address);
    return this.counting(address, work);
  }

  /** Counts an unknown code against the address; the work checked the throttle itself. */
  async counting<T>(address: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof UnknownCodeError) await this.recordFailure(address);
      throw error;
    }
  }
}
