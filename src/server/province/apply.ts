import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import { childPath, depthOf } from '../../domain/organization-path.js';
import {
  codeKey,
  organizationCodeOf,
  parentsFirst,
  type WorkbookPerson,
  workplaceCodeOf,
} from '../../domain/province-workbook.js';
import { foldVietnamese } from '../../domain/text.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { checkWorkbook, chunks, type ImportPreview } from './check.js';
import type { ReadWorkbook } from './read.js';

/** Rows per statement: large enough to be fast, small enough that progress moves every second or so. */
const BATCH = 2_000;

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
  /** Runs last inside the transaction (the import job marks itself applied with the rows). */
  finish: (tx: Tx, preview: ImportPreview) => Promise<void> = async () => {},
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
    const inserts: Record<string, string | number>[] = [];
    for (const row of parentsFirst(plan.organizations.map((item) => item.row))) {
      const item = planned.get(codeKey(row.code))!;
      if (item.action !== 'create') continue;
      const parent = codeKey(row.parentCode) ? orgByKey.get(codeKey(row.parentCode))! : baseRef;
      const id = crypto.randomUUID();
      const path = childPath(parent.path, id);
      orgByKey.set(codeKey(row.code), { id, path });
      inserts.push({
        id,
        parent_id: parent.id,
        path,
        depth: depthOf(path),
        kind: row.kind,
        code: row.code,
        name: row.name,
        name_search: foldVietnamese(row.name),
      });
    }
    // As for people below: one JSON parameter per batch, not thousands of bound values.
    for (const chunk of chunks(inserts, BATCH)) {
      await tx.execute(sql`insert into organizations (id, parent_id, path, depth, kind, code, name, name_search)
        select * from json_to_recordset(${JSON.stringify(chunk)}::json)
          as x(id uuid, parent_id uuid, path text, depth integer, kind text, code text, name text, name_search text)`);
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
    const wpInserts: Record<string, string>[] = [];
    for (const item of plan.workplaces) {
      if (item.existing) wpByKey.set(codeKey(item.row.code), item.existing.id);
      if (item.action === 'create') {
        const id = crypto.randomUUID();
        wpByKey.set(codeKey(item.row.code), id);
        wpInserts.push({
          id,
          code: item.row.code,
          name: item.row.name,
          name_search: foldVietnamese(item.row.name),
          address: item.row.address,
          organization_id: orgIdOf(item.row.organizationCode),
        });
      } else if (item.action === 'update') {
        await tx.execute(sql`update workplaces set code = ${item.row.code}, name = ${item.row.name}, address = ${item.row.address},
          name_search = ${foldVietnamese(item.row.name)}, version = version + 1, updated_at = ${now} where id = ${item.existing!.id}`);
      }
    }
    for (const chunk of chunks(wpInserts, BATCH)) {
      await tx.execute(sql`insert into workplaces (id, code, name, name_search, address, organization_id)
        select * from json_to_recordset(${JSON.stringify(chunk)}::json)
          as x(id uuid, code text, name text, name_search text, address text, organization_id uuid)`);
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
    await finish(tx, preview);
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
