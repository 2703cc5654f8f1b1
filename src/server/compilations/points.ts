import { and, count, eq, max } from 'drizzle-orm';
import type { CompilationView, UpdatePointBody } from '../../contract/compilations.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { compilationPointOpinions, compilationPoints, feedback } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, notFound, staleVersion } from '../errors.js';
import { meetingMembers } from '../feedback/members.js';
import type { MeetingRow } from '../meetings/access.js';
import { type PointRow, pointForCommittee, touchCompilation } from './access.js';
import { presentCompilation } from './read.js';

export const INDIVIDUAL_NEEDS_MEMBER_MESSAGE =
  'Trách nhiệm cá nhân phải chọn đảng viên chịu trách nhiệm (một đảng viên tự phê bình tại buổi họp này).';
export const EXPLAINED_NEEDS_REASON_MESSAGE = 'Kết luận giải trình phải ghi rõ lý do giải trình.';
export const MERGE_MISMATCH_MESSAGE =
  'Chỉ gộp được các điểm cùng đối tượng (cùng đảng viên hoặc cùng tập thể) và cùng loại ý kiến.';
export const ALREADY_ALONE_MESSAGE = 'Ý kiến này đã là một điểm riêng; không cần tách.';

const refuse = (path: string, message: string) =>
  new AppError('bad_request', message, [{ path: `body.${path}`, message }]);

/** The classification and conclusion after the change, checked before the database's own checks. */
async function nextFields(tx: DbOrTx, meeting: MeetingRow, point: PointRow, body: UpdatePointBody) {
  const responsibility = body.responsibility === undefined ? point.responsibility : body.responsibility;
  let responsibleSelfCriticismId =
    body.responsibleSelfCriticismId === undefined
      ? point.responsibleSelfCriticismId
      : body.responsibleSelfCriticismId;
  if (responsibility !== 'individual') responsibleSelfCriticismId = null;
  else if (responsibleSelfCriticismId === null) {
    throw refuse('responsibleSelfCriticismId', INDIVIDUAL_NEEDS_MEMBER_MESSAGE);
  } else {
    const members = await meetingMembers(tx, meeting);
    if (!members.some((member) => member.selfCriticismId === responsibleSelfCriticismId)) {
      throw refuse('responsibleSelfCriticismId', INDIVIDUAL_NEEDS_MEMBER_MESSAGE);
    }
  }
  const conclusion = body.conclusion === undefined ? point.conclusion : body.conclusion;
  let explanation = body.explanation === undefined ? point.explanation : body.explanation || null;
  if (conclusion !== 'explained') explanation = null;
  else if (!explanation) throw refuse('explanation', EXPLAINED_NEEDS_REASON_MESSAGE);
  return {
    text: body.text ?? point.text,
    responsibility,
    responsibleSelfCriticismId,
    conclusion,
    explanation,
  };
}

/** The committee classifies and concludes a point, or rewords it. R3: a stale version is refused. */
export async function updatePoint(
  db: Db,
  actor: Actor,
  pointId: string,
  body: UpdatePointBody,
): Promise<CompilationView> {
  return db.transaction(async (tx) => {
    const { reach, compilation, point } = await pointForCommittee(tx, actor, pointId);
    if (point.version !== body.version) throw staleVersion();
    const fields = await nextFields(tx, reach.meeting, point, body);
    const [updated] = await tx
      .update(compilationPoints)
      .set({ ...fields, version: point.version + 1, updatedAt: new Date() })
      .where(and(eq(compilationPoints.id, point.id), eq(compilationPoints.version, body.version)))
      .returning({ id: compilationPoints.id });
    if (!updated) throw staleVersion();
    await touchCompilation(tx, compilation);
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
      (field) => fields[field] !== point[field],
    );
    await recordAudit(tx, actor, {
      action: 'compilation.point.update',
      targetType: 'compilation_point',
      targetId: point.id,
      organizationPath: reach.organizationPath,
      // Names only: the point's text and the explanation are what was said about a member.
      changes: Object.fromEntries(changed.map((field) => [field, { from: '***', to: '***' }])),
    });
    return presentCompilation(tx, reach);
  });
}

