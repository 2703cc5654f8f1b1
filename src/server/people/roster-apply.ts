import { eq } from 'drizzle-orm';
import type { RosterImportResult } from '../../contract/people.js';
import type { DbOrTx } from '../../db/client.js';
import { auditEntries, people } from '../../db/schema/index.js';
import { changedFields, createdFields, type FieldChanges, recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import type { PersonRow } from './access.js';
import type { RosterEntry } from './roster-read.js';

export type PersonValues = Omit<typeof people.$inferInsert, 'id' | 'workplaceId' | 'code' | 'version'>;
export type ExistingPerson = PersonRow & { cellNameSearch: string | null };

export interface Planned {
  entry: RosterEntry;
  existing: ExistingPerson | undefined;
  code: string;
  values: PersonValues;
}

/** Rows per INSERT: a roster of thousands goes in a few statements instead of one per person. */
const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, index) =>
    items.slice(index * CHUNK, (index + 1) * CHUNK),
  );
}

/** Writes a checked plan: new people in batches, changed people one by one, untouched people not at all. */
export async function applyPlan(
  tx: DbOrTx,
  actor: Actor,
  workplaceId: string,
  organizationPath: string,
  plan: Planned[],
): Promise<RosterImportResult> {
  const audit: { targetId: string; action: string; changes: FieldChanges }[] = [];
  const creations = plan.filter((planned) => !planned.existing);
  for (const batch of chunks(creations)) {
    const created = await tx
      .insert(people)
      .values(batch.map(({ code, values }) => ({ ...values, workplaceId, code })))
      .returning({ id: people.id, code: people.code });
    const idOfCode = new Map(created.map((row) => [row.code, row.id]));
    for (const { code, values } of batch) {
      audit.push({
        targetId: idOfCode.get(code)!,
        action: 'person.created',
        changes: createdFields({ ...values, nameSearch: undefined, code }),
      });
    }
  }
  let updated = 0;
  for (const { existing, values } of plan) {
    if (!existing) continue;
    const changes = changedFields(existing, { ...values, nameSearch: undefined });
    if (Object.keys(changes).length === 0) continue;
    await tx
      .update(people)
      .set({ ...values, version: existing.version + 1, updatedAt: new Date() })
      .where(eq(people.id, existing.id));
    audit.push({ targetId: existing.id, action: 'person.updated', changes });
    updated++;
  }
  const result: RosterImportResult = {
    created: creations.length,
    updated,
    unchanged: plan.length - creations.length - updated,
    total: plan.length,
  };
  if (audit.length === 0) return result;
  // The same rows recordAudit writes, batched: an import of thousands stays a few statements.
  for (const batch of chunks(audit)) {
    await tx.insert(auditEntries).values(
      batch.map((entry) => ({
        accountId: actor.accountId,
        action: entry.action,
        targetType: 'person',
        targetId: entry.targetId,
        organizationPath,
        changes: entry.changes,
      })),
    );
  }
  await recordAudit(tx, actor, {
    action: 'roster.imported',
    targetType: 'workplace',
    targetId: workplaceId,
    organizationPath,
    changes: {
      created: { from: null, to: result.created },
      updated: { from: null, to: result.updated },
      unchanged: { from: null, to: result.unchanged },
    },
  });
  return result;
}
