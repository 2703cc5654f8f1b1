import { randomBytes } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import {
  accounts,
  auditEntries,
  people,
  remediationComments,
  reminderDigests,
  roleAssignments,
  sessions,
  signInThrottles,
} from '../../db/schema/index.js';
import { erasureRefusal } from '../../domain/personal-data.js';
import { foldVietnamese } from '../../domain/text.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { hashPassword } from '../auth/passwords.js';
import { ADMINISTRATORS } from '../auth/roles.js';
import { removeSecondFactor } from '../auth/second-factor.js';
import { forgetTrustedDevices } from '../auth/trusted-devices.js';
import { AppError, staleVersion } from '../errors.js';
import { personInScope } from '../people/access.js';
import { readSecuritySettings } from '../settings/security-settings.js';
import { lastInvolvement } from './collect.js';

export const ERASED_NAME = 'Người đã xóa dữ liệu';

/**
 * S8: a non-member's personal data, once the retention period has passed, is replaced by a
 * placeholder. The roster row stays (workplace, employment type, not a member) so every count a
 * determination or a report depends on is unchanged; opinions stay, tied to an account that no
 * longer names anyone. Audit entries about the person keep their time and kind, their values are
 * redacted (the database allows no other change to them). Names written into signed minutes and
 * the forms they hold are part of the signed record and stay (docs/PRIVACY.md).
 */
export async function erasePerson(db: Db, actor: Actor, personId: string, version: number, now: Date) {
  const placeholderHash = await hashPassword(randomBytes(32).toString('base64url'));
  await db.transaction(async (tx) => {
    const { person, workplaceOrganizationPath } = await personInScope(tx, actor, personId, ADMINISTRATORS);
    if (person.version !== version) throw staleVersion();
    const linked = await tx.select().from(accounts).where(eq(accounts.personId, personId));
    const accountIds = linked.map((account) => account.id);
    const { nonMemberRetentionMonths } = await readSecuritySettings(tx);
    const refusal = erasureRefusal(
      { ...person, lastInvolvementAt: await lastInvolvement(tx, person, accountIds) },
      nonMemberRetentionMonths,
      now,
    );
    if (refusal) throw new AppError('conflict', refusal);
    const tag = personId.slice(0, 8);
    await tx
      .update(people)
      .set({
        code: `da-xoa-${tag}`,
        fullName: ERASED_NAME,
        nameSearch: foldVietnamese(ERASED_NAME),
        birthDate: null,
        gender: null,
        jobTitle: '',
        partyOffice: '',
        governmentOffice: '',
        assignedDuty: '',
        erasedAt: now,
        version: person.version + 1,
        updatedAt: now,
      })
      .where(eq(people.id, personId));
    for (const account of linked) await eraseAccount(tx, account, placeholderHash, now);
    await redactAuditEntries(tx, [personId, ...accountIds]);
    await recordAudit(tx, actor, {
      action: 'person.erased',
      targetType: 'person',
      targetId: personId,
      organizationPath: workplaceOrganizationPath,
      changes: { erasedAt: { from: null, to: now.toISOString() } },
    });
  });
}

async function eraseAccount(
  db: DbOrTx,
  account: typeof accounts.$inferSelect,
  placeholderHash: string,
  now: Date,
): Promise<void> {
  await db
    .update(accounts)
    .set({
      username: `da-xoa-${account.id.slice(0, 8)}`,
      displayName: ERASED_NAME,
      email: null,
      passwordHash: placeholderHash,
      mustChangePassword: false,
      disabledAt: account.disabledAt ?? now,
      version: account.version + 1,
      updatedAt: now,
    })
    .where(eq(accounts.id, account.id));
  await db.delete(roleAssignments).where(eq(roleAssignments.accountId, account.id));
  await db.delete(reminderDigests).where(eq(reminderDigests.accountId, account.id));
  await db.delete(sessions).where(eq(sessions.accountId, account.id));
  await forgetTrustedDevices(db, account.id);
  await removeSecondFactor(db, account.id);
  await db.delete(signInThrottles).where(eq(signInThrottles.key, `account:${account.username}`));
  await db
    .update(remediationComments)
    .set({ authorName: ERASED_NAME })
    .where(eq(remediationComments.authorAccountId, account.id));
}

/** The only change the audit log accepts (migration 0010): every value of an entry replaced by "***". */
async function redactAuditEntries(db: DbOrTx, targetIds: string[]): Promise<void> {
  await db
    .update(auditEntries)
    .set({ changes: sql`audit_redacted(${auditEntries.changes})` })
    .where(inArray(auditEntries.targetId, targetIds));
}
