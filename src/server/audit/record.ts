import type { DbOrTx } from '../../db/client.js';
import { auditEntries } from '../../db/schema/index.js';
import type { Actor } from '../auth/actor.js';

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

export interface AuditEvent {
  action: string;
  targetType: string;
  targetId: string;
  organizationPath: string;
  changes?: FieldChanges;
}

/** Every write records who, what, on which target, when, and the fields it changed. */
export async function recordAudit(db: DbOrTx, actor: Actor | null, event: AuditEvent): Promise<void> {
  await db.insert(auditEntries).values({
    accountId: actor?.accountId ?? null,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    organizationPath: event.organizationPath,
    changes: event.changes ?? {},
  });
}

/** The fields whose values differ between two versions of a record; secrets are named, never copied. */
export function changedFields(before: object, after: object, secret: readonly string[] = []): FieldChanges {
  const changes: FieldChanges = {};
  const old = before as Record<string, unknown>;
  for (const [key, to] of Object.entries(after)) {
    const from = old[key];
    if (to === undefined || JSON.stringify(from) === JSON.stringify(to)) continue;
    changes[key] = secret.includes(key) ? { from: '***', to: '***' } : { from: from ?? null, to };
  }
  return changes;
}

/** The fields of a newly created record, as changes from nothing. */
export function createdFields(record: object, secret: readonly string[] = []): FieldChanges {
  return changedFields({}, record, secret);
}
