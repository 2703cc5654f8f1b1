import { eq, max, sql } from 'drizzle-orm';
import type { CompilationView } from '../../contract/compilations.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { compilationPointOpinions, compilationPoints, compilations } from '../../db/schema/index.js';
import { compareOpinions, proposeGroups } from '../../domain/compilation.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { meetingMembers } from '../feedback/members.js';
import { meetingForCommittee } from '../meetings/access.js';
import { compilationOfMeeting, draftForCommittee, touchCompilation } from './access.js';
import type { MeetingOpinion } from './opinions.js';
import { meetingOpinions } from './opinions.js';
import { compilationContent, createBlockedReason, presentCompilation, WINDOW_OPEN_MESSAGE } from './read.js';

/**
 * Places opinions under new points, one point per proposed group of near-duplicates: the point's
 * text is the first opinion's, dissenting when any opinion under it is. Positions follow `from`.
 */
export async function placeInNewPoints(
  tx: DbOrTx,
  compilationId: string,
  opinions: MeetingOpinion[],
  from: number,
): Promise<number> {
  const groups = proposeGroups(opinions);
  for (const [index, group] of groups.entries()) {
    const first = group[0]!;
    const [point] = await tx
      .insert(compilationPoints)
      .values({
        compilationId,
        selfCriticismId: first.selfCriticismId,
        area: first.area,
        kind: first.kind,
        text: first.text,
        dissenting: group.some((opinion) => (opinion as MeetingOpinion).dissenting),
        position: from + index,
      })
      .returning({ id: compilationPoints.id });
    await tx
      .insert(compilationPointOpinions)
      .values(group.map((opinion) => ({ feedbackId: opinion.id, pointId: point!.id })));
  }
  return groups.length;
}

async function orderedOpinions(tx: DbOrTx, meeting: Parameters<typeof meetingOpinions>[1]) {
  const members = await meetingMembers(tx, meeting);
  const targetOrder = [null, ...members.map((member) => member.selfCriticismId)];
  return (await meetingOpinions(tx, meeting)).sort((a, b) => compareOpinions(a, b, targetOrder));
}

/** DESIGN step 8: the committee drafts the compilation of a held meeting; a second call answers the same one. */
export async function createCompilation(
  db: Db,
  actor: Actor,
  meetingId: string,
): Promise<{ created: boolean; view: CompilationView }> {
  return db.transaction(async (tx) => {
    const reach = await meetingForCommittee(tx, actor, meetingId);
    // Two committee members pressing at once make one compilation: they take turns on the meeting.
    await tx.execute(sql`select id from meetings where id = ${reach.meeting.id} for update`);
    if (await compilationOfMeeting(tx, reach.meeting.id)) {
      return { created: false, view: await presentCompilation(tx, reach) };
    }
    const blocked = createBlockedReason(reach.meeting);
    if (blocked) throw new AppError('conflict', blocked);
    const [compilation] = await tx
      .insert(compilations)
      .values({ meetingId: reach.meeting.id })
      .returning({ id: compilations.id });
    const opinions = await orderedOpinions(tx, reach.meeting);
    const points = await placeInNewPoints(tx, compilation!.id, opinions, 1);
    await recordAudit(tx, actor, {
      action: 'compilation.create',
      targetType: 'compilation',
      targetId: compilation!.id,
      organizationPath: reach.organizationPath,
      changes: { points: { from: null, to: points }, opinions: { from: null, to: opinions.length } },
    });
    return { created: true, view: await presentCompilation(tx, reach) };
  });
}

/** Opinions recorded after the draft was made each go under a point; nothing stays outside. */
export async function syncCompilation(db: Db, actor: Actor, meetingId: string): Promise<CompilationView> {
  return db.transaction(async (tx) => {
    const { reach, compilation } = await draftForCommittee(tx, actor, meetingId);
    if (createBlockedReason(reach.meeting) === WINDOW_OPEN_MESSAGE) {
      throw new AppError('conflict', WINDOW_OPEN_MESSAGE);
    }
    const { unplaced } = await compilationContent(tx, reach.meeting, compilation);
    if (unplaced.length > 0) {
      const [last] = await tx
        .select({ position: max(compilationPoints.position) })
        .from(compilationPoints)
        .where(eq(compilationPoints.compilationId, compilation.id));
      const members = await meetingMembers(tx, reach.meeting);
      const targetOrder = [null, ...members.map((member) => member.selfCriticismId)];
      unplaced.sort((a, b) => compareOpinions(a, b, targetOrder));
      const points = await placeInNewPoints(tx, compilation.id, unplaced, (last?.position ?? 0) + 1);
      await touchCompilation(tx, compilation);
      await recordAudit(tx, actor, {
        action: 'compilation.sync',
        targetType: 'compilation',
        targetId: compilation.id,
        organizationPath: reach.organizationPath,
        changes: { points: { from: null, to: points }, opinions: { from: null, to: unplaced.length } },
      });
    }
    return presentCompilation(tx, reach);
  });
}
