/**
 * Who reports to whom, and by when, for one published root plan (DESIGN step 9). Pure: no I/O.
 * Dates are ISO yyyy-mm-dd days in Vietnam, so comparing strings compares days.
 */

export interface ReportingOrganization {
  id: string;
  parentId: string | null;
  /** Materialized path `/root/…/id/`. */
  path: string;
}

export interface RootPlanDeadlines {
  /** The issuing organization of the root plan. */
  organizationId: string;
  meetingsDueOn: string;
  baseReportsDueOn: string;
  upwardReportDueOn: string;
}

/** A published derived plan (cụ thể hóa) of the root plan's chain: who issued it and its base-report deadline. */
export interface DerivedPlanDeadline {
  organizationId: string;
  baseReportsDueOn: string;
}

export interface ExpectedReport {
  organizationId: string;
  /** Null for the issuer's upward report at the top of the tree. */
  recipientOrganizationId: string | null;
  dueOn: string;
}

/** The day `days` after an ISO day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The deadline of one organization's report.
 * - Seed IV.3: the issuer's organization board reports upward by the last deadline (30/11).
 * - Seed IV.2: base committees — the issuer's children — report to the issuer by 20/11.
 * - Seed IV.1 lets a base committee derive its own plan for its cells: a cell under a base that
 *   did reports by that plan's base-report deadline. Without a derived plan the seed sets no date
 *   for cells; they report two days after the meetings are done (15/11 → 17/11), so their base
 *   can compile before its own deadline, which the date never passes.
 */
export function reportDueOn(
  organization: ReportingOrganization,
  plan: RootPlanDeadlines,
  derivedPlans: readonly DerivedPlanDeadline[],
): string {
  if (organization.id === plan.organizationId) return plan.upwardReportDueOn;
  if (organization.parentId === plan.organizationId) return plan.baseReportsDueOn;
  const derived = derivedPlans.find((candidate) => candidate.organizationId === organization.parentId);
  if (derived) return derived.baseReportsDueOn;
  const fallback = addDays(plan.meetingsDueOn, 2);
  return [fallback, plan.baseReportsDueOn].sort()[0]!;
}

/**
 * Every report the plan expects: the issuer's own (recipient its parent, null at the root) and
 * one from each organization under it whose subtree holds at least one workplace of the plan,
 * to its parent. `workplaceOrganizationPaths` are the paths of the organizations the plan's
 * workplaces are attached to.
 */
export function expectedReports(
  issuer: ReportingOrganization,
  subtree: readonly ReportingOrganization[],
  workplaceOrganizationPaths: readonly string[],
  plan: RootPlanDeadlines,
  derivedPlans: readonly DerivedPlanDeadline[],
): ExpectedReport[] {
  const reporters = subtree.filter(
    (organization) =>
      organization.id !== issuer.id &&
      organization.path.startsWith(issuer.path) &&
      workplaceOrganizationPaths.some((path) => path.startsWith(organization.path)),
  );
  return [
    { organizationId: issuer.id, recipientOrganizationId: issuer.parentId, dueOn: plan.upwardReportDueOn },
    ...reporters.map((organization) => ({
      organizationId: organization.id,
      recipientOrganizationId: organization.parentId,
      dueOn: reportDueOn(organization, plan, derivedPlans),
    })),
  ];
}

export type ReportState = 'on_time' | 'late' | 'missing' | 'not_yet_due';

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  missing: 'Chưa nộp',
  not_yet_due: 'Chưa đến hạn',
};

/** A submitted report keeps its timeliness; one not submitted is missing once its day has passed. */
export function reportState(
  submission: { timeliness: 'on_time' | 'late' | null },
  dueOn: string,
  today: string,
): ReportState {
  if (submission.timeliness) return submission.timeliness;
  return today > dueOn ? 'missing' : 'not_yet_due';
}

/** Seed IV.3: the issuer's upward report is compiled by its organization board ("Ban Tổ chức … tổng hợp báo cáo"). */
export function isUpwardReport(organizationId: string, plan: RootPlanDeadlines): boolean {
  return organizationId === plan.organizationId;
}

export type NarrativeSection = 'results' | 'strengths' | 'limits' | 'proposals';
export const REPORT_NARRATIVE_LABELS: Record<NarrativeSection, string> = {
  results: 'Đánh giá kết quả',
  strengths: 'Ưu điểm',
  limits: 'Hạn chế',
  proposals: 'Đề xuất, kiến nghị',
};

/** Issue 11: every narrative section is written before a report is submitted; names the empty ones. */
export function narrativeIssues(
  narrative: Record<NarrativeSection, string>,
): { field: NarrativeSection; message: string }[] {
  return (Object.keys(REPORT_NARRATIVE_LABELS) as NarrativeSection[])
    .filter((field) => !narrative[field]?.trim())
    .map((field) => ({ field, message: `Mục “${REPORT_NARRATIVE_LABELS[field]}” chưa được viết.` }));
}

/** What is still missing when a report is submitted: confirmed by the committee and stated in the report. */
export interface ReportGaps {
  /** Required workplaces whose meeting has not been held. */
  meetingsMissing: number;
  meetingsRequired: number;
  /** Organizations below whose report is not in. */
  childrenMissing: string[];
}

export function reportGaps(
  figures: { workplacesRequired: number; workplacesHeld: number },
  children: { name: string; submitted: boolean }[],
): ReportGaps | null {
  const meetingsMissing = Math.max(0, figures.workplacesRequired - figures.workplacesHeld);
  const childrenMissing = children.filter((child) => !child.submitted).map((child) => child.name);
  if (meetingsMissing === 0 && childrenMissing.length === 0) return null;
  return { meetingsMissing, meetingsRequired: figures.workplacesRequired, childrenMissing };
}

/** The gaps in one sentence, as the confirmation asks and the report states. */
export function describeGaps(gaps: ReportGaps): string {
  const parts: string[] = [];
  if (gaps.meetingsMissing > 0)
    parts.push(
      `${gaps.meetingsMissing}/${gaps.meetingsRequired} cơ quan, đơn vị phải tổ chức chưa họp tự phê bình trước quần chúng`,
    );
  if (gaps.childrenMissing.length > 0) parts.push(`chưa có báo cáo của ${gaps.childrenMissing.join(', ')}`);
  return `Khi nộp báo cáo: ${parts.join('; ')}.`;
}
