import { PLAN_WORKPLACE_STATUS_LABELS, type PlanWorkplaceStatus } from './plans.js';

/**
 * How far a workplace has got in a plan, and the counts the progress rollup keeps per organization.
 * A required workplace goes pending → scheduled → held → minutes_signed → compiled → reported;
 * a workplace under the meeting threshold is exempt and stays outside that ladder.
 */
/** The ladder of a required workplace, in order. */
export const PROGRESS_LADDER = [
  'pending',
  'scheduled',
  'held',
  'minutes_signed',
  'compiled',
  'reported',
] as const satisfies readonly PlanWorkplaceStatus[];

/** The "reached at least" counters of the rollup, each named after the step it counts. */
export const REACHED_COUNTERS = [
  ['scheduled', 'scheduled'],
  ['held', 'held'],
  ['minutesSigned', 'minutes_signed'],
  ['compiled', 'compiled'],
  ['reported', 'reported'],
] as const;

export interface ProgressCounts {
  workplaces: number;
  required: number;
  exempt: number;
  scheduled: number;
  held: number;
  minutesSigned: number;
  compiled: number;
  reported: number;
}

export const ZERO_COUNTS: ProgressCounts = {
  workplaces: 0,
  required: 0,
  exempt: 0,
  scheduled: 0,
  held: 0,
  minutesSigned: 0,
  compiled: 0,
  reported: 0,
};

const rank = (status: PlanWorkplaceStatus): number =>
  (PROGRESS_LADDER as readonly PlanWorkplaceStatus[]).indexOf(status);

/** What one workplace in this status adds to every count of its ancestors. */
export function countsOf(status: PlanWorkplaceStatus): ProgressCounts {
  const counts: ProgressCounts = {
    ...ZERO_COUNTS,
    workplaces: 1,
    required: status === 'exempt' ? 0 : 1,
    exempt: status === 'exempt' ? 1 : 0,
  };
  for (const [counter, step] of REACHED_COUNTERS) counts[counter] = rank(status) >= rank(step) ? 1 : 0;
  return counts;
}

/** The change to every ancestor's counts when one workplace moves from one status to another. */
export function countsDelta(from: PlanWorkplaceStatus, to: PlanWorkplaceStatus): ProgressCounts {
  const before = countsOf(from);
  const after = countsOf(to);
  const delta = { ...ZERO_COUNTS };
  for (const key of Object.keys(delta) as (keyof ProgressCounts)[]) delta[key] = after[key] - before[key];
  return delta;
}

export type MoveCheck = { ok: true } | { ok: false; message: string };

/**
 * Which moves a workplace may make: exempt ⇄ pending (the determination corrected), forward by one
 * or more steps (an event recorded late skips the ones between), back by one step only (an event
 * undone); anything else is a mistake.
 */
export function checkStatusMove(from: PlanWorkplaceStatus, to: PlanWorkplaceStatus): MoveCheck {
  const label = (status: PlanWorkplaceStatus) => `"${PLAN_WORKPLACE_STATUS_LABELS[status]}"`;
  if (from === to) return { ok: false, message: `Cơ quan, đơn vị đã ở trạng thái ${label(to)}.` };
  if (from === 'exempt' || to === 'exempt') {
    if (from === 'pending' || to === 'pending') return { ok: true };
    return {
      ok: false,
      message: `Chỉ chuyển giữa ${label('exempt')} và ${label('pending')}, không chuyển từ ${label(from)} sang ${label(to)}.`,
    };
  }
  if (rank(to) > rank(from) || rank(to) === rank(from) - 1) return { ok: true };
  return {
    ok: false,
    message: `Chỉ lùi được một bước: không chuyển từ ${label(from)} về ${label(to)}.`,
  };
}

export interface PlanDeadlines {
  meetingsDueOn: string;
  baseReportsDueOn: string;
}

export interface Lateness {
  /** The meetings deadline has passed and some required workplace has not held its meeting. */
  lateMeetings: boolean;
  /** A base organization past the base-report deadline without every required workplace reported. */
  lateBaseReport: boolean;
  /** Past the meetings deadline, something required and nothing even scheduled. */
  missing: boolean;
}

/** Kinds that report to the bloc by the base-report deadline: base party committees and base cells. */
export const BASE_KINDS: readonly string[] = ['base', 'base-cell'];

/** Dates are ISO yyyy-mm-dd, so comparing the strings compares the days. */
export function latenessOf(
  counts: ProgressCounts,
  kind: string,
  deadlines: PlanDeadlines,
  today: string,
): Lateness {
  const afterMeetings = today > deadlines.meetingsDueOn;
  return {
    lateMeetings: afterMeetings && counts.held < counts.required,
    lateBaseReport:
      BASE_KINDS.includes(kind) && today > deadlines.baseReportsDueOn && counts.reported < counts.required,
    missing: afterMeetings && counts.required > 0 && counts.scheduled === 0,
  };
}

export { vietnamToday } from './dates.js';
