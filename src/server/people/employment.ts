import { asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { LeavingBody, ReturnBody } from '../../contract/people.js';
import type { DbOrTx } from '../../db/client.js';
import { employmentPeriods, people } from '../../db/schema/index.js';
import { vietnamToday } from '../../domain/dates.js';
import {
  type EmploymentIssue,
  type EmploymentPeriod,
  latestPeriod,
  leavingIssues,
  periodIssues,
  returnIssues,
} from '../../domain/employment.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { ROSTER_KEEPERS } from '../auth/roles.js';
import { AppError, staleVersion } from '../errors.js';
import { lockWorkplaceRoster, personInScope } from './access.js';

export type EmploymentPeriodRow = typeof employmentPeriods.$inferSelect;

/**
 * SQL twin of isEmployedOn (domain/employment.ts): the person worked at their workplace on `day`.
 * Every query that counts or lists the people working somewhere on a day goes through it.
 */
export function employedOnSql(personId: SQL | string, day: SQL | string): SQL {
  const person = typeof personId === 'string' ? sql.raw(personId) : personId;
  const date = typeof day === 'string' ? sql`${day}::date` : day;
  return sql`exists (select 1 from employment_periods ep where ep.person_id = ${person}
    and (ep.started_on is null or ep.started_on <= ${date})
    and (ep.left_on is null or ep.left_on > ${date}))`;
}

/** Working at their workplace today, Vietnam's date: `people` as the outer table. */
export const employedTodaySql = () => employedOnSql(sql`"people"."id"`, vietnamToday());

/** Ids per query: a whole workplace's export stays far below the driver's parameter limit. */
const PERIOD_CHUNK = 5_000;

/** The periods of these people, oldest first, a few queries for a whole page or export. */
export async function periodsOf(
  db: DbOrTx,
  personIds: string[],
): Promise<Map<string, EmploymentPeriodRow[]>> {
  const byPerson = new Map<string, EmploymentPeriodRow[]>();
  for (let start = 0; start < personIds.length; start += PERIOD_CHUNK) {
    const rows = await db
      .select()
      .from(employmentPeriods)
      .where(inArray(employmentPeriods.personId, personIds.slice(start, start + PERIOD_CHUNK)))
      .orderBy(asc(employmentPeriods.personId), sql`${employmentPeriods.startedOn} asc nulls first`);
    for (const row of rows) byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row]);
  }
  return byPerson;
}

/** Issues of the employment rules as a 400 naming each field of the request. */
export function assertNoEmploymentIssues(issues: EmploymentIssue[], prefix = 'body'): void {
  const fieldIssues = issues.map((issue) => ({ path: `${prefix}.${issue.field}`, message: issue.message }));
  const first = fieldIssues[0];
  if (first) {
    throw new AppError(
      'bad_request',
      `Dữ liệu không hợp lệ ở "${first.path}": ${first.message}`,
      fieldIssues,
    );
  }
}

/**
 * Sets the start of the person's latest period (the roster's "Ngày vào làm"), checked against
 * their other periods. Returns the change for the audit, or null when nothing changed.
 */
export async function setLatestStart(
  tx: DbOrTx,
  personId: string,
  startedOn: string | null,
  prefix = 'body',
): Promise<{ from: string | null; to: string | null } | null> {
  const periods = (await periodsOf(tx, [personId])).get(personId) ?? [];
  const latest = latestPeriod(periods);
  if (!latest) {
    await tx.insert(employmentPeriods).values({ personId, startedOn });
    return { from: null, to: startedOn };
  }
  if (latest.startedOn === startedOn) return null;
  assertNoEmploymentIssues(
    periodIssues(
      { ...latest, startedOn },
      periods.filter((period) => period.id !== latest.id),
    ),
    prefix,
  );
  await tx
    .update(employmentPeriods)
    .set({ startedOn, updatedAt: new Date() })
    .where(eq(employmentPeriods.id, latest.id));
  return { from: latest.startedOn, to: startedOn };
}

/**
 * Closes the person's open period on `leftOn` with a reason; the rows stay (history), and
 * determinations from that day on no longer count them. Meant for the roster import too.
 */
