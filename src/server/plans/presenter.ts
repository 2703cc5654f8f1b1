import type { z } from 'zod';
import type { deadlineChange, PlanDetail, PlanSummary, planRef } from '../../contract/plans.js';
import { PLAN_DEADLINE_LABELS, type PlanDeadline, planFullNumber } from '../../domain/plans.js';
import type { Actor } from '../auth/actor.js';
import { appliesTo, type IssuedPlan, isIssuedHere, planPermissions } from './access.js';

const STATUS_LABELS = { draft: 'Bản nháp', published: 'Đã ban hành', replaced: 'Đã bị thay thế' } as const;
type PlanStatus = keyof typeof STATUS_LABELS;

export interface DeadlineChangeRow {
  id: string;
  deadline: string;
  fromDate: string;
  toDate: string;
  reason: string;
  changedBy: string | null;
  at: Date;
}

export function presentPlanRef({ plan, organizationName }: IssuedPlan): z.infer<typeof planRef> {
  return {
    id: plan.id,
    organizationId: plan.organizationId,
    organizationName,
    fullNumber: planFullNumber(plan.number, plan.symbol),
    title: plan.title,
    status: plan.status as PlanStatus,
    meetingsDueOn: plan.meetingsDueOn,
    baseReportsDueOn: plan.baseReportsDueOn,
    upwardReportDueOn: plan.upwardReportDueOn,
  };
}

export function presentPlanSummary(actor: Actor, issued: IssuedPlan): PlanSummary {
  const { plan, organizationPath } = issued;
  return {
    ...presentPlanRef(issued),
    parentPlanId: plan.parentPlanId,
    year: plan.year,
    statusLabel: STATUS_LABELS[plan.status as PlanStatus],
    number: plan.number,
    symbol: plan.symbol,
    issuedOn: plan.issuedOn,
    publishedAt: plan.publishedAt?.toISOString() ?? null,
    replacesPlanId: plan.replacesPlanId,
    replacementReason: plan.replacementReason,
    replacedAt: plan.replacedAt?.toISOString() ?? null,
    applies: appliesTo(actor, organizationPath),
    issuedHere: isIssuedHere(actor, organizationPath),
    version: plan.version,
  };
}

function presentDeadlineChange(row: DeadlineChangeRow): z.infer<typeof deadlineChange> {
  const deadline = row.deadline as PlanDeadline;
  return { ...row, deadline, deadlineLabel: PLAN_DEADLINE_LABELS[deadline], at: row.at.toISOString() };
}

export function presentPlanDetail(
  actor: Actor,
  issued: IssuedPlan,
  related: {
    parent: IssuedPlan | null;
    derived: IssuedPlan[];
    standing: IssuedPlan | null;
    replacedBy: IssuedPlan | null;
    deadlineChanges: DeadlineChangeRow[];
    determiningPlanId: string;
    derivableOrganizations: { id: string; name: string }[];
    documentHeader: { superior: string; issuer: string };
  },
): PlanDetail {
  const { plan } = issued;
  return {
    ...presentPlanSummary(actor, issued),
    place: plan.place,
    preamble: plan.preamble,
    purposes: plan.purposes,
    subjects: plan.subjects,
    participants: plan.participants,
    timeRules: plan.timeRules,
    placeRules: plan.placeRules,
    contentAreas: plan.contentAreas,
    annualTheme: plan.annualTheme,
    manifestations: plan.manifestations,
    methods: plan.methods,
    implementation: plan.implementation,
    recipients: plan.recipients,
    signingCapacity: plan.signingCapacity,
    signerTitle: plan.signerTitle,
    signerName: plan.signerName,
    parent: related.parent ? presentPlanRef(related.parent) : null,
    derivedPlans: related.derived.map(presentPlanRef),
    standingPlan: related.standing ? presentPlanRef(related.standing) : null,
    replacedBy: related.replacedBy ? presentPlanRef(related.replacedBy) : null,
    deadlineChanges: related.deadlineChanges.map(presentDeadlineChange),
    derivableOrganizations: related.derivableOrganizations,
    determiningPlanId: related.determiningPlanId,
    documentHeader: related.documentHeader,
    permissions: planPermissions(
      actor,
      plan,
      issued.organizationPath,
      related.derivableOrganizations.length > 0,
    ),
  };
}
