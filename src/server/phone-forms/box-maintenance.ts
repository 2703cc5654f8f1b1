import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.js';
import { pgErrorCode } from '../../db/errors.js';

/** The tables that hold anonymous submissions until their release (S6). */
export type BoxTable = 'feedback_ballots' | 'feedback_code_uses' | 'remediation_comment_box';

const LOCK_NOT_AVAILABLE = '55P03';

/**
 * S6: a deleted row's bytes stay in its table's pages — plain VACUUM frees the space but does not
 * overwrite it — until new rows reuse the space or the file is replaced. So after a release:
 * when the boxes are empty (no other window or day waiting), they are truncated, which replaces
 * their files (and their indexes') with new empty ones; the lock is only tried (NOWAIT), so a
 * sending is never made to wait behind it. When other rows are still waiting, or the lock is
 * busy, a plain VACUUM makes the dead rows unreadable to any query at once, and the bytes go at
 * the next truncation. Not inside a transaction (VACUUM cannot run in one).
 */
export async function compactBoxes(db: Db, tables: readonly BoxTable[]): Promise<'truncated' | 'vacuumed'> {
  // The names are this module's constants, never input: safe as raw SQL.
  const list = sql.raw(tables.join(', '));
  const anyRow = sql.raw(tables.map((table) => `exists (select 1 from ${table})`).join(' or '));
  let truncated = false;
  try {
    truncated = await db.transaction(async (tx) => {
      await tx.execute(sql`lock table ${list} in access exclusive mode nowait`);
      const [row] = await queryRows<{ waiting: boolean }>(tx, sql`select ${anyRow} as waiting`);
      if (row?.waiting) return false;
      await tx.execute(sql`truncate ${list}`);
      return true;
    });
  } catch (error) {
    if (pgErrorCode(error) !== LOCK_NOT_AVAILABLE) throw error;
  }
  if (truncated) return 'truncated';
  await db.execute(sql`vacuum ${list}`);
  return 'vacuumed';
}
