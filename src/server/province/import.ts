import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { organizations, workplaces } from '../../db/schema/index.js';
import type { EmploymentType, Gender } from '../../domain/employment.js';
import { childPath, depthOf } from '../../domain/organization-path.js';
import {
  codeKey,
  type ExistingPerson,
  type ExistingState,
  organizationCodeOf,
  parentsFirst,
  partyCardKey,
  planWorkbook,
  type WorkbookPerson,
  type WorkbookPlan,
  type WorkbookSheet,
  workplaceCodeOf,
} from '../../domain/province-workbook.js';
import { foldVietnamese } from '../../domain/text.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { ADMINISTRATORS } from '../auth/roles.js';
import { AppError } from '../errors.js';
import type { OrganizationRow } from '../organizations/access.js';
import { headerOf, SHEET_NAMES } from './columns.js';
import type { ReadWorkbook, WorkbookError } from './read.js';

/** Enough to fix a file sheet by sheet; a file wrong on every row needs no longer list. */
export const MAX_LISTED_ERRORS = 1_000;
/** Changed rows shown in the preview per sheet; the counts cover them all. */
const MAX_LISTED_CHANGES = 300;

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'applying' | 'done';
  done: number;
  total: number;
}

export interface SheetSummary {
  create: number;
  update: number;
  unchanged: number;
}

export interface ImportPreview {
  counts: Record<WorkbookSheet, SheetSummary>;
  errorCount: number;
  errors: WorkbookError[];
  changes: {
    sheet: string;
    row: number;
    code: string;
    name: string;
    action: 'create' | 'update';
    fields: { column: string; from: string; to: string }[];
  }[];
}

