import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { SignMinutesBody } from '../../contract/minutes.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { accounts, minutes, minutesAddenda, minutesSignatures, storedFiles } from '../../db/schema/index.js';
import { checkSigning, MINUTES_CAPACITY_LABELS, type MinutesCapacity } from '../../domain/minutes.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { authenticate } from '../auth/login.js';
import { AppError, forbidden, notFound } from '../errors.js';
import type { MeetingInReach } from '../meetings/access.js';
import { setWorkplaceStatus } from '../plans/progress-rollup.js';
import {
  assembleCurrent,
  assertNotLocked,
  fitsCapacity,
  hashContent,
  meetingForMinutes,
  minutesOf,
  presentMinutes,
} from './service.js';

export const WRONG_SIGNER_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu của người ký không đúng.';
export const ADDENDUM_BEFORE_LOCK =
  'Biên bản chưa khóa: hãy sửa trực tiếp dự thảo. Phụ lục chỉ lập sau khi biên bản đã được ký đủ.';

const CAPACITY_MISFIT: Record<MinutesCapacity, string> = {
  chair:
    'Tài khoản này không phải người chủ trì buổi họp (hoặc cấp ủy viên của chi bộ khi chủ trì không có tài khoản).',
  secretary: 'Tài khoản này không phải thư ký của buổi họp.',
  masses_representative:
    'Đại diện quần chúng phải là người làm việc tại cơ quan, đơn vị này và không phải đảng viên.',
};

interface NewSignature {
  capacity: MinutesCapacity;
  signerName: string;
  method: 'account' | 'paper';
  accountId: string | null;
  scanFileId: string | null;
}

/**
 * Adds a signature on the minutes as they stand; the third one on the same content locks them in
 * the same transaction (frozen content, hash, time) and moves the workplace to "minutes signed".
 */
