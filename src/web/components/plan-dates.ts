import { parseVietnameseDate } from '../../domain/dates.js';
import { PLAN_DEADLINE_LABELS, PLAN_DEADLINES, type PlanDeadline } from '../../domain/plans.js';
import { formatDate } from '../api.js';

export { PLAN_DEADLINE_LABELS, PLAN_DEADLINES, type PlanDeadline };

export type DeadlineTexts = Record<PlanDeadline, string>;

/** The three deadlines as typed dates (dd/mm/yyyy), for a form. */
export function deadlineTexts(plan: Record<PlanDeadline, string>): DeadlineTexts {
  return {
    meetingsDueOn: formatDate(plan.meetingsDueOn),
    baseReportsDueOn: formatDate(plan.baseReportsDueOn),
    upwardReportDueOn: formatDate(plan.upwardReportDueOn),
  };
}

export const DATE_FORMAT_MESSAGE = 'Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy.';

/** Converts typed dates to ISO; names each field that is not a real date, so nothing is sent. */
export function parseDates<K extends string>(
  texts: Record<K, string>,
  optional: readonly NoInfer<K>[] = [],
): { values: Record<K, string | null>; errors: Partial<Record<K, string>> } {
  const values = {} as Record<K, string | null>;
  const errors: Partial<Record<K, string>> = {};
  for (const key of Object.keys(texts) as K[]) {
    const typed = texts[key].trim();
    if (!typed && optional.includes(key)) {
      values[key] = null;
      continue;
    }
    const iso = parseVietnameseDate(typed);
    if (iso) values[key] = iso;
    else errors[key] = DATE_FORMAT_MESSAGE;
  }
  return { values, errors };
}
