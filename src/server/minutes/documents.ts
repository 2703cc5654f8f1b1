import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations, plans } from '../../db/schema/index.js';
import type { MinutesDocumentInput } from '../../documents/minutes-document.js';
import type { MinutesCapacity } from '../../domain/minutes.js';
import type { Actor } from '../auth/actor.js';
import { notFound } from '../errors.js';
import { meetingForMinutes, minutesOf, presentMinutes } from './service.js';

/** The minutes as their document: the header from the cell's record, the place from the plan. */
export async function minutesDocumentInput(
  db: DbOrTx,
  actor: Actor,
  meetingId: string,
): Promise<MinutesDocumentInput> {
  const { meeting } = await meetingForMinutes(db, actor, meetingId);
  const view = await presentMinutes(db, meeting, await minutesOf(db, meeting.id));
  const [cell] = await db
    .select({
      name: organizations.name,
      headerSuperior: organizations.headerSuperior,
      headerIssuer: organizations.headerIssuer,
      place: plans.place,
    })
    .from(organizations)
    .innerJoin(plans, eq(plans.id, meeting.planId))
    .where(eq(organizations.id, meeting.organizationId));
  if (!cell) throw notFound('tổ chức đảng');
  const signer = (capacity: MinutesCapacity, fallback: string) => ({
    name: view.signatures.find((signature) => signature.capacity === capacity)?.signerName ?? fallback,
  });
  return {
    content: view.content,
    superiorName: cell.headerSuperior,
    issuerName: cell.headerIssuer || cell.name,
    placeName: cell.place,
    chair: signer('chair', view.content.chairName),
    secretary: signer('secretary', view.content.secretaryName),
    massesRepresentative: signer('masses_representative', ''),
    locked: view.locked && view.lockedAt ? { contentHash: view.contentHash, lockedAt: view.lockedAt } : null,
    addenda: view.addenda,
  };
}
