import { and, desc, eq, gt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import { auditEntries, meetings, organizations, selfCriticisms, workplaces } from '../../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { type AuditEvent, recordAudit } from './record.js';

/**
 * S8, issue 13: political views are sensitive personal data (Decree 13/2023/NĐ-CP, Law 91/2025/QH15).
 * Every read of a member's self-criticism, or of the opinions about members, by anyone but that
 * member leaves an audit entry: who, what, when — never the text. A route names what it reads in
 * its config; the entry is written before the answer leaves, so a read that cannot be logged is
 * not served. Reads through a meeting code (the light supervision page) have no account and are
 * not logged: a timed entry there would weaken the anonymity of the masses (S6).
 */
export type PersonalRead =
  /** `:id` is a self-criticism; its own member reading it is not logged. */
  | { of: 'self-criticism'; action: string }
  /** `:workplaceId` (with the plan in `:id`): every report of a workplace at once. */
  | { of: 'workplace-self-criticisms'; action: string }
  /** `:id` is a meeting: the opinions said or written about its members. */
  | { of: 'meeting-opinions'; action: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    personalRead?: PersonalRead;
  }
}

type Params = Record<string, string>;

const TARGETS: Record<
  PersonalRead['of'],
  (db: Db, params: Params, actor: Actor) => Promise<Omit<AuditEvent, 'action'> | null>
> = {
  'self-criticism': async (db, params, actor) => {
    const [row] = await db
      .select({ personId: selfCriticisms.personId, path: organizations.path })
      .from(selfCriticisms)
      .innerJoin(organizations, eq(organizations.id, selfCriticisms.cellId))
      .where(eq(selfCriticisms.id, params.id!));
    if (!row || row.personId === actor.personId) return null;
    return { targetType: 'self_criticism', targetId: params.id!, organizationPath: row.path };
  },
  'workplace-self-criticisms': async (db, params) => {
    const [row] = await db
      .select({ path: organizations.path })
      .from(workplaces)
      .innerJoin(organizations, eq(organizations.id, workplaces.organizationId))
      .where(eq(workplaces.id, params.workplaceId!));
    if (!row) return null;
    return {
      targetType: 'workplace',
      targetId: params.workplaceId!,
      organizationPath: row.path,
      changes: { planId: { from: null, to: params.id } },
    };
  },
  'meeting-opinions': async (db, params) => {
    const [row] = await db
      .select({ path: organizations.path })
      .from(meetings)
      .innerJoin(organizations, eq(organizations.id, meetings.organizationId))
      .where(eq(meetings.id, params.id!));
    if (!row) return null;
    return { targetType: 'meeting', targetId: params.id!, organizationPath: row.path };
  },
};

/**
 * The live page polls every 2 seconds (issue 14): a poll is not a new read. One entry per reader,
 * target and kind of read in this span — who read, and when they started reading, is known; each
 * refresh is not. Every write the reader makes is still audited on its own (feedback.record, …).
 */
const REPEAT_WINDOW_MS = 10 * 60_000;

/** At most this many readers × targets remembered per database; the oldest go first. */
const MEMO_LIMIT = 20_000;

/**
 * Reads this process knows are audited, with the time of their entry: a poll that finds its read
 * here writes nothing and reads nothing more from the database (issue 14: the two look-ups of
 * every poll — the target's path and the recent entry — were most of an idle poll's queries).
 * Only a shortcut: an instance that has not seen the read asks the database as before, so several
 * instances write at most one entry each per window. Per database: tests run several at once.
 */
const auditedReads = new WeakMap<object, Map<string, number>>();

function memoOf(db: Db): Map<string, number> {
  let memo = auditedReads.get(db);
  if (!memo) {
    memo = new Map();
    auditedReads.set(db, memo);
  }
  return memo;
}

const readKey = (actor: Actor, action: string, target: string) => `${actor.accountId} ${action} ${target}`;

function auditedRecently(db: Db, key: string, now: number): boolean {
  const at = memoOf(db).get(key);
  return at !== undefined && now - at < REPEAT_WINDOW_MS;
}

function rememberAudited(db: Db, key: string, at: number): void {
  const memo = memoOf(db);
  memo.delete(key);
  memo.set(key, at);
  if (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
}

/** What a route's read is of, from its parameters alone (no query): the memo's key. */
const routeTarget = (read: PersonalRead, params: Params) =>
  `${read.of} ${params.id ?? ''} ${params.workplaceId ?? ''}`;

export function installPersonalReadAudit(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const read = request.routeOptions.config?.personalRead;
    if (!read || !request.actor || reply.statusCode >= 300) return payload;
    const params = request.params as Params;
    const key = readKey(request.actor, read.action, routeTarget(read, params));
    if (auditedRecently(app.db, key, Date.now())) return payload;
    const target = await TARGETS[read.of](app.db, params, request.actor);
    if (target) {
      const at = await recordPersonalRead(app.db, request.actor, { action: read.action, ...target });
      rememberAudited(app.db, key, at);
    }
    return payload;
  });
}

/**
 * One read of members' personal data, unless the same reader read the same thing moments ago.
 * Returns the time of the entry that covers this read (the earlier one, or the one written).
 */
export async function recordPersonalRead(db: Db, actor: Actor, event: AuditEvent): Promise<number> {
  const key = readKey(actor, event.action, `${event.targetType} ${event.targetId}`);
  const now = Date.now();
  if (auditedRecently(db, key, now)) return memoOf(db).get(key)!;
  let at = await readRecently(db, actor, event);
  if (at === null) {
    await recordAudit(db, actor, event);
    at = now;
  }
  rememberAudited(db, key, at);
  return at;
}

async function readRecently(db: Db, actor: Actor, { action, ...target }: AuditEvent) {
  const [row] = await db
    .select({ at: auditEntries.at })
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.targetType, target.targetType),
        eq(auditEntries.targetId, target.targetId),
        eq(auditEntries.accountId, actor.accountId),
        eq(auditEntries.action, action),
        gt(auditEntries.at, new Date(Date.now() - REPEAT_WINDOW_MS)),
      ),
    )
    .orderBy(desc(auditEntries.at))
    .limit(1);
  return row ? row.at.getTime() : null;
}