/** The subtree as the rules see it: codes, names, parents, people with their latest period. */
export async function loadExistingState(
  db: DbOrTx,
  base: OrganizationRow,
  read: ReadWorkbook,
): Promise<ExistingState> {
  const prefix = `${base.path}%`;
  const orgs = await queryRows<{
    id: string;
    code: string | null;
    name: string;
    kind: string;
    parent_id: string | null;
  }>(
    db,
    sql`select id, code, name, kind, parent_id from organizations where path like ${prefix} and id <> ${base.id}`,
  );
  const wps = await queryRows<{
    id: string;
    code: string | null;
    name: string;
    address: string;
    organization_id: string;
  }>(
    db,
    sql`select w.id, w.code, w.name, w.address, w.organization_id from workplaces w
        join organizations o on o.id = w.organization_id where o.path like ${prefix}`,
  );
  const persons = await queryRows<Record<string, unknown>>(
    db,
    sql`select p.id, p.workplace_id, p.code, p.party_card_number, p.full_name, p.birth_date::text as birth_date,
               p.gender, p.job_title, p.employment_type, p.is_party_member, p.organization_id, p.party_office,
               p.government_office, p.is_committee_member, p.assigned_duty, p.distinct_confirmed,
               ep.started_on::text as started_on, ep.left_on::text as left_on, coalesce(ep.leaving_reason, '') as leaving_reason
        from people p
        join workplaces w on w.id = p.workplace_id
        join organizations o on o.id = w.organization_id
        left join lateral (
          select e.started_on, e.left_on, e.leaving_reason from employment_periods e where e.person_id = p.id
          order by e.left_on desc nulls first limit 1) ep on true
        where o.path like ${prefix} and p.erased_at is null`,
  );
  const orgCodes = read.organizations.map((org) => org.code).filter(Boolean);
  const wpCodes = read.workplaces.map((wp) => wp.code).filter(Boolean);
  const cards = read.people.map((person) => person.partyCardNumber).filter((card): card is string => !!card);
  const foreign = async (table: 'organizations' | 'workplaces', codes: string[]) => {
    const found = new Set<string>();
    for (const chunk of chunks([...new Set(codes.map((code) => code.toLowerCase()))], 2_000)) {
      const rows =
        table === 'organizations'
          ? await queryRows<{ code: string }>(
              db,
              sql`select code from organizations where lower(code) in (${sql.join(
                chunk.map((code) => sql`${code}`),
                sql`, `,
              )}) and path not like ${prefix}`,
            )
          : await queryRows<{ code: string }>(
              db,
              sql`select w.code from workplaces w join organizations o on o.id = w.organization_id
                  where lower(w.code) in (${sql.join(
                    chunk.map((code) => sql`${code}`),
                    sql`, `,
                  )}) and o.path not like ${prefix}`,
            );
      for (const row of rows) found.add(codeKey(row.code));
    }
    return found;
  };
  const foreignPartyCards = new Set<string>();
  for (const chunk of chunks([...new Set(cards.map(partyCardKey))], 2_000)) {
    const rows = await queryRows<{ party_card_number: string }>(
      db,
      sql`select p.party_card_number from people p join workplaces w on w.id = p.workplace_id
          join organizations o on o.id = w.organization_id
          where p.party_card_number in (${sql.join(
            chunk.map((card) => sql`${card}`),
            sql`, `,
          )})
            and p.erased_at is null and o.path not like ${prefix}`,
    );
    for (const row of rows) foreignPartyCards.add(partyCardKey(row.party_card_number));
  }
  return {
    base: { id: base.id, code: base.code },
    organizations: orgs.map((org) => ({
      id: org.id,
      code: org.code,
      name: org.name,
      kind: org.kind,
      parentId: org.parent_id,
    })),
    workplaces: wps.map((wp) => ({
      id: wp.id,
      code: wp.code,
      name: wp.name,
      address: wp.address,
      organizationId: wp.organization_id,
    })),
    people: persons.map(
      (row): ExistingPerson => ({
        id: row.id as string,
        workplaceId: row.workplace_id as string,
        staffCode: row.code as string,
        cellId: (row.organization_id as string | null) ?? null,
        partyCardNumber: (row.party_card_number as string | null) ?? null,
        fullName: row.full_name as string,
        birthDate: (row.birth_date as string | null) ?? null,
        gender: (row.gender as Gender | null) ?? null,
        jobTitle: row.job_title as string,
        employmentType: row.employment_type as EmploymentType,
        isPartyMember: row.is_party_member as boolean,
        partyOffice: row.party_office as string,
        governmentOffice: row.government_office as string,
        isCommitteeMember: row.is_committee_member as boolean,
        assignedDuty: row.assigned_duty as string,
        distinctConfirmed: row.distinct_confirmed as boolean,
        startedOn: (row.started_on as string | null) ?? null,
        leftOn: (row.left_on as string | null) ?? null,
        leavingReason: row.leaving_reason as string,
      }),
    ),
    foreignOrganizationCodes: await foreign('organizations', orgCodes),
    foreignWorkplaceCodes: await foreign('workplaces', wpCodes),
    foreignPartyCards,
  };
}

export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/** Every error of the file (cells and whole-workbook rules), by sheet, row and column. */
export function allErrors(read: ReadWorkbook, plan: WorkbookPlan): WorkbookError[] {
  const order = Object.values(SHEET_NAMES);
  return [
    ...read.errors,
    ...plan.issues.map((issue) => ({
      sheet: SHEET_NAMES[issue.sheet],
      row: issue.row,
      column: headerOf(issue.sheet, issue.field),
      message: issue.message,
    })),
  ].sort((a, b) => order.indexOf(a.sheet) - order.indexOf(b.sheet) || a.row - b.row);
}

const shown = (value: unknown) => (value === null || value === undefined ? '' : String(value));

