import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { RemediationItemView, RemediationNoteBody } from '../../contract/remediation.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { minutesSignatures, remediationItems, remediationNotes, storedFiles } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, notFound, staleVersion } from '../errors.js';
import { scanMediaType } from '../minutes/signing.js';
import { itemForProgress, itemInReach } from './access.js';
import { loadItems } from './read.js';

export const EVIDENCE_TYPE_MESSAGE = 'Tệp minh chứng phải là tệp PDF, JPEG hoặc PNG.';

/** The evidence sent before its note: uploaded by this account and not yet under any note. */
async function assertFreeEvidence(tx: DbOrTx, actor: Actor, fileId: string): Promise<void> {
  const [file] = await tx
    .select({
      uploadedBy: storedFiles.uploadedBy,
      usedByNote: remediationNotes.id,
      usedBySignature: minutesSignatures.id,
    })
    .from(storedFiles)
    .leftJoin(remediationNotes, eq(remediationNotes.evidenceFileId, storedFiles.id))
    .leftJoin(minutesSignatures, eq(minutesSignatures.scanFileId, storedFiles.id))
    .where(eq(storedFiles.id, fileId));
  if (!file || file.uploadedBy !== actor.accountId || file.usedByNote || file.usedBySignature) {
    throw new AppError('bad_request', 'Tệp minh chứng không hợp lệ: hãy tải tệp lên lại.', [
      { path: 'body.evidenceFileId', message: 'Tệp minh chứng không hợp lệ.' },
    ]);
  }
}

/**
 * A dated progress note that also sets the item's status: done sets the time it was done, leaving
 * done clears it. The item's version guards against a write over someone else's (R3).
 */
export async function addNote(
  db: Db,
  actor: Actor,
  itemId: string,
  body: RemediationNoteBody,
): Promise<RemediationItemView> {
  const found = await itemForProgress(db, actor, itemId);
  return db.transaction(async (tx) => {
    if (body.evidenceFileId) await assertFreeEvidence(tx, actor, body.evidenceFileId);
    const now = new Date();
    const doneAt = body.status === 'done' ? (found.item.doneAt ?? now) : null;
    const [updated] = await tx
      .update(remediationItems)
      .set({ status: body.status, doneAt, version: sql`${remediationItems.version} + 1`, updatedAt: now })
      .where(and(eq(remediationItems.id, itemId), eq(remediationItems.version, body.version)))
      .returning({ id: remediationItems.id });
    if (!updated) throw staleVersion();
    await tx.insert(remediationNotes).values({
      itemId,
      text: body.text,
      status: body.status,
      evidenceFileId: body.evidenceFileId ?? null,
      createdBy: actor.accountId,
    });
    await recordAudit(tx, actor, {
      action: 'remediation_item.note',
      targetType: 'remediation_item',
      targetId: itemId,
      organizationPath: found.organizationPath,
      changes: { status: { from: found.item.status, to: body.status } },
    });
    const [view] = await loadItems(tx, eq(remediationItems.id, itemId));
    if (!view) throw notFound('việc khắc phục');
    return view;
  });
}

export interface UploadedEvidence {
  originalName: string;
  content: Buffer;
}

/**
 * S7: the type is read from the first bytes. Progress notes are append-only in the database, so the
 * file is stored first and the note that follows names it.
 */
export async function uploadEvidence(db: Db, actor: Actor, itemId: string, upload: UploadedEvidence) {
  const found = await itemForProgress(db, actor, itemId);
  const mediaType = scanMediaType(upload.content);
  if (!mediaType) {
    throw new AppError('unsupported_media', EVIDENCE_TYPE_MESSAGE, [
      { path: 'body.file', message: EVIDENCE_TYPE_MESSAGE },
    ]);
  }
  const name = upload.originalName.normalize('NFC').slice(0, 200) || 'minh-chung';
  return db.transaction(async (tx) => {
    const [file] = await tx
      .insert(storedFiles)
      .values({
        originalName: name,
        mediaType,
        sizeBytes: upload.content.length,
        sha256: createHash('sha256').update(upload.content).digest('hex'),
        content: upload.content,
        uploadedBy: actor.accountId,
      })
      .returning({ id: storedFiles.id });
    if (!file) throw new Error('insert returned no row');
    await recordAudit(tx, actor, {
      action: 'remediation_item.evidence',
      targetType: 'remediation_item',
      targetId: itemId,
      organizationPath: found.organizationPath,
      changes: { fileId: { from: null, to: file.id } },
    });
    return { fileId: file.id, name };
  });
}

/** A note's evidence file, for whoever reads the plan with an account. */
export async function evidenceFile(db: DbOrTx, actor: Actor, itemId: string, noteId: string) {
  await itemInReach(db, actor, itemId);
  const [row] = await db
    .select({ file: storedFiles })
    .from(remediationNotes)
    .innerJoin(storedFiles, eq(storedFiles.id, remediationNotes.evidenceFileId))
    .where(and(eq(remediationNotes.id, noteId), eq(remediationNotes.itemId, itemId)));
  if (!row) throw notFound('tệp minh chứng');
  return row.file;
}
