import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { accounts, roleAssignments } from '../../db/schema/index.js';
import { type AccountSheetInput, buildAccountSheetDocument } from '../../documents/account-sheet-document.js';
import { renderDocx } from '../../documents/docx.js';
import { renderPdf } from '../../documents/pdf.js';
import { oneTimePassword, usernameBase, usernameFor } from '../../domain/bulk-accounts.js';
import { vietnamToday } from '../../domain/dates.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { hashPassword } from '../auth/passwords.js';
import { ADMINISTRATORS } from '../auth/roles.js';
import { AppError } from '../errors.js';
import { organizationInScope } from '../organizations/access.js';
import { documentNames } from '../organizations/document-names.js';
import { employedOnSql } from '../people/employment.js';
import { manageableAccount } from './access.js';
import { resetPassword } from './service.js';

/** Hashing is the cost (argon2id, tens of ms each): a base's accounts at a time, not a province's. */
export const MAX_BULK_ACCOUNTS = 2_000;

export interface BulkOptions {
  /** Non-members holding a government office (heads who chair meetings) get accounts too. */
  includeOfficeHolders: boolean;
  /** Non-members named to roles by the administrator (a secretary, a masses representative). */
  personIds: string[];
}

interface Candidate {
  person_id: string;
  full_name: string;
  workplace_name: string;
  is_party_member: boolean;
  /** The member's cell, or the workplace's organization for a non-member. */
  organization_id: string;
  organization_name: string;
}

