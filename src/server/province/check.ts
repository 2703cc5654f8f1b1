/**
 * Issue 16: the dry run of a province workbook — the subtree's current state, the plan of what an
 * apply would create, change and leave alone, and the preview the page shows. A province's plan is
 * made in steps with the event loop let through between them (other users stay served).
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import type { EmploymentType, Gender } from '../../domain/employment.js';
import {
  codeKey,
  type ExistingPerson,
  type ExistingState,
  partyCardKey,
  planningSteps,
  type WorkbookPlan,
  type WorkbookSheet,
} from '../../domain/province-workbook.js';
import type { Actor } from '../auth/actor.js';
import { ADMINISTRATORS } from '../auth/roles.js';
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

/** `planWorkbook`, letting the event loop through between its steps. */
export async function planWithPauses(read: ReadWorkbook, state: ExistingState): Promise<WorkbookPlan> {
  const steps = planningSteps(read, state);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await yieldToEventLoop();
  }
}

/** Checks the workbook against the subtree now; the base must be in the actor's administration. */
export async function checkWorkbook(db: DbOrTx, actor: Actor, base: OrganizationRow, read: ReadWorkbook) {
  actor.assertReaches(ADMINISTRATORS, base.path);
  const state = await loadExistingState(db, base, read);
  const plan = await planWithPauses(read, state);
  return { plan, preview: previewOf(read, plan) };
}
