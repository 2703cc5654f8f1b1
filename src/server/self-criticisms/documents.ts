import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import {
  organizations,
  people,
  plans,
  planWorkplaces,
  selfCriticisms,
  workplaces,
} from '../../db/schema/index.js';
import {
  blankSelfCriticismInput,
  type SelfCriticismDocumentInput,
} from '../../documents/self-criticism-document.js';
import type { SelfCriticismTemplateId } from '../../documents/self-criticism-template.js';
import type { MemberSummary, SummaryListDocumentInput } from '../../documents/summary-list-document.js';
import type { DocumentHeaderLines } from '../../domain/party-header.js';
import { vietnamToday } from '../../domain/progress.js';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound } from '../errors.js';
import { documentNames } from '../organizations/document-names.js';
import { planInScope } from '../plans/access.js';
import { determiningPlanId } from '../plans/plan-chain.js';
import {
  capacityOf,
  type LocatedReport,
  reportInReach,
  type SelfCriticismRow,
  selectLocated,
} from './access.js';

const cell = alias(organizations, 'cell');

interface PlanFacts {
  place: string;
  year: number;
  manifestations: string[];
}

async function planFacts(db: DbOrTx, planId: string): Promise<PlanFacts> {
  const [plan] = await db
    .select({ place: plans.place, year: plans.year, manifestations: plans.manifestations })
    .from(plans)
    .where(eq(plans.id, planId));
  if (!plan) throw notFound('kế hoạch');
  return plan;
}

/** The cell's header lines, printed `ĐẢNG BỘ …` over `CHI BỘ …` on the form: built from the tree. */
async function organizationLinesOf(db: DbOrTx, cellId: string): Promise<DocumentHeaderLines> {
  return (await documentNames(db, cellId)).header;
}

function manifestationsOf(
  row: SelfCriticismRow,
  list: string[],
): SelfCriticismDocumentInput['manifestations'] {
  if (list.length === 0) return null;
  const answer = row.manifestationAnswer;
  return {
    none: answer.none,
    items: answer.items.map((item) => ({
      number: item.number,
      text: list[item.number - 1] ?? '',
      remark: item.remark,
    })),
  };
}

export function reportInput(
  row: SelfCriticismRow,
  plan: PlanFacts,
  organizationLines: DocumentHeaderLines,
): SelfCriticismDocumentInput {
  return {
    template: row.template as SelfCriticismTemplateId,
    organizationLines,
    cellName: row.cellName,
    place: plan.place,
    date: row.submittedAt ? vietnamToday(row.submittedAt) : null,
    year: plan.year,
    fullName: row.fullName,
    birthDate: row.birthDate,
    partyOffice: row.partyOffice,
    governmentOffice: row.governmentOffice,
    workplaceName: row.workplaceName,
    assignedDuty: row.assignedDuty,
    content: row.content,
    carriedOver: row.carriedOver.split(/\r?\n/),
    manifestations: manifestationsOf(row, plan.manifestations),
    committeeComment: row.committeeComment,
    signerName: row.fullName,
  };
}

/** One filled report, for those who read its content (the member, the cell committee); 403 otherwise. */
export async function reportDocumentInput(db: DbOrTx, actor: Actor, id: string) {
  const reach = await reportInReach(db, actor, id);
  if (!reach.contentVisible) throw forbidden();
  const { report } = reach;
  const input = reportInput(
    report,
    await planFacts(db, report.planId),
    await organizationLinesOf(db, report.cellId),
  );
  return { input, fullName: report.fullName };
}

/** A blank form; with a plan, its year, place and manifestation list. */
export async function blankReportInput(
  db: DbOrTx,
  actor: Actor,
  template: SelfCriticismTemplateId,
  planId: string | undefined,
): Promise<SelfCriticismDocumentInput> {
  const plan = planId
    ? (await planInScope(db, actor, planId)).plan
    : { place: '', year: Number(vietnamToday(new Date()).slice(0, 4)), manifestations: [] };
  return {
    ...blankSelfCriticismInput(template, plan.place, plan.year),
    manifestations: plan.manifestations.length > 0 ? { none: false, items: [] } : null,
  };
}

