import { eq, sql } from 'drizzle-orm';
import type { RosterImportResult } from '../../contract/people.js';
import type { DbOrTx } from '../../db/client.js';
import { auditEntries, employmentPeriods, people } from '../../db/schema/index.js';
import type { EmploymentPeriod, PeriodChange } from '../../domain/employment.js';
import { changedFields, createdFields, type FieldChanges, recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import type { PersonRow } from './access.js';
import type { EmploymentPeriodRow } from './employment.js';
import type { RosterEntry } from './roster-read.js';

export type PersonValues = Omit<typeof people.$inferInsert, 'id' | 'workplaceId' | 'code' | 'version'>;
export type ExistingPerson = PersonRow & { cellNameSearch: string | null; periods: EmploymentPeriodRow[] };

export interface Planned {
  entry: RosterEntry;
  existing: ExistingPerson | undefined;
  code: string;
  values: PersonValues;
  /** What the row's employment dates do to the person's latest period (latestPeriodChange). */
  employment: PeriodChange<EmploymentPeriod & { id?: string }>;
}

interface PeriodWrite {
  personId: string;
  /** The period rewritten (by id; a new person's only period when absent), or null for a new one. */
  periodId: string | null | undefined;
  to: EmploymentPeriod;
  audit: FieldChanges;
}

function periodWrite(personId: string, change: Planned['employment']): PeriodWrite | null {
  if (change.kind === 'unchanged') return null;
  const from =
    change.kind === 'update' ? change.period : { startedOn: null, leftOn: null, leavingReason: '' };
  const audit = changedFields(change.kind === 'update' ? from : {}, change.to);
  if (Object.keys(audit).length === 0) return null;
  return { personId, periodId: change.kind === 'update' ? change.period.id : null, to: change.to, audit };
}

/**
 * The employment periods of a whole import in a few statements: rewritten periods (a new
 * person's first one is found by its person) and the periods of people who came back.
 */
async function writePeriods(tx: DbOrTx, writes: PeriodWrite[]): Promise<void> {
  const rewrites = writes.filter((write) => write.periodId !== null);
  for (const batch of chunks(rewrites)) {
    const rows = sql.join(
      batch.map(
        (write) =>
          sql`(${write.personId}::uuid, ${write.periodId ?? null}::uuid, ${write.to.startedOn}::date, ${write.to.leftOn}::date, ${write.to.leavingReason})`,
      ),
      sql`, `,
    );
    await tx.execute(sql`
      update employment_periods ep
      set started_on = v.started_on, left_on = v.left_on, leaving_reason = v.leaving_reason, updated_at = now()
      from (values ${rows}) v(person_id, period_id, started_on, left_on, leaving_reason)
      where ep.person_id = v.person_id and (v.period_id is null or ep.id = v.period_id)`);
  }
  const returns = writes.filter((write) => write.periodId === null);
  for (const batch of chunks(returns)) {
    await tx
      .insert(employmentPeriods)
      .values(batch.map((write) => ({ personId: write.personId, ...write.to })));
  }
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
  const periodWrites: PeriodWrite[] = [];
  const creations = plan.filter((planned) => !planned.existing);
  for (const batch of chunks(creations)) {
    const created = await tx
      .insert(people)
      .values(batch.map(({ code, values }) => ({ ...values, workplaceId, code })))
      .returning({ id: people.id, code: people.code });
    const idOfCode = new Map(created.map((row) => [row.code, row.id]));
    for (const { code, values, employment } of batch) {
      const personId = idOfCode.get(code)!;
      const write = periodWrite(personId, employment);
      if (write) periodWrites.push(write);
      audit.push({
        targetId: personId,
        action: 'person.created',
        changes: createdFields({ ...values, nameSearch: undefined, code, ...write?.audit }),
      });
    }
  }
  let updated = 0;
  for (const { existing, values, employment } of plan) {
    if (!existing) continue;
    const write = periodWrite(existing.id, employment);
    if (write) periodWrites.push(write);
    const changes = { ...changedFields(existing, { ...values, nameSearch: undefined }), ...write?.audit };
    if (Object.keys(changes).length === 0) continue;
    await tx
      .update(people)
      .set({ ...values, version: existing.version + 1, updatedAt: new Date() })
      .where(eq(people.id, existing.id));
    audit.push({ targetId: existing.id, action: 'person.updated', changes });
    updated++;
  }
  await writePeriods(tx, periodWrites);
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