/** A point's dissenting mark follows the opinions under it: any dissenting one keeps it. */
async function refreshDissenting(tx: DbOrTx, point: PointRow): Promise<void> {
  const under = await tx
    .select({ dissenting: feedback.dissenting })
    .from(compilationPointOpinions)
    .innerJoin(feedback, eq(feedback.id, compilationPointOpinions.feedbackId))
    .where(eq(compilationPointOpinions.pointId, point.id));
  await tx
    .update(compilationPoints)
    .set({
      dissenting: under.some((opinion) => opinion.dissenting),
      version: point.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(compilationPoints.id, point.id));
}

/** Groups one point's opinions under another of the same target and kind; the emptied point goes. */
export async function mergePoints(
  db: Db,
  actor: Actor,
  pointId: string,
  intoPointId: string,
): Promise<CompilationView> {
  return db.transaction(async (tx) => {
    const { reach, compilation, point } = await pointForCommittee(tx, actor, pointId);
    const [into] = await tx.select().from(compilationPoints).where(eq(compilationPoints.id, intoPointId));
    if (!into || into.compilationId !== compilation.id) {
      const message = 'Không tìm thấy điểm cần gộp vào trong bản tổng hợp này.';
      throw new AppError('not_found', message, [{ path: 'body.intoPointId', message }]);
    }
    if (into.id === point.id) throw refuse('intoPointId', 'Không gộp được một điểm vào chính nó.');
    if (into.selfCriticismId !== point.selfCriticismId || into.kind !== point.kind) {
      throw new AppError('conflict', MERGE_MISMATCH_MESSAGE);
    }
    await tx
      .update(compilationPointOpinions)
      .set({ pointId: into.id })
      .where(eq(compilationPointOpinions.pointId, point.id));
    await tx.delete(compilationPoints).where(eq(compilationPoints.id, point.id));
    await refreshDissenting(tx, into);
    await touchCompilation(tx, compilation);
    await recordAudit(tx, actor, {
      action: 'compilation.point.merge',
      targetType: 'compilation_point',
      targetId: into.id,
      organizationPath: reach.organizationPath,
      changes: { mergedPointId: { from: point.id, to: into.id } },
    });
    return presentCompilation(tx, reach);
  });
}

/** Takes one opinion out of its group: it becomes a point of its own, worded as the opinion. */
export async function splitOpinion(db: Db, actor: Actor, feedbackId: string): Promise<CompilationView> {
  return db.transaction(async (tx) => {
    const [placed] = await tx
      .select({ pointId: compilationPointOpinions.pointId, opinion: feedback })
      .from(compilationPointOpinions)
      .innerJoin(feedback, eq(feedback.id, compilationPointOpinions.feedbackId))
      .where(eq(compilationPointOpinions.feedbackId, feedbackId));
    if (!placed) throw notFound('ý kiến trong bản tổng hợp');
    const { reach, compilation, point } = await pointForCommittee(tx, actor, placed.pointId);
    const [{ under } = { under: 0 }] = await tx
      .select({ under: count() })
      .from(compilationPointOpinions)
      .where(eq(compilationPointOpinions.pointId, point.id));
    if (under <= 1) throw new AppError('conflict', ALREADY_ALONE_MESSAGE);
    const { opinion } = placed;
    const [last] = await tx
      .select({ position: max(compilationPoints.position) })
      .from(compilationPoints)
      .where(eq(compilationPoints.compilationId, compilation.id));
    const [created] = await tx
      .insert(compilationPoints)
      .values({
        compilationId: compilation.id,
        selfCriticismId: opinion.selfCriticismId,
        area: opinion.area,
        kind: opinion.kind,
        text: opinion.text,
        dissenting: opinion.dissenting,
        position: (last?.position ?? 0) + 1,
      })
      .returning({ id: compilationPoints.id });
    await tx
      .update(compilationPointOpinions)
      .set({ pointId: created!.id })
      .where(eq(compilationPointOpinions.feedbackId, opinion.id));
    await refreshDissenting(tx, point);
    await touchCompilation(tx, compilation);
    await recordAudit(tx, actor, {
      action: 'compilation.opinion.split',
      targetType: 'compilation_point',
      targetId: created!.id,
      organizationPath: reach.organizationPath,
      changes: { fromPointId: { from: point.id, to: created!.id } },
    });
    return presentCompilation(tx, reach);
  });
}
