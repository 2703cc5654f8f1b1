import { and, eq, gt } from 'drizzle-orm';
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

/** The live page polls every 2 seconds: one entry per reader, target and kind of read in this span. */
const REPEAT_WINDOW_MS = 10 * 60_000;

export function installPersonalReadAudit(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const read = request.routeOptions.config?.personalRead;
    if (!read || !request.actor || reply.statusCode >= 300) return payload;
    const target = await TARGETS[read.of](app.db, request.params as Params, request.actor);
    if (target) await recordPersonalRead(app.db, request.actor, { action: read.action, ...target });
    return payload;
  });
}

/** One read of members' personal data, unless the same reader read the same thing moments ago. */
export async function recordPersonalRead(db: Db, actor: Actor, event: AuditEvent): Promise<void> {
  if (!(await readRecently(db, actor, event))) await recordAudit(db, actor, event);
}

async function readRecently(db: Db, actor: Actor, { action, ...target }: AuditEvent) {
  const [row] = await db
    .select({ id: auditEntries.id })
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
    .limit(1);
  return Boolean(row);
}
