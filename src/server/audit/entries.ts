import { and, count, desc, eq, gte, like, lt, or, type SQL } from 'drizzle-orm';
import type { AuditEntry, ListAuditQuery } from '../../contract/audit.js';
import type { Db } from '../../db/client.js';
import { accounts, auditEntries } from '../../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { ADMINISTRATORS } from '../auth/roles.js';
import { forbidden } from '../errors.js';
import { organizationInScope } from '../organizations/access.js';

/** Calendar days are read in Vietnam time, where the people using the log live. */
const VIETNAM_OFFSET = '+07:00';
const DAY_MS = 86_400_000;

/** The most entries a listing counts; beyond it the page says "hơn 1.000". */
export const AUDIT_COUNT_LIMIT = 1000;

/** The audit log of the administrator's subtree, newest first. */
export async function listAuditEntries(
  db: Db,
  actor: Actor,
  query: ListAuditQuery,
): Promise<{ items: AuditEntry[]; total: number; totalCapped: boolean }> {
  const where = and(
    await pathWithinReach(db, actor, query.organizationId),
    query.targetId ? eq(auditEntries.targetId, query.targetId) : undefined,
    query.accountId ? eq(auditEntries.accountId, query.accountId) : undefined,
    actionMatch(query.action),
    query.from ? gte(auditEntries.at, new Date(`${query.from}T00:00:00${VIETNAM_OFFSET}`)) : undefined,
    query.to
      ? lt(auditEntries.at, new Date(new Date(`${query.to}T00:00:00${VIETNAM_OFFSET}`).getTime() + DAY_MS))
      : undefined,
  );
  // Counted only up to AUDIT_COUNT_LIMIT + 1 entries: an action's entries over a year of the whole
  // country number in the hundreds of thousands, and counting them all cost more than the page.
  const matches = db
    .select({ id: auditEntries.id })
    .from(auditEntries)
    .where(where)
    .limit(AUDIT_COUNT_LIMIT + 1)
    .as('matches');
  const [counted] = await db.select({ n: count() }).from(matches);
  const total = counted?.n ?? 0;
  const rows = await db
    .select({ entry: auditEntries, accountName: accounts.username })
    .from(auditEntries)
    .leftJoin(accounts, eq(accounts.id, auditEntries.accountId))
    .where(where)
    .orderBy(desc(auditEntries.at), desc(auditEntries.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    total: Math.min(total, AUDIT_COUNT_LIMIT),
    totalCapped: total > AUDIT_COUNT_LIMIT,
    items: rows.map(({ entry, accountName }) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      accountId: entry.accountId,
      accountName,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      changes: entry.changes as AuditEntry['changes'],
    })),
  };
}

async function pathWithinReach(
  db: Db,
  actor: Actor,
  organizationId: string | undefined,
): Promise<SQL | undefined> {
  if (organizationId) {
    const organization = await organizationInScope(db, actor, organizationId, ADMINISTRATORS);
    return like(auditEntries.organizationPath, `${organization.path}%`);
  }
  const roots = actor.scopeRoots(ADMINISTRATORS);
  if (roots.length === 0) throw forbidden();
  return or(...roots.map((root) => like(auditEntries.organizationPath, `${root}%`)));
}

function actionMatch(action: string | undefined): SQL | undefined {
  if (!action) return undefined;
  if (action.endsWith('.'))
    return like(auditEntries.action, `${action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return eq(auditEntries.action, action);
}
