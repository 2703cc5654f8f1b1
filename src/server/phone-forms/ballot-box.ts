/**
 * S6: the sealed ballot box of the phone form. A form waits in `feedback_ballots`, written in one
 * statement with its code's use marker; when the window closes — by the committee, or by its set
 * end passing — every form of the meeting moves in one transaction and in random order into
 * `feedback_forms` and `feedback`, with new random ids, and the ballots and the meeting's use
 * markers are deleted. Afterwards the released rows share the closing transaction's id, their
 * physical order is a shuffle, and nothing names a code; `compactBallotBox` then removes what the
 * deleted rows left in the table files.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, queryRows } from '../../db/client.js';
import { meetings } from '../../db/schema/index.js';
import type { MeetingRow } from '../meetings/access.js';
import { compactBoxes } from './box-maintenance.js';

/**
 * Held by the release until it commits. It conflicts with the ROW EXCLUSIVE lock every sending
 * statement takes on the ballot box while it is parsed, before it reads anything: a sending still
 * running when the window closes finishes first and its form is released with the others; one that
 * starts after waits, then sees the window closed and writes nothing. Self-conflicting, so two
 * releases take turns; plain reads are not blocked.
 */
const LOCK_BALLOT_BOX = sql`lock table feedback_ballots in share row exclusive mode`;

const meetingList = (meetingIds: string[]) =>
  sql.join(
    meetingIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * Moves every ballot of the meetings into the forms tables in random order (new random ids, the
 * day kept) and deletes the meetings' use markers. Call it inside the transaction that marks the
 * windows closed, after the meetings' rows are updated (so the lock order is always meeting row,
 * then ballot box). Returns the number of forms released.
 */
export async function moveBallots(tx: DbOrTx, meetingIds: string[]): Promise<number> {
  if (meetingIds.length === 0) return 0;
  await tx.execute(LOCK_BALLOT_BOX);
  const [row] = await queryRows<{ forms: number }>(
    tx,
    sql`with taken as (
          delete from feedback_ballots where meeting_id in (${meetingList(meetingIds)})
          returning meeting_id, self_criticism_id, submitted_on, opinions
        ),
        shuffled as materialized (
          select gen_random_uuid() as form_id, meeting_id, self_criticism_id, submitted_on, opinions,
                 random() as draw
          from taken
        ),
        forms as (
          insert into feedback_forms (id, meeting_id, self_criticism_id, channel, submitted_on)
          select form_id, meeting_id, self_criticism_id, 'phone', submitted_on from shuffled order by draw
          returning 1
        ),
        opinions as (
          insert into feedback (id, meeting_id, self_criticism_id, form_id, channel, area, kind, text)
          select gen_random_uuid(), s.meeting_id, s.self_criticism_id, s.form_id, 'phone', x.area, x.kind, x.text
          from shuffled s cross join lateral jsonb_to_recordset(s.opinions) as x(area text, kind text, text text)
          order by random()
          returning 1
        ),
        markers as (
          delete from feedback_code_uses u using feedback_codes c
          where c.id = u.code_id and c.meeting_id in (${meetingList(meetingIds)})
          returning 1
        )
        select (select count(*) from forms)::int as forms,
               (select count(*) from opinions)::int as opinions,
               (select count(*) from markers)::int as markers`,
  );
  return Number(row?.forms ?? 0);
}

/** Whether the window has passed its set end without being closed: its forms are due for release. */
export function releaseIsDue(meeting: MeetingRow, now = new Date()): boolean {
  return Boolean(
    meeting.formWindowOpenedAt &&
      !meeting.formWindowClosedAt &&
      meeting.formWindowEndsAt &&
      meeting.formWindowEndsAt.getTime() <= now.getTime(),
  );
}

/**
 * The meeting as stored once its forms are released: a window whose end has passed is marked
 * closed at that end and its ballots moved, before anyone reads the meeting's opinions. A window
 * that is open, closed already, or never opened is returned as it is, without a query.
 */
export async function releaseIfDue(db: DbOrTx, meeting: MeetingRow, now = new Date()): Promise<MeetingRow> {
  if (!releaseIsDue(meeting, now)) return meeting;
  return db.transaction(async (tx) => {
    const [closed] = await tx
      .update(meetings)
      .set({ formWindowClosedAt: meeting.formWindowEndsAt })
      .where(and(eq(meetings.id, meeting.id), isNull(meetings.formWindowClosedAt)))
      .returning();
    if (!closed) {
      // Another request released it first.
      const [current] = await tx.select().from(meetings).where(eq(meetings.id, meeting.id));
      return current ?? meeting;
    }
    await moveBallots(tx, [meeting.id]);
    return closed;
  });
}

/**
 * Releases every window whose set end has passed (one indexed look-up when there is none): for
 * the readers that count phone opinions over many meetings, and for the periodic sweep.
 */
export async function releaseDueWindows(db: DbOrTx, now = new Date()): Promise<number> {
  const at = now.toISOString();
  const dueNow = sql`form_window_opened_at is not null and form_window_closed_at is null
                     and form_window_ends_at <= ${at}::timestamptz`;
  const [due] = await queryRows<{ due: boolean }>(
    db,
    sql`select exists (select 1 from meetings where ${dueNow}) as due`,
  );
  if (!due?.due) return 0;
  return db.transaction(async (tx) => {
    const closed = await queryRows<{ id: string }>(
      tx,
      sql`update meetings set form_window_closed_at = form_window_ends_at where ${dueNow} returning id`,
    );
    await moveBallots(
      tx,
      closed.map((row) => row.id),
    );
    return closed.length;
  });
}

/** After a release has committed: what the deleted ballots and markers left in the files goes. */
export function compactBallotBox(db: Db): Promise<'truncated' | 'vacuumed'> {
  return compactBoxes(db, ['feedback_ballots', 'feedback_code_uses']);
}