async function addSignature(
  tx: DbOrTx,
  actor: Actor,
  found: MeetingInReach,
  signature: NewSignature,
  beforeInsert?: () => Promise<string | null>,
) {
  const { meeting, organizationPath } = found;
  const row = await minutesOf(tx, meeting.id);
  // Serializes signers of one meeting: the lock decision sees every signature.
  await tx.select({ id: minutes.id }).from(minutes).where(eq(minutes.id, row.id)).for('update');
  assertNotLocked(row);
  const content = await assembleCurrent(tx, meeting, row);
  const contentHash = hashContent(content);
  const existing = await tx
    .select({ capacity: minutesSignatures.capacity, signedContentHash: minutesSignatures.signedContentHash })
    .from(minutesSignatures)
    .where(eq(minutesSignatures.minutesId, row.id));
  const check = checkSigning(
    existing.map((item) => ({ ...item, capacity: item.capacity as MinutesCapacity })),
    signature.capacity,
    contentHash,
  );
  if (!check.ok) throw new AppError('conflict', check.message);
  const scanFileId = beforeInsert ? await beforeInsert() : signature.scanFileId;
  const [inserted] = await tx
    .insert(minutesSignatures)
    .values({
      minutesId: row.id,
      capacity: signature.capacity,
      signerName: signature.signerName,
      method: signature.method,
      accountId: signature.accountId,
      scanFileId,
      signedContentHash: contentHash,
      recordedBy: actor.accountId,
    })
    .returning({ id: minutesSignatures.id });
  if (!inserted) throw new Error('signature insert returned nothing');
  await recordAudit(tx, actor, {
    action: `minutes.sign.${signature.method}`,
    targetType: 'minutes',
    targetId: row.id,
    organizationPath,
    changes: {
      capacity: { from: null, to: signature.capacity },
      signerName: { from: null, to: signature.signerName },
      contentHash: { from: null, to: contentHash },
    },
  });
  let current = row;
  if (check.locks) {
    const [locked] = await tx
      .update(minutes)
      .set({
        lockedContent: content as unknown as Record<string, unknown>,
        contentHash,
        lockedAt: new Date(),
        version: row.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(minutes.id, row.id))
      .returning();
    if (!locked) throw new Error('locking the minutes returned nothing');
    current = locked;
    await setWorkplaceStatus(tx, meeting.planId, meeting.workplaceId, 'minutes_signed');
    await recordAudit(tx, actor, {
      action: 'minutes.lock',
      targetType: 'minutes',
      targetId: row.id,
      organizationPath,
      changes: { contentHash: { from: null, to: contentHash } },
    });
  }
  return presentMinutes(tx, meeting, current);
}

/** A signer types their own account and password on the secretary's device (S4 throttle applies). */
export async function signWithAccount(
  db: Db,
  actor: Actor,
  meetingId: string,
  body: SignMinutesBody,
  address: string,
) {
  const found = await meetingForMinutes(db, actor, meetingId);
  let signerId: string;
  try {
    // A signature opens no session: the password is what the signer proves (throttled like a sign-in).
    const signer = await authenticate(
      db,
      { username: body.username, password: body.password, address, passwordOnly: true },
      new Date(),
    );
    signerId = signer.accountId;
  } catch (error) {
    // Not 401: the secretary's own session is fine, only the signer's password was wrong.
    if (error instanceof AppError && error.code === 'unauthenticated') {
      throw new AppError('unprocessable', WRONG_SIGNER_CREDENTIALS, [
        { path: 'body.password', message: WRONG_SIGNER_CREDENTIALS },
      ]);
    }
    throw error;
  }
  if (!(await fitsCapacity(db, found.meeting, body.capacity, signerId))) {
    throw new AppError('forbidden', CAPACITY_MISFIT[body.capacity]);
  }
  const [signer] = await db
    .select({ displayName: accounts.displayName })
    .from(accounts)
    .where(eq(accounts.id, signerId));
  return db.transaction((tx) =>
    addSignature(tx, actor, found, {
      capacity: body.capacity,
      signerName: signer?.displayName ?? body.username,
      method: 'account',
      accountId: signerId,
      scanFileId: null,
    }),
  );
}

export interface UploadedScan {
  originalName: string;
  content: Buffer;
}

/** S7: the type is read from the first bytes, never from the name or the declared type. */
export function scanMediaType(content: Buffer): string | null {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (
    content.length >= 8 &&
    content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff)
    return 'image/jpeg';
  return null;
}

export const SCAN_TYPE_MESSAGE = 'Bản chụp chữ ký phải là tệp PDF, JPEG hoặc PNG.';

/** The signer signed on paper: the secretary (or the committee) records it with a scan. */
export async function signOnPaper(
  db: Db,
  actor: Actor,
  meetingId: string,
  fields: { capacity: MinutesCapacity; signerName: string },
  scan: UploadedScan,
) {
  const found = await meetingForMinutes(db, actor, meetingId);
  if (found.capacity === 'chair') throw forbidden();
  const mediaType = scanMediaType(scan.content);
  if (!mediaType) {
    throw new AppError('unsupported_media', SCAN_TYPE_MESSAGE, [
      { path: 'body.file', message: SCAN_TYPE_MESSAGE },
    ]);
  }
  return db.transaction((tx) =>
    addSignature(
      tx,
      actor,
      found,
      { ...fields, method: 'paper', accountId: null, scanFileId: null },
      async () => {
        const [file] = await tx
          .insert(storedFiles)
          .values({
            originalName: scan.originalName.normalize('NFC').slice(0, 200) || 'ban-chup',
            mediaType,
            sizeBytes: scan.content.length,
            sha256: createHash('sha256').update(scan.content).digest('hex'),
            content: scan.content,
            uploadedBy: actor.accountId,
          })
          .returning({ id: storedFiles.id });
        return file?.id ?? null;
      },
    ),
  );
}

async function signatureOfMeeting(db: DbOrTx, minutesId: string, signatureId: string) {
  const [signature] = await db
    .select()
    .from(minutesSignatures)
    .where(and(eq(minutesSignatures.id, signatureId), eq(minutesSignatures.minutesId, minutesId)));
  if (!signature) throw notFound('chữ ký');
  return signature;
}

/** Withdraws a signature before the minutes lock (after, the database refuses it too). */
export async function withdrawSignature(db: Db, actor: Actor, meetingId: string, signatureId: string) {
  return db.transaction(async (tx) => {
    const found = await meetingForMinutes(tx, actor, meetingId);
    const row = await minutesOf(tx, found.meeting.id);
    assertNotLocked(row);
    const signature = await signatureOfMeeting(tx, row.id, signatureId);
    await tx.delete(minutesSignatures).where(eq(minutesSignatures.id, signature.id));
    await recordAudit(tx, actor, {
      action: 'minutes.withdraw_signature',
      targetType: 'minutes',
      targetId: row.id,
      organizationPath: found.organizationPath,
      changes: { capacity: { from: signature.capacity, to: null } },
    });
    return presentMinutes(tx, found.meeting, row);
  });
}

/** A correction after locking: a new record linked to the minutes, never an edit. */
export async function addAddendum(db: Db, actor: Actor, meetingId: string, text: string) {
  return db.transaction(async (tx) => {
    const found = await meetingForMinutes(tx, actor, meetingId);
    if (found.capacity === 'chair') throw forbidden();
    const row = await minutesOf(tx, found.meeting.id);
    if (!row.lockedAt) throw new AppError('conflict', ADDENDUM_BEFORE_LOCK);
    const [addendum] = await tx
      .insert(minutesAddenda)
      .values({ minutesId: row.id, text, createdBy: actor.accountId })
      .returning({ id: minutesAddenda.id });
    await recordAudit(tx, actor, {
      action: 'minutes.addendum',
      targetType: 'minutes',
      targetId: row.id,
      organizationPath: found.organizationPath,
      changes: { addendumId: { from: null, to: addendum?.id ?? null } },
    });
    return presentMinutes(tx, found.meeting, row);
  });
}

/** The scan of a paper signature, for whoever works on the minutes. */
export async function signatureScan(db: DbOrTx, actor: Actor, meetingId: string, signatureId: string) {
  const found = await meetingForMinutes(db, actor, meetingId);
  const row = await minutesOf(db, found.meeting.id);
  const signature = await signatureOfMeeting(db, row.id, signatureId);
  if (!signature.scanFileId) throw notFound('bản chụp chữ ký');
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, signature.scanFileId));
  if (!file) throw notFound('bản chụp chữ ký');
  return { file, label: MINUTES_CAPACITY_LABELS[signature.capacity as MinutesCapacity] };
}
