/**
 * S6: the periodic work that keeps anonymous submissions from waiting longer than they must:
 * windows whose set end has passed release their forms, past days' supervision comments are
 * released, the boxes' files are emptied once the boxes are, and wrong-code counts that no longer
 * count are purged. Every step is also done where it matters on the way (a read of a meeting
 * releases its window); the sweep makes it happen when nobody reads. Safe on several instances at
 * once: each step takes its locks and finds nothing left to do when another did it.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.js';
import { throttleCountedSince } from '../../domain/anonymity.js';
import type { App } from '../http/types.js';
import { compactCommentBox, releaseAnonymousComments } from '../remediation/comment-box.js';
import { compactBallotBox, releaseDueWindows } from './ballot-box.js';
import type { BoxTable } from './box-maintenance.js';

export const SWEEP_INTERVAL_MS = 60_000;

/** A box with no row whose files still hold pages (of deleted rows) beyond an empty index's meta page. */
async function holdsLeftovers(db: Db, tables: readonly BoxTable[]): Promise<boolean> {
  const names = sql.join(
    tables.map((table) => sql`${table}`),
    sql`, `,
  );
  const anyRow = sql.raw(tables.map((table) => `exists (select 1 from ${table})`).join(' or '));
  const [row] = await queryRows<{ leftovers: boolean }>(
    db,
    sql`select not (${anyRow}) and (
          exists (select 1 from pg_class c where c.relname in (${names}) and c.relkind = 'r'
                  and pg_relation_size(c.oid) > 0)
          or exists (select 1 from pg_index i join pg_class c on c.oid = i.indrelid
                     where c.relname in (${names}) and pg_relation_size(i.indexrelid) > 8192)
        ) as leftovers`,
  );
  return Boolean(row?.leftovers);
}

export interface SweepResult {
  windows: number;
  comments: number;
}

export async function anonymitySweep(db: Db, now = new Date()): Promise<SweepResult> {
  const windows = await releaseDueWindows(db, now);
  if (windows > 0 || (await holdsLeftovers(db, ['feedback_ballots', 'feedback_code_uses']))) {
    await compactBallotBox(db);
  }
  const comments = await releaseAnonymousComments(db, now);
  if (comments > 0 || (await holdsLeftovers(db, ['remediation_comment_box']))) {
    await compactCommentBox(db);
  }
  await db.execute(
    sql`delete from code_attempt_failures where bucket_start < ${throttleCountedSince(now).toISOString()}::timestamptz`,
  );
  return { windows, comments };
}

/**
 * Runs the sweep at once and then every minute in the serving process (tests call `anonymitySweep`
 * themselves), and stops it with the app. Call before the app listens (it adds an onClose hook).
 */
export function scheduleAnonymitySweep(app: App): void {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = anonymitySweep(app.db)
      .catch((error: unknown) =>
        app.log.warn({ err: error }, 'anonymity sweep failed; it runs again in a minute'),
      )
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(tick, SWEEP_INTERVAL_MS);
  timer.unref();
  // Windows that ended while no server ran are released at once.
  tick();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
