import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accounts, organizations, roleAssignments, sessions } from '../../db/schema/index.js';
import type { Role } from '../../domain/roles.js';
import { Actor } from './actor.js';

export const SESSION_COOKIE = 'tpb_session';
/** last_seen_at is written at most this often, so reading pages does not turn into a stream of writes. */
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionTimeouts {
  idleMinutes: number;
  maxHours: number;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** S3: a new random id at every login; only its hash is stored. */
export async function createSession(db: Db, accountId: string, timeouts: SessionTimeouts): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    accountId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + timeouts.maxHours * 3_600_000),
  });
  return token;
}

export async function destroySession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function destroyAccountSessions(db: Db, accountId: string, keepToken?: string): Promise<void> {
  const keep = keepToken ? hashToken(keepToken) : '';
  const rows = await db
    .select({ tokenHash: sessions.tokenHash })
    .from(sessions)
    .where(eq(sessions.accountId, accountId));
  const doomed = rows.map((row) => row.tokenHash).filter((tokenHash) => tokenHash !== keep);
  if (doomed.length > 0) await db.delete(sessions).where(inArray(sessions.tokenHash, doomed));
}

/** The actor behind a cookie, or null when the session is unknown, idle too long, expired or disabled. */
export async function loadActor(db: Db, token: string, timeouts: SessionTimeouts): Promise<Actor | null> {
  const now = new Date();
  const idleLimit = new Date(now.getTime() - timeouts.idleMinutes * 60_000);
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      accountId: accounts.id,
      username: accounts.username,
      displayName: accounts.displayName,
      mustChangePassword: accounts.mustChangePassword,
      homePath: organizations.path,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .innerJoin(organizations, eq(organizations.id, accounts.homeOrganizationId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, idleLimit),
        isNull(accounts.disabledAt),
      ),
    );
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  const grants = await db
    .select({
      role: roleAssignments.role,
      organizationId: organizations.id,
      organizationPath: organizations.path,
    })
    .from(roleAssignments)
    .innerJoin(organizations, eq(organizations.id, roleAssignments.organizationId))
    .where(and(eq(roleAssignments.accountId, row.accountId), isNull(organizations.closedAt)));
  return new Actor(
    row.accountId,
    row.username,
    row.displayName,
    row.homePath,
    grants.map((grant) => ({ ...grant, role: grant.role as Role })),
    row.mustChangePassword,
  );
}

export async function purgeExpiredSessions(db: Db, timeouts: SessionTimeouts): Promise<void> {
  const now = new Date();
  const idleLimit = new Date(now.getTime() - timeouts.idleMinutes * 60_000);
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleLimit)));
}
