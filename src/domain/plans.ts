import { formatVietnameseDate } from './dates.js';
import { grantsReach, type Role, type RoleGrant } from './roles.js';

/** Who issues a plan: the standing committee, through its committee or its organization board. */
export const PLAN_ISSUERS: readonly Role[] = ['organization-board', 'committee'];

/** The symbol `KH/ĐUK` of a plan, built from the issuing organization's short name. */
export function planSymbol(shortName: string): string {
  const short = shortName.normalize('NFC').trim();
  return short ? `KH/${short}` : 'KH';
}

/** The full number as printed under the issuer: `03-KH/ĐUK` (the symbol alone before a number is given). */
export function planFullNumber(number: string, symbol: string): string {
  const trimmed = number.trim();
  return trimmed ? `${trimmed}-${symbol}` : symbol;
}

export const PLAN_DEADLINES = ['meetingsDueOn', 'baseReportsDueOn', 'upwardReportDueOn'] as const;
export type PlanDeadline = (typeof PLAN_DEADLINES)[number];
export type PlanDeadlines = Record<PlanDeadline, string>;

/** Seed IV.2–IV.3: meetings done by 15/11, base committees report by 20/11, the board reports upward by 30/11. */
export const PLAN_DEADLINE_LABELS: Record<PlanDeadline, string> = {
  meetingsDueOn: 'Hạn hoàn thành họp',
  baseReportsDueOn: 'Hạn cấp ủy cơ sở báo cáo',
  upwardReportDueOn: 'Hạn báo cáo về trên',
};

export interface DeadlineIssue {
  field: PlanDeadline;
  message: string;
}

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/**
 * What is wrong with a plan's deadlines: they must follow the process (meetings, then base reports,
 * then the upward report) and, for a derived plan, none may fall after the parent plan's same deadline.
 */
export function deadlineIssues(deadlines: PlanDeadlines, parent?: PlanDeadlines): DeadlineIssue[] {
  const issues: DeadlineIssue[] = [];
  for (let index = 1; index < PLAN_DEADLINES.length; index++) {
    const earlier = PLAN_DEADLINES[index - 1]!;
    const later = PLAN_DEADLINES[index]!;
    if (deadlines[later] < deadlines[earlier]) {
      issues.push({
        field: later,
        message: `${PLAN_DEADLINE_LABELS[later]} (${formatVietnameseDate(deadlines[later])}) không được sớm hơn ${lower(PLAN_DEADLINE_LABELS[earlier])} (${formatVietnameseDate(deadlines[earlier])}).`,
      });
    }
  }
  if (parent) {
    for (const field of PLAN_DEADLINES) {
      if (deadlines[field] > parent[field]) {
        issues.push({
          field,
          message: `${PLAN_DEADLINE_LABELS[field]} (${formatVietnameseDate(deadlines[field])}) phải không muộn hơn hạn của kế hoạch cấp trên (${formatVietnameseDate(parent[field])}).`,
        });
      }
    }
  }
  return issues;
}

const LEADING_NUMBERING = /^(?:\(?\d{1,4}\s*[.)/:-]|[-–—•*+])\s*/u;

/** A pasted or imported manifestation list: one item a line, numbering and bullets dropped, blank lines skipped. */
export function parseManifestationList(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim().replace(LEADING_NUMBERING, '').replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0);
}

/** Whether the actor may issue, edit and publish a plan of the organization at `organizationPath`. */
export function mayIssuePlan(grants: readonly RoleGrant[], organizationPath: string): boolean {
  return grantsReach(grants, PLAN_ISSUERS, organizationPath);
}

/**
 * Seed IV.1: a base committee derives (cụ thể hóa) the plan for its own subtree. The target must lie
 * strictly under the parent plan's issuer, and the actor must issue plans there.
 */
export function mayDerivePlan(
  grants: readonly RoleGrant[],
  parentIssuerPath: string,
  targetPath: string,
): boolean {
  return (
    targetPath !== parentIssuerPath &&
    targetPath.startsWith(parentIssuerPath) &&
    mayIssuePlan(grants, targetPath)
  );
}

/** A workplace's progress through a plan, in order; later issues only move a workplace forward. */
export const PLAN_WORKPLACE_STATUSES = [
  'exempt',
  'pending',
  'scheduled',
  'held',
  'minutes_signed',
  'compiled',
  'reported',
] as const;
export type PlanWorkplaceStatus = (typeof PLAN_WORKPLACE_STATUSES)[number];

export const PLAN_WORKPLACE_STATUS_LABELS: Record<PlanWorkplaceStatus, string> = {
  exempt: 'Không phải tổ chức (dưới ngưỡng quần chúng)',
  pending: 'Phải tổ chức, chưa lên lịch',
  scheduled: 'Đã lên lịch họp',
  held: 'Đã họp',
  minutes_signed: 'Đã ký biên bản',
  compiled: 'Đã tổng hợp ý kiến',
  reported: 'Đã báo cáo',
};

