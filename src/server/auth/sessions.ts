import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  accounts,
  organizations,
  roleAssignments,
  sessions,
  totpCredentials,
} from '../../db/schema/index.js';
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

export interface NewSession {
  userAgent: string;
  /** Two-factor sign-in is required of the account's roles and not set up yet: only set-up pages open. */
  secondFactorRequired: boolean;
}

/** S3: a new random id at every login; only its hash is stored. */
export async function createSession(
  db: Db,
  accountId: string,
  timeouts: SessionTimeouts,
  session: NewSession,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    accountId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + timeouts.maxHours * 3_600_000),
    userAgent: session.userAgent.slice(0, 300),
    secondFactorRequired: session.secondFactorRequired,
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
      personId: accounts.personId,
      homePath: organizations.path,
      lastSeenAt: sessions.lastSeenAt,
      sessionId: sessions.id,
      secondFactorRequired: sessions.secondFactorRequired,
      secondFactorSince: totpCredentials.confirmedAt,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .innerJoin(organizations, eq(organizations.id, accounts.homeOrganizationId))
    .leftJoin(totpCredentials, eq(totpCredentials.accountId, accounts.id))
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
  return new Actor(
    row.accountId,
    row.username,
    row.displayName,
    row.homePath,
    await accountGrants(db, row.accountId),
    row.mustChangePassword,
    row.sessionId,
    row.secondFactorRequired && !row.secondFactorSince,
    row.personId,
  );
}

/** An account's roles in organizations still open: what a session's actor holds. */
export async function accountGrants(db: Db, accountId: string) {
  const grants = await db
    .select({
      role: roleAssignments.role,
      organizationId: organizations.id,
      organizationPath: organizations.path,
    })
    .from(roleAssignments)
    .innerJoin(organizations, eq(organizations.id, roleAssignments.organizationId))
    .where(and(eq(roleAssignments.accountId, accountId), isNull(organizations.closedAt)));
  return grants.map((grant) => ({ ...grant, role: grant.role as Role }));
}

export async function purgeExpiredSessions(db: Db, timeouts: SessionTimeouts): Promise<void> {
  const now = new Date();
  const idleLimit = new Date(now.getTime() - timeouts.idleMinutes * 60_000);
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleLimit)));
}

export interface SessionRow {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string;
}

/** The account's own live sessions, newest first. */
export async function accountSessions(
  db: Db,
  accountId: string,
  timeouts: SessionTimeouts,
): Promise<SessionRow[]> {
  const now = new Date();
  const idleLimit = new Date(now.getTime() - timeouts.idleMinutes * 60_000);
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(
      and(eq(sessions.accountId, accountId), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleLimit)),
    )
    .orderBy(desc(sessions.lastSeenAt));
}

/** Ends one of the account's own sessions; false when it is not one of them. */
export async function endAccountSession(db: Db, accountId: string, sessionId: string): Promise<boolean> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.accountId, accountId), eq(sessions.id, sessionId)))
    .returning({ id: sessions.id });
  return ended.length === 1;
}
