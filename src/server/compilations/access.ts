import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { compilationPoints, compilations } from '../../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { AppError, notFound } from '../errors.js';
import { type MeetingInReach, meetingForCommittee } from '../meetings/access.js';

export type CompilationRow = typeof compilations.$inferSelect;
export type PointRow = typeof compilationPoints.$inferSelect;

export const FINAL_MESSAGE = 'Bản tổng hợp ý kiến đã hoàn tất; không sửa, gộp hay tách được nữa.';
export const NO_COMPILATION_MESSAGE = 'Buổi họp chưa có bản tổng hợp ý kiến. Hãy lập bản tổng hợp trước.';

export async function compilationOfMeeting(db: DbOrTx, meetingId: string): Promise<CompilationRow | null> {
  const [row] = await db.select().from(compilations).where(eq(compilations.meetingId, meetingId));
  return row ?? null;
}

/**
 * The compilation locked for this transaction's write: merges, splits and edits of one compilation
 * take turns, so two of them never move the same opinion at once.
 */
async function lockCompilation(tx: DbOrTx, compilationId: string): Promise<CompilationRow> {
  await tx.execute(sql`select id from compilations where id = ${compilationId} for update`);
  const [row] = await tx.select().from(compilations).where(eq(compilations.id, compilationId));
  if (!row) throw notFound('bản tổng hợp ý kiến');
  return row;
}

export function assertDraft(compilation: CompilationRow): void {
  if (compilation.status === 'final') throw new AppError('conflict', FINAL_MESSAGE);
}

export interface DraftInReach {
  reach: MeetingInReach;
  compilation: CompilationRow;
}

/** The meeting's draft compilation, locked, for its committee (404 when none, 409 when final). */
export async function draftForCommittee(tx: DbOrTx, actor: Actor, meetingId: string): Promise<DraftInReach> {
  const reach = await meetingForCommittee(tx, actor, meetingId);
  const found = await compilationOfMeeting(tx, reach.meeting.id);
  if (!found) throw new AppError('conflict', NO_COMPILATION_MESSAGE);
  const compilation = await lockCompilation(tx, found.id);
  assertDraft(compilation);
  return { reach, compilation };
}

/** One point with its draft compilation, for the committee of the meeting (404 when unknown). */
export async function pointForCommittee(
  tx: DbOrTx,
  actor: Actor,
  pointId: string,
): Promise<DraftInReach & { point: PointRow }> {
  const [found] = await tx
    .select({ meetingId: compilations.meetingId })
    .from(compilationPoints)
    .innerJoin(compilations, eq(compilations.id, compilationPoints.compilationId))
    .where(eq(compilationPoints.id, pointId));
  if (!found) throw notFound('điểm tổng hợp');
  const draft = await draftForCommittee(tx, actor, found.meetingId);
  const [point] = await tx.select().from(compilationPoints).where(eq(compilationPoints.id, pointId));
  if (!point) throw notFound('điểm tổng hợp');
  return { ...draft, point };
}

/** Every change to a draft moves its version: finalizing confirms the compilation the committee last saw. */
export async function touchCompilation(tx: DbOrTx, compilation: CompilationRow): Promise<void> {
  await tx
    .update(compilations)
    .set({ version: compilation.version + 1, updatedAt: new Date() })
    .where(eq(compilations.id, compilation.id));
}