export async function closeOpenPeriod(
  tx: DbOrTx,
  personId: string,
  leftOn: string,
  leavingReason: string,
  prefix = 'body',
): Promise<EmploymentPeriod> {
  const periods = (await periodsOf(tx, [personId])).get(personId) ?? [];
  assertNoEmploymentIssues(leavingIssues(periods, leftOn, leavingReason), prefix);
  const open = periods.find((period) => period.leftOn === null)!;
  await tx
    .update(employmentPeriods)
    .set({ leftOn, leavingReason, updatedAt: new Date() })
    .where(eq(employmentPeriods.id, open.id));
  return open;
}

/** Opens a new period for a person who had left and comes back. */
export async function openReturnPeriod(
  tx: DbOrTx,
  personId: string,
  startedOn: string,
  prefix = 'body',
): Promise<EmploymentPeriod | undefined> {
  const periods = (await periodsOf(tx, [personId])).get(personId) ?? [];
  assertNoEmploymentIssues(returnIssues(periods, startedOn), prefix);
  await tx.insert(employmentPeriods).values({ personId, startedOn });
  return latestPeriod(periods);
}

/** Locks the person's workplace roster and checks the version the client read. */
async function personForEmployment(tx: DbOrTx, actor: Actor, personId: string, version: number) {
  const found = await personInScope(tx, actor, personId, ROSTER_KEEPERS);
  await lockWorkplaceRoster(tx, found.person.workplaceId);
  if (found.person.version !== version) throw staleVersion();
  return found;
}

async function bumpVersion(tx: DbOrTx, personId: string, version: number): Promise<void> {
  await tx
    .update(people)
    .set({ version: version + 1, updatedAt: new Date() })
    .where(eq(people.id, personId));
}

/** The roster keeper records that a person left, on a day, for a reason. */
export async function recordLeaving(
  tx: DbOrTx,
  actor: Actor,
  personId: string,
  { version, leftOn, leavingReason }: LeavingBody,
): Promise<void> {
  const { workplaceOrganizationPath } = await personForEmployment(tx, actor, personId, version);
  await closeOpenPeriod(tx, personId, leftOn, leavingReason);
  await bumpVersion(tx, personId, version);
  await recordAudit(tx, actor, {
    action: 'person.left',
    targetType: 'person',
    targetId: personId,
    organizationPath: workplaceOrganizationPath,
    changes: { leftOn: { from: null, to: leftOn }, leavingReason: { from: null, to: leavingReason } },
  });
}

/** A leaving recorded by mistake is withdrawn: the last period is open again (the audit keeps it). */
export async function cancelLeaving(
  tx: DbOrTx,
  actor: Actor,
  personId: string,
  version: number,
): Promise<void> {
  const { workplaceOrganizationPath } = await personForEmployment(tx, actor, personId, version);
  const periods = (await periodsOf(tx, [personId])).get(personId) ?? [];
  const latest = latestPeriod(periods);
  if (!latest?.leftOn) {
    throw new AppError('conflict', 'Người này đang làm việc tại cơ quan, đơn vị: không có việc nghỉ để hủy.');
  }
  await tx
    .update(employmentPeriods)
    .set({ leftOn: null, leavingReason: '', updatedAt: new Date() })
    .where(eq(employmentPeriods.id, latest.id));
  await bumpVersion(tx, personId, version);
  await recordAudit(tx, actor, {
    action: 'person.leaving_cancelled',
    targetType: 'person',
    targetId: personId,
    organizationPath: workplaceOrganizationPath,
    changes: {
      leftOn: { from: latest.leftOn, to: null },
      leavingReason: { from: latest.leavingReason, to: null },
    },
  });
}

/** A person who left comes back to work: a new period; the earlier ones stay as they were. */
export async function recordReturn(
  tx: DbOrTx,
  actor: Actor,
  personId: string,
  { version, startedOn }: ReturnBody,
): Promise<void> {
  const { workplaceOrganizationPath } = await personForEmployment(tx, actor, personId, version);
  await openReturnPeriod(tx, personId, startedOn);
  await bumpVersion(tx, personId, version);
  await recordAudit(tx, actor, {
    action: 'person.returned',
    targetType: 'person',
    targetId: personId,
    organizationPath: workplaceOrganizationPath,
    changes: { startedOn: { from: null, to: startedOn } },
  });
}
