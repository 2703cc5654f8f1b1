import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { accounts, selfCriticismVersions } from '../../db/schema/index.js';
import {
  diffSnapshots,
  type FieldChange,
  keepsVersionOnSave,
  SELF_CRITICISM_STATUS_LABELS,
  type SelfCriticismSnapshot,
  type SelfCriticismStatus,
} from '../../domain/self-criticism.js';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound } from '../errors.js';
import { reportInReach, type SelfCriticismRow } from './access.js';
import { snapshotOf } from './presenter.js';

export type VersionAction =
  | 'saved'
  | 'submitted'
  | 'returned'
  | 'accepted'
  | 'commented'
  | 'summarized'
  | 'header'
  /** Version 1, kept by publishing when it made the draft (no account: the system). */
  | 'created';

/** Appends a kept version of the report as it now stands. */
export async function keepVersion(tx: DbOrTx, actor: Actor, row: SelfCriticismRow, action: VersionAction) {
  await tx.insert(selfCriticismVersions).values({
    selfCriticismId: row.id,
    version: row.version,
    action,
    status: row.status,
    snapshot: snapshotOf(row) as unknown as Record<string, unknown>,
    accountId: actor.accountId,
  });
}

/** A save keeps a version only when the last kept one is old (SAVE_VERSION_INTERVAL_MS): autosave writes often. */
export async function keepVersionOnSave(tx: DbOrTx, actor: Actor, row: SelfCriticismRow, now: Date) {
  const [last] = await tx
    .select({ at: selfCriticismVersions.at })
    .from(selfCriticismVersions)
    // The draft as publishing made it does not count: the member's first save is always kept.
    .where(
      and(eq(selfCriticismVersions.selfCriticismId, row.id), ne(selfCriticismVersions.action, 'created')),
    )
    .orderBy(desc(selfCriticismVersions.at))
    .limit(1);
  if (keepsVersionOnSave(last?.at ?? null, now)) await keepVersion(tx, actor, row, 'saved');
}

/** The kept versions, oldest first: when and by whom, no content, so status readers see them too. */
export async function listVersions(db: DbOrTx, actor: Actor, id: string) {
  await reportInReach(db, actor, id);
  const rows = await db
    .select({
      version: selfCriticismVersions.version,
      action: selfCriticismVersions.action,
      status: selfCriticismVersions.status,
      accountName: accounts.displayName,
      at: selfCriticismVersions.at,
    })
    .from(selfCriticismVersions)
    .leftJoin(accounts, eq(accounts.id, selfCriticismVersions.accountId))
    .where(eq(selfCriticismVersions.selfCriticismId, id))
    .orderBy(asc(selfCriticismVersions.version));
  return {
    items: rows.map((row) => ({
      ...row,
      status: row.status as SelfCriticismStatus,
      statusLabel: SELF_CRITICISM_STATUS_LABELS[row.status as SelfCriticismStatus],
      at: row.at.toISOString(),
    })),
  };
}

export async function diffVersions(
  db: DbOrTx,
  actor: Actor,
  id: string,
  from: number,
  to: number,
): Promise<{ from: number; to: number; changes: FieldChange[] }> {
  const reach = await reportInReach(db, actor, id);
  if (!reach.contentVisible) throw forbidden();
  const snapshot = async (version: number) => {
    const [row] = await db
      .select({ snapshot: selfCriticismVersions.snapshot })
      .from(selfCriticismVersions)
      .where(and(eq(selfCriticismVersions.selfCriticismId, id), eq(selfCriticismVersions.version, version)));
    if (!row) throw notFound(`phiên bản ${version} của bản tự phê bình`);
    return row.snapshot as unknown as SelfCriticismSnapshot;
  };
  return { from, to, changes: diffSnapshots(await snapshot(from), await snapshot(to)) };
}
