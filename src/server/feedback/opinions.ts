import { and, eq, sql } from 'drizzle-orm';
import type { EditOpinionBody, OpinionEntry, RecordOpinionBody } from '../../contract/feedback.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { feedback } from '../../db/schema/index.js';
import { isRecording, NOT_RECORDING_MESSAGE } from '../../domain/agenda.js';
import { isConsistentOpinion } from '../../domain/feedback.js';
import type { AgendaStep } from '../../domain/meetings.js';
import { type FieldChanges, recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, notFound } from '../errors.js';
import { meetingForRecorder } from '../meetings/access.js';
import { assertMemberOfMeeting } from './members.js';
import { entryById, type FeedbackRow } from './presenter.js';

type OpinionFields = Omit<RecordOpinionBody, 'id'>;

/**
 * Writers of one meeting's feed take turns: the change number is drawn inside the turn, so an
 * opinion not yet committed always gets a larger number than every committed one, and a reader
 * that moved its cursor past a number can never see a smaller one appear later.
 */
async function takeFeedTurn(tx: DbOrTx, meetingId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`feedback:${meetingId}`}))`);
}

const nextChange = sql`nextval('feedback_change_seq')`;

/** Audit entries name the fields only: what was said about a member is sensitive. */
const named = (fields: string[]): FieldChanges =>
  Object.fromEntries(fields.map((field) => [field, { from: '***', to: '***' }]));

function assertConsistent(fields: OpinionFields): void {
  if (!isConsistentOpinion(fields.area, fields.kind)) {
    const message =
      fields.kind === 'proposal'
        ? 'Ý kiến đề xuất thuộc mục Đề xuất.'
        : 'Ưu điểm hoặc khuyết điểm phải thuộc một trong năm lĩnh vực của phiếu, không thuộc mục Đề xuất.';
    throw new AppError('bad_request', message, [{ path: 'body.area', message }]);
  }
}

const sameContent = (row: FeedbackRow, fields: OpinionFields) =>
  row.selfCriticismId === fields.selfCriticismId &&
  row.area === fields.area &&
  row.kind === fields.kind &&
  row.text === fields.text &&
  row.speakerName === fields.speakerName &&
  row.dissenting === fields.dissenting;

export interface Recorded {
  created: boolean;
  entry: OpinionEntry;
}

async function storedEntry(tx: DbOrTx, id: string): Promise<OpinionEntry> {
  const entry = await entryById(tx, id);
  if (!entry) throw notFound('ý kiến');
  return entry;
}

/**
 * The secretary (or the chair, or the committee) records an opinion said at the meeting. R1: the
 * same id sent again with the same content is the stored row, not a second one.
 */
export async function recordOpinion(
  db: Db,
  actor: Actor,
  meetingId: string,
  body: RecordOpinionBody,
): Promise<Recorded> {
  return db.transaction(async (tx) => {
    const { meeting, organizationPath } = await meetingForRecorder(tx, actor, meetingId);
    const { id, ...fields } = body;
    await takeFeedTurn(tx, meeting.id);
    const [existing] = await tx.select().from(feedback).where(eq(feedback.id, id));
    if (existing) {
      if (existing.meetingId === meeting.id && existing.channel === 'oral' && sameContent(existing, fields)) {
        return { created: false, entry: await storedEntry(tx, id) };
      }
      throw new AppError(
        'conflict',
        'Mã ý kiến này đã được dùng cho một ý kiến khác; ý kiến mới không được ghi đè lên ý kiến cũ.',
      );
    }
    if (!isRecording(meeting.agendaStep as AgendaStep)) throw new AppError('conflict', NOT_RECORDING_MESSAGE);
    assertConsistent(fields);
    await assertMemberOfMeeting(tx, meeting, fields.selfCriticismId);
    const now = new Date();
    await tx.insert(feedback).values({
      id,
      meetingId: meeting.id,
      channel: 'oral',
      ...fields,
      recordedBy: actor.accountId,
      recordedAt: now,
      updatedAt: now,
      changeSeq: nextChange,
    });
    await recordAudit(tx, actor, {
      action: 'feedback.record',
      targetType: 'feedback',
      targetId: id,
      organizationPath,
      changes: named(['selfCriticismId', 'area', 'kind', 'text', 'speakerName', 'dissenting']),
    });
    return { created: true, entry: await storedEntry(tx, id) };
  });
}

/** An oral opinion with the meeting it belongs to, for the recorders of that meeting. */
async function oralOpinionForRecorder(tx: DbOrTx, actor: Actor, id: string) {
  const [row] = await tx.select().from(feedback).where(eq(feedback.id, id));
  // S6: a phone row is not even admitted to exist here.
  if (!row || row.channel === 'phone') throw notFound('ý kiến');
  const reach = await meetingForRecorder(tx, actor, row.meetingId);
  if (row.channel !== 'oral') {
    throw new AppError(
      'conflict',
      'Ở đây chỉ sửa được ý kiến phát biểu tại buổi họp; ý kiến trên phiếu được sửa ở phần phiếu góp ý.',
    );
  }
  return { row, reach };
}

/** R3: the version read is stale; the answer carries the entry as it is now, so the page can show both. */
async function staleWithCurrent(tx: DbOrTx, id: string): Promise<AppError> {
  return new AppError(
    'stale_version',
    'Ý kiến này vừa được sửa trên máy khác. Hãy xem bản hiện tại rồi chọn giữ bản đó hoặc ghi đè bằng bản của bạn.',
    [],
    { current: await entryById(tx, id) },
  );
}

export async function editOpinion(
  db: Db,
  actor: Actor,
  id: string,
  body: EditOpinionBody,
): Promise<OpinionEntry> {
  return db.transaction(async (tx) => {
    const { row, reach } = await oralOpinionForRecorder(tx, actor, id);
    const { version, ...fields } = body;
    if (row.version !== version) throw await staleWithCurrent(tx, id);
    assertConsistent(fields);
    await assertMemberOfMeeting(tx, reach.meeting, fields.selfCriticismId);
    await takeFeedTurn(tx, row.meetingId);
    const [updated] = await tx
      .update(feedback)
      .set({ ...fields, version: version + 1, updatedAt: new Date(), changeSeq: nextChange })
      .where(and(eq(feedback.id, id), eq(feedback.version, version)))
      .returning({ id: feedback.id });
    if (!updated) throw await staleWithCurrent(tx, id);
    const changed = (Object.keys(fields) as (keyof OpinionFields)[]).filter(
      (field) => row[field] !== fields[field],
    );
    await recordAudit(tx, actor, {
      action: 'feedback.edit',
      targetType: 'feedback',
      targetId: id,
      organizationPath: reach.organizationPath,
      changes: named(changed),
    });
    return storedEntry(tx, id);
  });
}

export async function deleteOpinion(db: Db, actor: Actor, id: string, version: number): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, reach } = await oralOpinionForRecorder(tx, actor, id);
    if (row.version !== version) throw await staleWithCurrent(tx, id);
    await takeFeedTurn(tx, row.meetingId);
    const [deleted] = await tx
      .delete(feedback)
      .where(and(eq(feedback.id, id), eq(feedback.version, version)))
      .returning({ id: feedback.id });
    if (!deleted) throw await staleWithCurrent(tx, id);
    await recordAudit(tx, actor, {
      action: 'feedback.delete',
      targetType: 'feedback',
      targetId: id,
      organizationPath: reach.organizationPath,
    });
  });
}