export function previewOf(read: ReadWorkbook, plan: WorkbookPlan): ImportPreview {
  const errors = allErrors(read, plan);
  const count = (items: { action: string }[]): SheetSummary => ({
    create: items.filter((item) => item.action === 'create').length,
    update: items.filter((item) => item.action === 'update').length,
    unchanged: items.filter((item) => item.action === 'unchanged').length,
  });
  const changes: ImportPreview['changes'] = [];
  const list = (
    sheet: WorkbookSheet,
    items: WorkbookPlan[WorkbookSheet],
    codeName: (row: never) => [string, string],
  ) => {
    let listed = 0;
    for (const item of items) {
      if (item.action === 'unchanged' || listed >= MAX_LISTED_CHANGES) continue;
      listed++;
      const [code, name] = codeName(item.row as never);
      changes.push({
        sheet: SHEET_NAMES[sheet],
        row: item.row.row,
        code,
        name,
        action: item.action,
        fields: Object.entries(item.changes).map(([key, change]) => ({
          column: headerOf(sheet, key),
          from: shown(change.from),
          to: shown(change.to),
        })),
      });
    }
  };
  list('organizations', plan.organizations, (row: { code: string; name: string }) => [row.code, row.name]);
  list('workplaces', plan.workplaces, (row: { code: string; name: string }) => [row.code, row.name]);
  list('people', plan.people, (row: { staffCode: string; fullName: string }) => [
    row.staffCode,
    row.fullName,
  ]);
  return {
    counts: {
      organizations: count(plan.organizations),
      workplaces: count(plan.workplaces),
      people: count(plan.people),
    },
    errorCount: errors.length,
    errors: errors.slice(0, MAX_LISTED_ERRORS),
    changes,
  };
}

/** Checks the workbook against the subtree now; the base must be in the actor's administration. */
export async function checkWorkbook(db: DbOrTx, actor: Actor, base: OrganizationRow, read: ReadWorkbook) {
  actor.assertReaches(ADMINISTRATORS, base.path);
  const state = await loadExistingState(db, base, read);
  const plan = planWorkbook(read, state);
  return { plan, preview: previewOf(read, plan) };
}

const BATCH = 5_000;

/**
 * Applies the workbook in one transaction: checked again inside it (someone may have edited the
 * tree since the preview), then written in batches. Any error leaves nothing written.
 */
