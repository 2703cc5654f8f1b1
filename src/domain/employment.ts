/** Employment types of DESIGN.md's glossary: only some of them count as masses for the meeting rule. */
export const EMPLOYMENT_TYPES = ['permanent', 'long_term', 'short_term', 'line_worker'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const EMPLOYMENT_TYPE_LABELS: Record<EmploymentType, string> = {
  permanent: 'Biên chế',
  long_term: 'Hợp đồng dài hạn',
  short_term: 'Hợp đồng ngắn hạn',
  line_worker: 'Công nhân dây chuyền sản xuất',
};

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { male: 'Nam', female: 'Nữ' };

/**
 * A stretch of time a person worked at their workplace: from `startedOn` (null: before records
 * began) until `leftOn`, the first day they no longer worked there (null: still working).
 */
export interface EmploymentPeriod {
  startedOn: string | null;
  leftOn: string | null;
  leavingReason: string;
}

/** Reasons offered when a person leaves; any other text is accepted too. */
export const LEAVING_REASON_SUGGESTIONS = [
  'Nghỉ hưu',
  'Chuyển công tác',
  'Thôi việc',
  'Hết hạn hợp đồng',
  'Từ trần',
] as const;

/** Worked there on `day` (yyyy-mm-dd): the day falls in [startedOn, leftOn). */
export function isWithinPeriod(period: EmploymentPeriod, day: string): boolean {
  return (
    (period.startedOn === null || period.startedOn <= day) && (period.leftOn === null || day < period.leftOn)
  );
}

/** DESIGN step 2: only people working at the workplace on the plan's reference date are counted. */
export function isEmployedOn(periods: readonly EmploymentPeriod[], day: string): boolean {
  return periods.some((period) => isWithinPeriod(period, day));
}

/** The period that describes the person now: the open one, else the one that ended last. */
export function latestPeriod<T extends EmploymentPeriod>(periods: readonly T[]): T | undefined {
  let latest: T | undefined;
  for (const period of periods) {
    if (!latest || periodEnd(period) > periodEnd(latest)) latest = period;
  }
  return latest;
}

// Open periods sort after every closed one; the ISO strings compare as dates.
const periodEnd = (period: EmploymentPeriod) => period.leftOn ?? '9999-12-31';

/** Two periods share at least one day. */
export function periodsOverlap(a: EmploymentPeriod, b: EmploymentPeriod): boolean {
  const startsBeforeEnd = (x: EmploymentPeriod, y: EmploymentPeriod) =>
    x.startedOn === null || y.leftOn === null || x.startedOn < y.leftOn;
  return startsBeforeEnd(a, b) && startsBeforeEnd(b, a);
}

export type EmploymentField = 'startedOn' | 'leftOn' | 'leavingReason';

export interface EmploymentIssue {
  field: EmploymentField;
  message: string;
}

const EARLIEST_DAY = '1900-01-01';

/**
 * What is wrong with a period beside the person's other periods: the leaving day after the start,
 * a reason whenever there is a leaving day (and none without), plausible days, no overlap.
 */
export function periodIssues(
  period: EmploymentPeriod,
  others: readonly EmploymentPeriod[],
): EmploymentIssue[] {
  const issues: EmploymentIssue[] = [];
  if (period.startedOn !== null && period.startedOn < EARLIEST_DAY) {
    issues.push({ field: 'startedOn', message: 'Ngày vào làm nằm ngoài khoảng hợp lý.' });
  }
  if (period.leftOn !== null && period.startedOn !== null && period.leftOn <= period.startedOn) {
    issues.push({ field: 'leftOn', message: 'Ngày nghỉ việc phải sau ngày vào làm.' });
  }
  if (period.leftOn !== null && period.leavingReason.trim() === '') {
    issues.push({ field: 'leavingReason', message: 'Cần ghi lý do nghỉ việc.' });
  }
  if (period.leftOn === null && period.leavingReason.trim() !== '') {
    issues.push({ field: 'leftOn', message: 'Có lý do nghỉ việc thì cần ghi ngày nghỉ việc.' });
  }
  if (issues.length === 0 && others.some((other) => periodsOverlap(period, other))) {
    issues.push({
      field: period.leftOn === null ? 'startedOn' : 'leftOn',
      message: 'Thời gian làm việc này trùng với một thời gian làm việc khác đã ghi của người này.',
    });
  }
  return issues;
}

/**
 * Recording that a person left: they must be working (an open period), the day is not before
 * they started, and a reason is given.
 */
export function leavingIssues(
  periods: readonly EmploymentPeriod[],
  leftOn: string,
  leavingReason: string,
): EmploymentIssue[] {
  const open = periods.find((period) => period.leftOn === null);
  if (!open) return [{ field: 'leftOn', message: 'Người này đã được ghi nhận nghỉ việc.' }];
  return periodIssues(
    { ...open, leftOn, leavingReason },
    periods.filter((period) => period !== open),
  );
}

/** Coming back after leaving: a new open period that starts on or after the last leaving day. */
export function returnIssues(periods: readonly EmploymentPeriod[], startedOn: string): EmploymentIssue[] {
  const latest = latestPeriod(periods);
  if (latest && latest.leftOn === null) {
    return [{ field: 'startedOn', message: 'Người này đang làm việc tại cơ quan, đơn vị.' }];
  }
  if (latest?.leftOn && startedOn < latest.leftOn) {
    return [{ field: 'startedOn', message: 'Ngày đi làm lại không được trước ngày nghỉ việc lần trước.' }];
  }
  return periodIssues({ startedOn, leftOn: null, leavingReason: '' }, periods);
}

export type PeriodChange<P extends EmploymentPeriod> =
  | { kind: 'unchanged' }
  /** The latest period is rewritten: its start, or its leaving day and reason (a leaving, or a fix). */
  | { kind: 'update'; period: P; to: EmploymentPeriod }
  /** A new period after the latest one ended: the person came back. */
  | { kind: 'return'; to: EmploymentPeriod };

const samePeriod = (a: EmploymentPeriod, b: EmploymentPeriod) =>
  a.startedOn === b.startedOn && a.leftOn === b.leftOn && a.leavingReason === b.leavingReason;

/**
 * What a roster row that states a person's latest period (start, leaving day, reason) does to
 * their recorded periods: nothing, a rewrite of the latest one, or a new period when it starts on
 * or after the day the latest one ended. The rows of a roster file (and a province's workbook)
 * describe people this way, so an export imports back unchanged.
 */
export function latestPeriodChange<P extends EmploymentPeriod>(
  periods: readonly P[],
  wanted: EmploymentPeriod,
): { change: PeriodChange<P>; issues: EmploymentIssue[] } {
  const latest = latestPeriod(periods);
  if (!latest) return { change: { kind: 'return', to: wanted }, issues: periodIssues(wanted, []) };
  if (samePeriod(latest, wanted)) return { change: { kind: 'unchanged' }, issues: [] };
  if (latest.leftOn !== null && wanted.startedOn !== null && wanted.startedOn >= latest.leftOn) {
    return { change: { kind: 'return', to: wanted }, issues: periodIssues(wanted, periods) };
  }
  return {
    change: { kind: 'update', period: latest, to: wanted },
    issues: periodIssues(
      wanted,
      periods.filter((period) => period !== latest),
    ),
  };
}
