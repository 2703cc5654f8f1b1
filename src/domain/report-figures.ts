import { FEEDBACK_AREAS, FEEDBACK_CHANNELS, FEEDBACK_KINDS } from './feedback.js';

/**
 * The statistics a report carries for its subtree (DESIGN step 9). Every figure is a sum over
 * workplaces, and a subtree's figures are summed from its workplaces, each counted once, never
 * from the children's reports: a workplace moved between reports cannot be counted twice.
 */
export interface ReportFigures {
  workplacesRequired: number;
  workplacesExempt: number;
  workplacesHeld: number;
  membersSelfCriticized: number;
  membersAbsentValid: number;
  membersAbsentInvalid: number;
  massesPresent: number;
  opinions: number;
  opinionsByChannel: Record<(typeof FEEDBACK_CHANNELS)[number], number>;
  opinionsByArea: Record<(typeof FEEDBACK_AREAS)[number], number>;
  opinionsByKind: Record<(typeof FEEDBACK_KINDS)[number], number>;
  opinionsDissenting: number;
  pointsCollective: number;
  pointsIndividual: number;
  remediationItems: number;
  remediationDone: number;
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

export function zeroFigures(): ReportFigures {
  return {
    workplacesRequired: 0,
    workplacesExempt: 0,
    workplacesHeld: 0,
    membersSelfCriticized: 0,
    membersAbsentValid: 0,
    membersAbsentInvalid: 0,
    massesPresent: 0,
    opinions: 0,
    opinionsByChannel: zeros(FEEDBACK_CHANNELS),
    opinionsByArea: zeros(FEEDBACK_AREAS),
    opinionsByKind: zeros(FEEDBACK_KINDS),
    opinionsDissenting: 0,
    pointsCollective: 0,
    pointsIndividual: 0,
    remediationItems: 0,
    remediationDone: 0,
  };
}

type Breakdown = 'opinionsByChannel' | 'opinionsByArea' | 'opinionsByKind';
const BREAKDOWNS: readonly Breakdown[] = ['opinionsByChannel', 'opinionsByArea', 'opinionsByKind'];

export function addFigures(a: ReportFigures, b: ReportFigures): ReportFigures {
  const sum = zeroFigures();
  for (const key of Object.keys(sum) as (keyof ReportFigures)[]) {
    if ((BREAKDOWNS as readonly string[]).includes(key)) continue;
    (sum[key] as number) = (a[key] as number) + (b[key] as number);
  }
  for (const key of BREAKDOWNS) {
    const target = sum[key] as Record<string, number>;
    for (const part of Object.keys(target)) {
      target[part] = (a[key] as Record<string, number>)[part]! + (b[key] as Record<string, number>)[part]!;
    }
  }
  return sum;
}

export interface WorkplaceFigures {
  workplaceId: string;
  figures: ReportFigures;
}

/** A subtree's figures from its workplaces; the same workplace listed twice is a bug, not a sum. */
export function sumWorkplaces(rows: readonly WorkplaceFigures[]): ReportFigures {
  const seen = new Set<string>();
  let total = zeroFigures();
  for (const row of rows) {
    if (seen.has(row.workplaceId)) throw new Error(`workplace ${row.workplaceId} counted twice`);
    seen.add(row.workplaceId);
    total = addFigures(total, row.figures);
  }
  return total;
}

export type Timeliness = 'on_time' | 'late';

export const TIMELINESS_LABELS: Record<Timeliness | 'missing', string> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  missing: 'Chưa nộp',
};

/** A report is on time when submitted on or before its deadline day (both Vietnam calendar days, yyyy-mm-dd). */
export function timeliness(submittedOn: string, dueOn: string): Timeliness {
  return submittedOn <= dueOn ? 'on_time' : 'late';
}

/**
 * Issue 11: a meeting's attendance counts only once the meeting was held — before, members marked
 * present have not criticized themselves before anyone, and the masses have not come.
 */
export function heldAttendance(
  held: boolean,
  attendance: { present: number; absentValid: number; absentInvalid: number; massesPresent: number },
) {
  return held ? attendance : { present: 0, absentValid: 0, absentInvalid: 0, massesPresent: 0 };
}