export async function applyWorkbook(
  db: Db,
  actor: Actor,
  baseId: string,
  read: ReadWorkbook,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ImportPreview> {
  return db.transaction(async (tx) => {
    const [base] = await tx
      .select()
      .from(organizations)
      .where(inArray(organizations.id, [baseId]))
      .for('update');
    if (!base) throw new AppError('not_found', 'Không tìm thấy tổ chức.');
    const { plan, preview } = await checkWorkbook(tx, actor, base, read);
    if (preview.errorCount > 0) {
      throw new AppError(
        'unprocessable',
        `Tệp có ${preview.errorCount} lỗi; chưa có dữ liệu nào được ghi. Hãy sửa các ô được chỉ ra rồi tải lên lại.`,
        [],
        { errors: preview.errors },
      );
    }
    const total = plan.organizations.length + plan.workplaces.length + plan.people.length;
    let done = 0;
    const step = async (count: number) => {
      done += count;
      onProgress(done, total);
      await yieldToEventLoop();
    };
    const now = new Date();

    // Organizations, parents first.
    const orgByKey = new Map<string, { id: string; path: string }>();
    const existingOrgs = await queryRows<{ id: string; code: string | null; path: string }>(
      tx,
      sql`select id, code, path from organizations where path like ${`${base.path}%`}`,
    );
    const pathOf = new Map(existingOrgs.map((org) => [org.id, org.path]));
    for (const org of existingOrgs)
      orgByKey.set(codeKey(organizationCodeOf(org)), { id: org.id, path: org.path });
    const baseRef = { id: base.id, path: base.path };
    for (const item of plan.organizations) {
      if (item.existing)
        orgByKey.set(codeKey(item.row.code), { id: item.existing.id, path: pathOf.get(item.existing.id)! });
    }
    const planned = new Map(plan.organizations.map((item) => [codeKey(item.row.code), item]));
    const inserts: (typeof organizations.$inferInsert)[] = [];
    for (const row of parentsFirst(plan.organizations.map((item) => item.row))) {
      const item = planned.get(codeKey(row.code))!;
      if (item.action !== 'create') continue;
      const parent = codeKey(row.parentCode) ? orgByKey.get(codeKey(row.parentCode))! : baseRef;
      const id = crypto.randomUUID();
      const path = childPath(parent.path, id);
      orgByKey.set(codeKey(row.code), { id, path });
      inserts.push({
        id,
        parentId: parent.id,
        path,
        depth: depthOf(path),
        kind: row.kind,
        code: row.code,
        name: row.name,
        nameSearch: foldVietnamese(row.name),
      });
    }
    for (const chunk of chunks(inserts, BATCH)) {
      await tx.insert(organizations).values(chunk);
      await step(chunk.length);
    }
    for (const item of plan.organizations) {
      if (item.action !== 'update') continue;
      await tx.execute(sql`update organizations set code = ${item.row.code}, name = ${item.row.name}, kind = ${item.row.kind},
        name_search = ${foldVietnamese(item.row.name)}, version = version + 1, updated_at = ${now} where id = ${item.existing!.id}`);
    }
    await step(plan.organizations.length - inserts.length);
    const orgIdOf = (code: string) => (codeKey(code) ? (orgByKey.get(codeKey(code)) ?? baseRef).id : base.id);

    // Workplaces.
    const wpByKey = new Map<string, string>();
    const existingWps = await queryRows<{ id: string; code: string | null }>(
      tx,
      sql`select w.id, w.code from workplaces w join organizations o on o.id = w.organization_id
          where o.path like ${`${base.path}%`}`,
    );
    for (const wp of existingWps) wpByKey.set(codeKey(workplaceCodeOf(wp)), wp.id);
    const wpInserts: (typeof workplaces.$inferInsert)[] = [];
    for (const item of plan.workplaces) {
      if (item.existing) wpByKey.set(codeKey(item.row.code), item.existing.id);
      if (item.action === 'create') {
        const id = crypto.randomUUID();
        wpByKey.set(codeKey(item.row.code), id);
        wpInserts.push({
          id,
          code: item.row.code,
          name: item.row.name,
          nameSearch: foldVietnamese(item.row.name),
          address: item.row.address,
          organizationId: orgIdOf(item.row.organizationCode),
        });
      } else if (item.action === 'update') {
        await tx.execute(sql`update workplaces set code = ${item.row.code}, name = ${item.row.name}, address = ${item.row.address},
          name_search = ${foldVietnamese(item.row.name)}, version = version + 1, updated_at = ${now} where id = ${item.existing!.id}`);
      }
    }
    for (const chunk of chunks(wpInserts, BATCH)) {
      await tx.insert(workplaces).values(chunk);
      await step(chunk.length);
    }
    await step(plan.workplaces.length - wpInserts.length);

    // People: inserted in batches (a trigger opens each one's first period), then their periods set.
    const created = plan.people.filter((item) => item.action === 'create');
    const personRow = (id: string, person: WorkbookPerson) => ({
      id,
      workplace_id: wpByKey.get(codeKey(person.workplaceCode))!,
      code: person.staffCode,
      party_card_number: person.partyCardNumber,
      full_name: person.fullName,
      name_search: foldVietnamese(person.fullName),
      birth_date: person.birthDate,
      gender: person.gender,
      job_title: person.jobTitle,
      employment_type: person.employmentType,
      is_party_member: person.isPartyMember,
      organization_id: person.isPartyMember ? orgIdOf(person.cellCode) : null,
      party_office: person.partyOffice,
      government_office: person.governmentOffice,
      is_committee_member: person.isCommitteeMember,
      assigned_duty: person.assignedDuty,
      distinct_confirmed: person.distinctConfirmed,
    });
    // One JSON parameter per batch: the statement is built in no time on both drivers.
    const recordset =
      sql.raw(`x(id uuid, workplace_id uuid, code text, party_card_number text, full_name text,
      name_search text, birth_date date, gender text, job_title text, employment_type text, is_party_member boolean,
      organization_id uuid, party_office text, government_office text, is_committee_member boolean,
      assigned_duty text, distinct_confirmed boolean)`);
    for (const chunk of chunks(created, BATCH)) {
      const rows = chunk.map((item) => personRow(crypto.randomUUID(), item.row));
      await tx.execute(sql`insert into people (id, workplace_id, code, party_card_number, full_name, name_search,
          birth_date, gender, job_title, employment_type, is_party_member, organization_id, party_office,
          government_office, is_committee_member, assigned_duty, distinct_confirmed)
        select * from json_to_recordset(${JSON.stringify(rows)}::json) as ${recordset}`);
      const periods = rows
        .map((row, index) => ({ id: row.id, person: chunk[index]!.row }))
        .filter(({ person }) => person.startedOn || person.leftOn);
      if (periods.length) await setPeriods(tx, periods);
      await step(chunk.length);
    }
    const updated = plan.people.filter((item) => item.action === 'update');
    for (const chunk of chunks(updated, BATCH)) {
      const rows = chunk.map((item) => personRow(item.existing!.id, item.row));
      await tx.execute(sql`update people p set code = x.code, party_card_number = x.party_card_number,
          full_name = x.full_name, name_search = x.name_search, birth_date = x.birth_date, gender = x.gender,
          job_title = x.job_title, employment_type = x.employment_type, is_party_member = x.is_party_member,
          organization_id = x.organization_id, party_office = x.party_office, government_office = x.government_office,
          is_committee_member = x.is_committee_member, assigned_duty = x.assigned_duty,
          distinct_confirmed = x.distinct_confirmed, version = p.version + 1, updated_at = ${now}
        from json_to_recordset(${JSON.stringify(rows)}::json) as ${recordset}
        where p.id = x.id`);
      const periodChanges = chunk.filter(
        ({ changes }) => 'startedOn' in changes || 'leftOn' in changes || 'leavingReason' in changes,
      );
      if (periodChanges.length)
        await setPeriods(
          tx,
          periodChanges.map(({ row, existing }) => ({ id: existing!.id, person: row })),
        );
      await step(chunk.length);
    }
    await step(plan.people.length - created.length - updated.length);

    await recordAudit(tx, actor, {
      action: 'province_workbook.imported',
      targetType: 'organization',
      targetId: base.id,
      organizationPath: base.path,
      changes: {
        organizations: { from: null, to: preview.counts.organizations },
        workplaces: { from: null, to: preview.counts.workplaces },
        people: { from: null, to: preview.counts.people },
      },
    });
    return preview;
  });
}

/** Sets the latest period (the one still open, else the last one) of each person as the row states it. */
async function setPeriods(
  tx: Tx,
  rows: { id: string; person: { startedOn: string | null; leftOn: string | null; leavingReason: string } }[],
) {
  const values = rows.map(({ id, person }) => ({
    person_id: id,
    started_on: person.startedOn,
    left_on: person.leftOn,
    reason: person.leftOn ? person.leavingReason : '',
  }));
  await tx.execute(sql`with v as (
      select * from json_to_recordset(${JSON.stringify(values)}::json)
        as x(person_id uuid, started_on date, left_on date, reason text)),
    latest as (
      select distinct on (e.person_id) e.id, v.started_on, v.left_on, v.reason
      from employment_periods e join v on v.person_id = e.person_id
      order by e.person_id, e.left_on desc nulls first)
    update employment_periods e set started_on = latest.started_on, left_on = latest.left_on,
      leaving_reason = latest.reason, updated_at = now()
    from latest where e.id = latest.id`);
}
