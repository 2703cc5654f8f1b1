import { and, eq, sql } from 'drizzle-orm';
import type { RemediationPlanView } from '../../contract/remediation.js';
import type { Db, DbOrTx } from '../../db/client.js';
import {
  compilations,
  feedbackCodes,
  meetings,
  plans,
  remediationComments,
  remediationItems,
} from '../../db/schema/index.js';
import { isWellFormedCode, normalizeCode } from '../../domain/phone-codes.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, forbidden, notFound, staleVersion } from '../errors.js';
import { hashCode } from '../phone-forms/codes.js';
import { UnknownCodeError } from '../phone-forms/errors.js';
import { itemForCommittee, itemInReach } from './access.js';
import { dropComment } from './comment-box.js';
import { loadPlan, vietnamToday } from './read.js';

/** A named comment from one of the masses with an account. */
export async function commentAsMasses(db: Db, actor: Actor, itemId: string, text: string): Promise<void> {
  const found = await itemInReach(db, actor, itemId);
  if (found.capacity !== 'masses') throw forbidden();
  await db.transaction(async (tx) => {
    const [comment] = await tx
      .insert(remediationComments)
      .values({
        itemId,
        text,
        authorAccountId: actor.accountId,
        authorName: actor.displayName,
        createdOn: vietnamToday(),
      })
      .returning({ id: remediationComments.id });
    await recordAudit(tx, actor, {
      action: 'remediation_comment.create',
      targetType: 'remediation_comment',
      targetId: comment?.id ?? '',
      organizationPath: found.organizationPath,
    });
  });
}

/** The committee answers a comment; the answer shows under it. */
export async function answerComment(
  db: Db,
  actor: Actor,
  commentId: string,
  body: { version: number; text: string },
): Promise<void> {
  const [comment] = await db
    .select({ itemId: remediationComments.itemId })
    .from(remediationComments)
    .where(eq(remediationComments.id, commentId));
  if (!comment) throw notFound('ý kiến');
  const found = await itemForCommittee(db, actor, comment.itemId);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(remediationComments)
      .set({
        answer: body.text,
        answeredBy: actor.accountId,
        answeredAt: new Date(),
        version: sql`${remediationComments.version} + 1`,
      })
      .where(and(eq(remediationComments.id, commentId), eq(remediationComments.version, body.version)))
      .returning({ id: remediationComments.id });
    if (!updated) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'remediation_comment.answer',
      targetType: 'remediation_comment',
      targetId: commentId,
      organizationPath: found.organizationPath,
    });
  });
}

export const CODE_EXPIRED_MESSAGE =
  'Mã này chỉ dùng để theo dõi kế hoạch khắc phục trong năm của kế hoạch tự phê bình. Năm đó đã qua.';

/**
 * The meeting of a code from its slip, while the plan's year (Vietnam calendar) lasts: the code
 * that served for the phone form keeps reading that one meeting's remediation plan.
 */
async function meetingOfCode(db: DbOrTx, key: Buffer, input: string) {
  const code = normalizeCode(input);
  if (!isWellFormedCode(code)) throw new UnknownCodeError();
  const [row] = await db
    .select({ meeting: meetings, year: plans.year })
    .from(feedbackCodes)
    .innerJoin(meetings, eq(meetings.id, feedbackCodes.meetingId))
    .innerJoin(plans, eq(plans.id, meetings.planId))
    .where(eq(feedbackCodes.codeHash, hashCode(key, code)));
  if (!row) throw new UnknownCodeError();
  if (String(row.year) !== vietnamToday().slice(0, 4)) throw new AppError('forbidden', CODE_EXPIRED_MESSAGE);
  return row.meeting;
}

/** The plan read with a code: progress and comments, without who wrote the notes or their files. */
export async function openWithCode(db: Db, key: Buffer, code: string): Promise<RemediationPlanView> {
  const meeting = await meetingOfCode(db, key, code);
  return loadPlan(db, meeting, { canManage: false, canComment: true, anonymousReader: true });
}

/**
 * S6: an anonymous comment is the text and the day only — no code, account, address or time — and
 * nothing is audited. It waits in the comment box until its day is over, then is released with the
 * day's other comments in random order (comment-box.ts), so neither its time nor its order is kept.
 */
export async function commentWithCode(
  db: Db,
  key: Buffer,
  input: { code: string; itemId: string; text: string },
): Promise<void> {
  const meeting = await meetingOfCode(db, key, input.code);
  const [item] = await db
    .select({ id: remediationItems.id })
    .from(remediationItems)
    .innerJoin(compilations, eq(compilations.id, remediationItems.compilationId))
    .where(and(eq(remediationItems.id, input.itemId), eq(compilations.meetingId, meeting.id)));
  if (!item) throw notFound('việc khắc phục trong kế hoạch của cơ quan, đơn vị này');
  await dropComment(db, item.id, input.text);
}