/** Who in the subtree needs an account and has none: members working today, and the named non-members. */
export async function bulkCandidates(
  db: DbOrTx,
  basePath: string,
  options: BulkOptions,
  today: string,
): Promise<Candidate[]> {
  const named = options.personIds.length
    ? sql`p.id in (${sql.join(
        options.personIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql`false`;
  return queryRows<Candidate & Record<string, unknown>>(
    db,
    sql`select p.id as person_id, p.full_name, w.name as workplace_name, p.is_party_member,
               coalesce(p.organization_id, w.organization_id) as organization_id, o.name as organization_name
        from people p
        join workplaces w on w.id = p.workplace_id
        join organizations wo on wo.id = w.organization_id
        join organizations o on o.id = coalesce(p.organization_id, w.organization_id)
        where o.path like ${`${basePath}%`} and wo.path like ${`${basePath}%`}
          and p.erased_at is null and w.closed_at is null and o.closed_at is null
          and ${employedOnSql(sql`p.id`, today)}
          and not exists (select 1 from accounts a where a.person_id = p.id)
          and (p.is_party_member
               or ${options.includeOfficeHolders ? sql`p.government_office <> ''` : sql`false`}
               or ${named})
        order by o.path, p.name_search`,
  );
}

export interface IssuedSheet {
  fileName: string;
  content: Buffer;
  contentType: string;
}

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
export type SheetFormat = keyof typeof CONTENT_TYPES;

async function renderSheets(docs: ReturnType<typeof buildAccountSheetDocument>[], format: SheetFormat) {
  return format === 'pdf' ? renderPdf(docs) : renderDocx(docs);
}

/**
 * Creates the accounts (username by the stated rule, a one-time password that must be changed at
 * first sign-in, the member or masses role where the person belongs) and returns the sheets, one
 * per cell. The passwords are in the returned file only; the database keeps argon2id hashes.
 */
export async function issueBulkAccounts(
  db: Db,
  actor: Actor,
  organizationId: string,
  options: BulkOptions,
  format: SheetFormat,
  origin: string,
  now: Date,
): Promise<IssuedSheet & { count: number }> {
  const base = await organizationInScope(db, actor, organizationId, ADMINISTRATORS);
  const candidates = await bulkCandidates(db, base.path, options, vietnamToday(now));
  if (candidates.length === 0) {
    throw new AppError('conflict', 'Mọi người cần tài khoản trong tổ chức này đều đã có tài khoản.');
  }
  if (candidates.length > MAX_BULK_ACCOUNTS) {
    throw new AppError(
      'unprocessable',
      `Có ${candidates.length.toLocaleString('vi-VN')} người cần tài khoản, quá ${MAX_BULK_ACCOUNTS.toLocaleString('vi-VN')} cho một lần cấp; hãy cấp theo từng tổ chức trực thuộc.`,
    );
  }
  const bases = [...new Set(candidates.map((candidate) => usernameBase(candidate.full_name)))];
  const taken = new Set(
    (
      await queryRows<{ username: string }>(
        db,
        sql`select username from accounts where regexp_replace(username, '[0-9]+$', '') in (${sql.join(
          bases.map((each) => sql`${each}`),
          sql`, `,
        )})`,
      )
    ).map((row) => row.username),
  );
  const issued = candidates.map((candidate) => ({
    candidate,
    username: usernameFor(candidate.full_name, taken),
    password: oneTimePassword((size) => randomBytes(size)),
    hash: '',
  }));
  for (let start = 0; start < issued.length; start += 16) {
    await Promise.all(
      issued.slice(start, start + 16).map(async (each) => {
        each.hash = await hashPassword(each.password);
      }),
    );
  }
  await db.transaction(async (tx) => {
    for (const each of issued) {
      const [created] = await tx
        .insert(accounts)
        .values({
          username: each.username,
          displayName: each.candidate.full_name,
          passwordHash: each.hash,
          homeOrganizationId: each.candidate.organization_id,
          personId: each.candidate.person_id,
          mustChangePassword: true,
        })
        .returning({ id: accounts.id });
      const role = each.candidate.is_party_member ? 'member' : 'masses';
      await tx
        .insert(roleAssignments)
        .values({ accountId: created!.id, role, organizationId: each.candidate.organization_id });
      await recordAudit(tx, actor, {
        action: 'account.created',
        targetType: 'account',
        targetId: created!.id,
        organizationPath: base.path,
        changes: {
          username: { from: null, to: each.username },
          personId: { from: null, to: each.candidate.person_id },
          roles: { from: null, to: [{ role, organizationId: each.candidate.organization_id }] },
          password: { from: null, to: '***' },
          bulk: { from: null, to: true },
        },
      });
    }
  });
  const byCell = new Map<string, typeof issued>();
  for (const each of issued) {
    const list = byCell.get(each.candidate.organization_id) ?? [];
    list.push(each);
    byCell.set(each.candidate.organization_id, list);
  }
  const docs = [];
  for (const [cellId, rows] of byCell) {
    docs.push(
      buildAccountSheetDocument(
        await sheetInput(db, cellId, rows[0]!.candidate.organization_name, origin, now, rows),
      ),
    );
  }
  return {
    fileName: `Tài khoản ${base.name}.${format}`,
    content: await renderSheets(docs, format),
    contentType: CONTENT_TYPES[format],
    count: issued.length,
  };
}

async function sheetInput(
  db: DbOrTx,
  cellId: string,
  cellName: string,
  origin: string,
  now: Date,
  rows: { candidate: Candidate; username: string; password: string }[],
): Promise<AccountSheetInput> {
  const names = await documentNames(db, cellId);
  return {
    organizationLines: names.header,
    cellName,
    place: '',
    date: vietnamToday(now),
    origin,
    rows: rows.map((row) => ({
      fullName: row.candidate.full_name,
      workplaceName: row.candidate.workplace_name,
      username: row.username,
      password: row.password,
    })),
  };
}

/**
 * A new one-time password for one account (lost, or never handed out): the old one stops working
 * at once, the account's sessions end, and the sheet with the new one is returned.
 */
export async function reissueOneTimePassword(
  db: Db,
  actor: Actor,
  accountId: string,
  format: SheetFormat,
  origin: string,
  now: Date,
): Promise<IssuedSheet> {
  const { account } = await manageableAccount(db, actor, accountId);
  const password = oneTimePassword((size) => randomBytes(size));
  await resetPassword(db, actor, accountId, password);
  const [person] = await queryRows<{
    workplace_name: string;
    organization_id: string;
    organization_name: string;
  }>(
    db,
    sql`select w.name as workplace_name, o.id as organization_id, o.name as organization_name
        from accounts a
        left join people p on p.id = a.person_id
        left join workplaces w on w.id = p.workplace_id
        join organizations o on o.id = a.home_organization_id
        where a.id = ${accountId}`,
  );
  const input = await sheetInput(db, person!.organization_id, person!.organization_name, origin, now, [
    {
      candidate: {
        person_id: '',
        full_name: account.displayName,
        workplace_name: person?.workplace_name ?? '',
        is_party_member: false,
        organization_id: person!.organization_id,
        organization_name: person!.organization_name,
      },
      username: account.username,
      password,
    },
  ]);
  return {
    fileName: `Tài khoản ${account.username}.${format}`,
    content: await renderSheets([buildAccountSheetDocument(input)], format),
    contentType: CONTENT_TYPES[format],
  };
}