export interface WorkplaceReports {
  workplaceName: string;
  plan: PlanFacts;
  organizationLines: DocumentHeaderLines;
  secretaryName: string;
  reports: LocatedReport[];
}

/** Seed II.5 (2): the list is signed by the cell's secretary — a member whose party office says so. */
async function secretaryOf(db: DbOrTx, cellId: string): Promise<string> {
  const officers = await db
    .select({ fullName: people.fullName, partyOffice: people.partyOffice })
    .from(people)
    .where(
      and(eq(people.organizationId, cellId), eq(people.isPartyMember, true), isNotNull(people.partyOffice)),
    )
    .orderBy(asc(people.nameSearch));
  const secretary = officers.find((person) =>
    person.partyOffice.trim().toLocaleLowerCase('vi').startsWith('bí thư'),
  );
  return secretary?.fullName ?? '';
}

/**
 * The reports of a workplace under a plan that the actor reviews as a committee (of the member's
 * cell or of the workplace's organization); 404 for a workplace outside the plan, 403 when the
 * actor reviews none of them.
 */
export async function workplaceReports(
  db: DbOrTx,
  actor: Actor,
  planId: string,
  workplaceId: string,
): Promise<WorkplaceReports> {
  const issued = await planInScope(db, actor, planId);
  const determiningId = await determiningPlanId(db, issued.plan);
  const [place] = await db
    .select({
      organizationPath: planWorkplaces.organizationPath,
      workplaceName: workplaces.name,
      cellId: cell.id,
    })
    .from(planWorkplaces)
    .innerJoin(workplaces, eq(workplaces.id, planWorkplaces.workplaceId))
    .innerJoin(cell, eq(cell.id, workplaces.organizationId))
    .where(and(eq(planWorkplaces.planId, determiningId), eq(planWorkplaces.workplaceId, workplaceId)));
  if (!place?.organizationPath.startsWith(issued.organizationPath))
    throw notFound('cơ quan, đơn vị trong kế hoạch');
  const located = await selectLocated(db)
    .where(and(eq(selfCriticisms.planId, determiningId), eq(selfCriticisms.workplaceId, workplaceId)))
    .orderBy(asc(selfCriticisms.fullName));
  const atWorkplace = actor.grants.some(
    (grant) => grant.role === 'committee' && grant.organizationPath === place.organizationPath,
  );
  const reports = located.filter((report) => capacityOf(actor, null, report) === 'committee');
  if (!atWorkplace && reports.length === 0) throw forbidden();
  return {
    workplaceName: place.workplaceName,
    plan: await planFacts(db, determiningId),
    organizationLines: await organizationLinesOf(db, place.cellId),
    secretaryName: await secretaryOf(db, place.cellId),
    reports,
  };
}

function memberSummary({ report }: LocatedReport): MemberSummary {
  const offices = [report.partyOffice, report.governmentOffice, report.assignedDuty]
    .map((office) => office.trim())
    .filter(Boolean)
    .join(', ');
  return {
    fullName: report.fullName,
    duty: report.summary.duties.trim() || offices,
    strengths: report.summary.strengths,
    shortcomings: report.summary.shortcomings,
  };
}

export function summaryListInput(workplace: WorkplaceReports): SummaryListDocumentInput {
  return {
    organizationLines: workplace.organizationLines,
    place: workplace.plan.place,
    date: null,
    year: workplace.plan.year,
    workplaceName: workplace.workplaceName,
    members: workplace.reports.map(memberSummary),
    signingCapacity: 'T/M CHI ỦY',
    signerTitle: 'BÍ THƯ',
    signerName: workplace.secretaryName,
  };
}