/** Position of a status in the process; `exempt` is outside it and sorts first. */
export function planWorkplaceStatusOrder(status: PlanWorkplaceStatus): number {
  return PLAN_WORKPLACE_STATUSES.indexOf(status);
}

/** A determination may still flip between required and exempt only before a meeting is scheduled. */
export function isDeterminationCorrectable(status: PlanWorkplaceStatus): boolean {
  return status === 'exempt' || status === 'pending';
}

// Seed II.4: the four areas are followed by this fixed reminder of last year's remediation.
export const PLAN_AREAS_FOLLOW_UP =
  'Gắn với các nội dung trên, nêu rõ việc khắc phục những khuyết điểm, hạn chế đã được góp ý năm trước và việc thực hiện những vấn đề đã hứa với quần chúng.';

/** What publishing needs besides the deadlines: the number, where it is issued, who signs. */
export const PLAN_PUBLISH_FIELDS = {
  number: 'Số kế hoạch',
  place: 'Nơi ban hành',
  signerName: 'Họ và tên người ký',
} as const;
export type PlanPublishField = keyof typeof PLAN_PUBLISH_FIELDS;

export interface PublicationIssue {
  field: PlanPublishField | PlanDeadline;
  message: string;
}

export type PublishablePlan = Record<PlanPublishField, string> & PlanDeadlines & { issuedOn: string | null };

/**
 * Everything that stops a draft being published, all at once (issue 11): empty fields, then each
 * deadline already past in Vietnam (`today`) or earlier than the plan's issue date (today when none).
 */
export function publicationIssues(plan: PublishablePlan, today: string): PublicationIssue[] {
  const issues: PublicationIssue[] = [];
  for (const [field, label] of Object.entries(PLAN_PUBLISH_FIELDS) as [PlanPublishField, string][]) {
    if (!plan[field].trim()) issues.push({ field, message: `${label} không được để trống.` });
  }
  const issuedOn = plan.issuedOn ?? today;
  for (const field of PLAN_DEADLINES) {
    const label = PLAN_DEADLINE_LABELS[field];
    const date = plan[field];
    if (date < today) {
      issues.push({
        field,
        message: `${label} (${formatVietnameseDate(date)}) đã qua: phải từ hôm nay (${formatVietnameseDate(today)}) trở đi.`,
      });
    } else if (date < issuedOn) {
      issues.push({
        field,
        message: `${label} (${formatVietnameseDate(date)}) sớm hơn ngày ban hành (${formatVietnameseDate(issuedOn)}).`,
      });
    }
  }
  return issues;
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Days the template leaves before its first deadline when the seed's dates of the year are past. */
export const TEMPLATE_LEAD_DAYS = 14;

/**
 * Seed IV.2–IV.3 proposes 15/11, 20/11 and 30/11 of the plan's year. When 15/11 is no longer ahead
 * (a plan written late in the year, or for a past year) the template proposes the same spacing from
 * two weeks after today instead, so a plan started from it can be published as it stands.
 */
export function proposedDeadlines(year: number, today: string): PlanDeadlines {
  const seed = {
    meetingsDueOn: `${year}-11-15`,
    baseReportsDueOn: `${year}-11-20`,
    upwardReportDueOn: `${year}-11-30`,
  };
  if (seed.meetingsDueOn > today) return seed;
  const meetingsDueOn = addDays(today, TEMPLATE_LEAD_DAYS);
  return {
    meetingsDueOn,
    baseReportsDueOn: addDays(meetingsDueOn, 5),
    upwardReportDueOn: addDays(meetingsDueOn, 15),
  };
}

/**
 * Issue 11: one published plan per issuing organization and year. Publishing while another stands
 * must name it as replaced, with a reason; anything else is refused with what to do.
 */
export function replacementIssue(
  standing: { id: string; fullNumber: string } | null,
  replacement: { replacesPlanId: string; reason: string } | undefined,
  year: number,
): string | null {
  if (!standing) {
    return replacement
      ? `Năm ${year} chưa có kế hoạch nào đã ban hành để thay thế; hãy ban hành kế hoạch này như bình thường.`
      : null;
  }
  if (!replacement)
    return `Năm ${year} tổ chức đã ban hành Kế hoạch số ${standing.fullNumber}; mỗi năm chỉ có một kế hoạch. Muốn ban hành kế hoạch này, hãy chọn thay thế kế hoạch đó và ghi lý do thay thế.`;
  if (replacement.replacesPlanId !== standing.id)
    return `Kế hoạch đang có hiệu lực năm ${year} là Kế hoạch số ${standing.fullNumber}; chỉ thay thế được kế hoạch đó.`;
  if (!replacement.reason.trim()) return 'Cần ghi lý do thay thế kế hoạch.';
  return null;
}
