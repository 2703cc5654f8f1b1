/**
 * S6: anonymous comments sent with a meeting's code wait in `remediation_comment_box` until their
 * day (Vietnam time) is over; then every waiting comment of past days moves, in one transaction
 * and in random order, into `remediation_comments` with a new random id. So what is left says the
 * day a comment was written, never its time or its place among the day's other comments.
 */
import { sql } from 'drizzle-orm';
import { type Db, type DbOrTx, queryRows } from '../../db/client.js';
import { vietnamDate } from '../../domain/meetings.js';
import { compactBoxes } from '../phone-forms/box-maintenance.js';

/**
 * A comment is dated when it is received; one sent a moment before midnight may commit just
 * after it. The release waits this long into the new day, so no such straggler is left to be
 * released alone later (which would tell it came last).
 */
export const RELEASE_MARGIN_MS = 5 * 60_000;

/** The first day whose comments are still held at `now`. */
export const heldSince = (now: Date) => vietnamDate(new Date(now.getTime() - RELEASE_MARGIN_MS));

/** Puts an anonymous comment into the box: its item, its text and its day, nothing else. */
export async function dropComment(db: DbOrTx, itemId: string, text: string, now = new Date()): Promise<void> {
  await db.execute(
    sql`insert into remediation_comment_box (item_id, text, created_on)
        values (${itemId}::uuid, ${text}, ${vietnamDate(now)}::date)`,
  );
}

/**
 * Releases every comment of the days before `heldSince(now)`: one indexed look-up when there is
 * none. A comment whose item no longer exists is dropped. Returns the number released.
 */
export async function releaseAnonymousComments(db: DbOrTx, now = new Date()): Promise<number> {
  const before = heldSince(now);
  const [due] = await queryRows<{ due: boolean }>(
    db,
    sql`select exists (select 1 from remediation_comment_box where created_on < ${before}::date) as due`,
  );
  if (!due?.due) return 0;
  const [row] = await queryRows<{ released: number }>(
    db,
    sql`with taken as (
          delete from remediation_comment_box where created_on < ${before}::date
          returning item_id, text, created_on
        ),
        released as (
          insert into remediation_comments (id, item_id, text, created_on)
          select gen_random_uuid(), t.item_id, t.text, t.created_on
          from taken t join remediation_items i on i.id = t.item_id
          order by random()
          returning 1
        )
        select count(*)::int as released from released`,
  );
  return Number(row?.released ?? 0);
}

/** After a release has committed: what the deleted rows left in the box's files goes. */
export function compactCommentBox(db: Db): Promise<'truncated' | 'vacuumed'> {
  return compactBoxes(db, ['remediation_comment_box']);
}
