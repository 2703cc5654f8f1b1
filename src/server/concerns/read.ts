import { aliasedTable, and, count, desc, eq, like, or, type SQL, sql } from 'drizzle-orm';
import type {
  ConcernDetail,
  ConcernStatus,
  ConcernSummary,
  ListConcernsQuery,
} from '../../contract/concerns.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { accounts, concernMessages, concerns, organizations, plans } from '../../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound } from '../errors.js';
import { organizationInScope } from '../organizations/access.js';
import { CONCERN_PARTIES, concernSideOf, mayReadConcern } from './policy.js';

const issuer = aliasedTable(organizations, 'issuer');
const raiser = aliasedTable(organizations, 'raiser');

// The outer table is named explicitly: Drizzle may leave its columns unqualified.
const messageCount = sql<number>`(select count(*)::int from concern_messages m where m.concern_id = "concerns"."id")`;
const lastMessageAt = sql<string>`(select max(m.created_at) from concern_messages m where m.concern_id = "concerns"."id")`;

function selectConcerns(db: DbOrTx) {
  return db
    .select({
      concern: concerns,
      plan: { id: plans.id, title: plans.title, number: plans.number, symbol: plans.symbol },
      issuerId: issuer.id,
      issuerName: issuer.name,
      issuerPath: issuer.path,
      raiserName: raiser.name,
      messageCount,
      lastMessageAt,
    })
    .from(concerns)
    .innerJoin(plans, eq(plans.id, concerns.planId))
    .innerJoin(issuer, eq(issuer.id, plans.organizationId))
    .innerJoin(raiser, eq(raiser.id, concerns.raisedByOrganizationId));
}

type ConcernRow = Awaited<ReturnType<ReturnType<typeof selectConcerns>['where']>>[number];

const iso = (value: Date | string) => new Date(value).toISOString();

function presentSummary(row: ConcernRow): ConcernSummary {
  const { concern } = row;
  return {
    id: concern.id,
    planId: row.plan.id,
    planTitle: row.plan.title,
    planNumber: row.plan.number,
    planSymbol: row.plan.symbol,
    issuerOrganizationId: row.issuerId,
    issuerOrganizationName: row.issuerName,
    raisedByOrganizationId: concern.raisedByOrganizationId,
    raisedByOrganizationName: row.raiserName,
    subject: concern.subject,
    status: concern.status as ConcernStatus,
    messageCount: row.messageCount,
    lastMessageAt: iso(row.lastMessageAt ?? concern.createdAt),
    createdAt: iso(concern.createdAt),
    closedAt: concern.closedAt ? iso(concern.closedAt) : null,
    version: concern.version,
  };
}

/** The concern and its issuer's path, when it exists (404) and the actor is on either side (403). */
export async function concernInScope(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await selectConcerns(db).where(eq(concerns.id, id));
  if (!row) throw notFound('khó khăn, vướng mắc');
  if (!mayReadConcern(actor, row.concern.raisedByPath)) throw forbidden();
  return row;
}

export async function getConcern(db: Db, actor: Actor, id: string): Promise<ConcernDetail> {
  const row = await concernInScope(db, actor, id);
  const messages = await db
    .select({ message: concernMessages, authorName: accounts.displayName })
    .from(concernMessages)
    .leftJoin(accounts, eq(accounts.id, concernMessages.accountId))
    .where(eq(concernMessages.concernId, id))
    .orderBy(concernMessages.at, concernMessages.id);
  const side = concernSideOf(actor, row.issuerPath, row.concern.raisedByPath);
  const open = row.concern.status !== 'closed';
  return {
    ...presentSummary(row),
    messages: messages.map(({ message, authorName }) => ({
      id: message.id,
      side: message.side as 'raiser' | 'issuer',
      body: message.body,
      authorName,
      at: iso(message.at),
    })),
    actorSide: side,
    permissions: { reply: side !== null && open, close: side !== null && open },
  };
}

/**
 * Concerns raised inside the actor's reach: the issuer's officers reach every raiser under them,
 * a raising committee reaches its own.
 */
export async function listConcerns(db: Db, actor: Actor, query: ListConcernsQuery) {
  const roots = actor.scopeRoots(CONCERN_PARTIES);
  let within: SQL | undefined;
  if (query.organizationId) {
    const organization = await organizationInScope(db, actor, query.organizationId, CONCERN_PARTIES);
    within = like(concerns.raisedByPath, `${organization.path}%`);
  } else {
    within = roots.length ? or(...roots.map((root) => like(concerns.raisedByPath, `${root}%`))) : sql`false`;
  }
  const where = and(
    within,
    query.planId ? eq(concerns.planId, query.planId) : undefined,
    query.status ? eq(concerns.status, query.status) : undefined,
  );
  const [counted] = await db.select({ n: count() }).from(concerns).where(where);
  const rows = await selectConcerns(db)
    .where(where)
    .orderBy(desc(concerns.updatedAt), desc(concerns.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: rows.map(presentSummary),
    total: counted?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
