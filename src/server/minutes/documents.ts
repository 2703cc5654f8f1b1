import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { plans } from '../../db/schema/index.js';
import type { MinutesDocumentInput } from '../../documents/minutes-document.js';
import type { MinutesCapacity } from '../../domain/minutes.js';
import type { Actor } from '../auth/actor.js';
import { notFound } from '../errors.js';
import { documentNames } from '../organizations/document-names.js';
import { meetingForMinutes, minutesOf, presentMinutes } from './service.js';

/** The minutes as their document: the header and `Nơi nhận:` from the tree, the place from the plan. */
export async function minutesDocumentInput(
  db: DbOrTx,
  actor: Actor,
  meetingId: string,
): Promise<MinutesDocumentInput> {
  const { meeting } = await meetingForMinutes(db, actor, meetingId);
  const view = await presentMinutes(db, meeting, await minutesOf(db, meeting.id));
  const [plan] = await db.select({ place: plans.place }).from(plans).where(eq(plans.id, meeting.planId));
  if (!plan) throw notFound('kế hoạch');
  const names = await documentNames(db, meeting.organizationId);
  const signer = (capacity: MinutesCapacity, fallback: string) => ({
    name: view.signatures.find((signature) => signature.capacity === capacity)?.signerName ?? fallback,
  });
  return {
    content: view.content,
    superiorName: names.header.superior,
    issuerName: names.header.issuer,
    shortName: names.shortName,
    recipients: names.recipients,
    placeName: plan.place,
    chair: signer('chair', view.content.chairName),
    secretary: signer('secretary', view.content.secretaryName),
    massesRepresentative: signer('masses_representative', ''),
    locked: view.locked && view.lockedAt ? { contentHash: view.contentHash, lockedAt: view.lockedAt } : null,
    addenda: view.addenda,
  };
}
