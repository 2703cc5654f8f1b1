/**
 * Year end (DESIGN step 10): each member's participation is an input to the member rating, each
 * organization's results an input to emulation and rewards. Pure: no I/O.
 */
import { idsOnPath } from './organization-path.js';

/** How an organization stands against one deadline; `none` when it had nothing to do by it. */
export type DeadlineStanding = 'on_time' | 'late' | 'missing' | 'pending' | 'none';

export const DEADLINE_STANDING_LABELS: Record<DeadlineStanding, string> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  missing: 'Chưa thực hiện',
  pending: 'Chưa đến hạn',
  none: 'Không phải thực hiện',
};

export interface MeetingCounts {
  required: number;
  /** Required workplaces whose meeting was held (on time or not). */
  held: number;
  /** Of those, held after the binding meetings deadline (the Vietnam day of `held_at`). */
  heldLate: number;
}

/** Every required meeting held by the deadline is on time; one held after it makes the whole late. */
export function meetingsStanding(
  counts: MeetingCounts,
  dueOn: string | null,
  today: string,
): DeadlineStanding {
  if (counts.required === 0) return 'none';
  if (counts.held < counts.required) return dueOn !== null && today <= dueOn ? 'pending' : 'missing';
  return counts.heldLate > 0 ? 'late' : 'on_time';
}

export interface ReportState {
  /** The report's `timeliness` once submitted, null while a draft or when there is no report. */
  timeliness: 'on_time' | 'late' | null;
  dueOn: string;
}

/** A report not submitted is missing once its deadline day has passed, pending until then. */
export function reportStanding(report: ReportState, today: string): DeadlineStanding {
  if (report.timeliness) return report.timeliness;
  return today <= report.dueOn ? 'pending' : 'missing';
}

/** Held over required meetings, 0–100 with one decimal; null when nothing was required. */
export function coveragePercent(held: number, required: number): number | null {
  if (required === 0) return null;
  return Math.round((held / required) * 1000) / 10;
}

/** A workplace of the plan, where it hangs now, and how its meeting went. */
export interface YearEndPlace {
  organizationId: string;
  organizationPath: string;
  required: boolean;
  /** Its meeting was held (held, minutes signed, compiled or reported). */
  held: boolean;
  /** The Vietnam day the meeting was held on, when it was. */
  heldOn: string | null;
  /** The binding meetings deadline of the workplace (the earliest of the plans issued above it). */
  dueOn: string | null;
}

/** A remediation item of a meeting held under the organization at `organizationPath`. */
export interface YearEndItem {
  organizationPath: string;
  status: 'open' | 'in_progress' | 'done';
  deadline: string;
}

/** What one organization is measured on: its meetings and remediation items, everywhere below it. */
export interface OrganizationTally extends MeetingCounts {
  /** The earliest binding deadline among the workplaces below it. */
  meetingsDueOn: string | null;
  itemsTotal: number;
  itemsDone: number;
  itemsOverdue: number;
}

const emptyTally = (): OrganizationTally => ({
  required: 0,
  held: 0,
  heldLate: 0,
  meetingsDueOn: null,
  itemsTotal: 0,
  itemsDone: 0,
  itemsOverdue: 0,
});

/** The organizations of `organizationIds` on a path, the organization itself included. */
function ancestorsIn(path: string, organizationIds: ReadonlySet<string>): string[] {
  return idsOnPath(path).filter((id) => organizationIds.has(id));
}

/**
 * Issue 11: every organization of the subtree is measured over all the workplaces anywhere below
 * it — a base with only cells below is ranked too — once some of them must meet (or it holds a
 * workplace itself). A required workplace's meeting is late when held after its binding deadline;
 * a remediation item is overdue when not done by the day after its deadline. Each workplace and
 * item is added to each organization on its path: linear in workplaces × depth.
 */
export function tallyOrganizations(
  organizationIds: readonly string[],
  places: readonly YearEndPlace[],
  items: readonly YearEndItem[],
  today: string,
): Map<string, OrganizationTally> {
  const inSubtree = new Set(organizationIds);
  const tallies = new Map<string, OrganizationTally>();
  const holdsOwn = new Set<string>();
  const tallyOf = (id: string) => {
    let tally = tallies.get(id);
    if (!tally) {
      tally = emptyTally();
      tallies.set(id, tally);
    }
    return tally;
  };
  for (const place of places) {
    if (inSubtree.has(place.organizationId)) holdsOwn.add(place.organizationId);
    for (const id of ancestorsIn(place.organizationPath, inSubtree)) {
      const tally = tallyOf(id);
      if (place.dueOn !== null && (tally.meetingsDueOn === null || place.dueOn < tally.meetingsDueOn))
        tally.meetingsDueOn = place.dueOn;
      if (!place.required) continue;
      tally.required++;
      if (!place.held) continue;
      tally.held++;
      if (place.heldOn !== null && place.dueOn !== null && place.heldOn > place.dueOn) tally.heldLate++;
    }
  }
  for (const [id, tally] of tallies) if (tally.required === 0 && !holdsOwn.has(id)) tallies.delete(id);
  for (const item of items) {
    for (const id of ancestorsIn(item.organizationPath, inSubtree)) {
      const tally = tallies.get(id);
      if (!tally) continue;
      tally.itemsTotal++;
      if (item.status === 'done') tally.itemsDone++;
      else if (item.deadline < today) tally.itemsOverdue++;
    }
  }
  return tallies;
}

export interface RankInput {
  name: string;
  coveragePercent: number | null;
  meetings: DeadlineStanding;
  report: DeadlineStanding;
  remediationPercent: number;
}

/** Deadlines met on time: the meetings deadline and the report's (0–2). */
export function onTimeDeadlines(row: Pick<RankInput, 'meetings' | 'report'>): number {
  return (row.meetings === 'on_time' ? 1 : 0) + (row.report === 'on_time' ? 1 : 0);
}

const nameOrder = new Intl.Collator('vi', { sensitivity: 'base' });

/** Compares what earns the rank; the name only orders equals, it does not separate them. */
function compareMerit(a: RankInput, b: RankInput): number {
  const coverage = (b.coveragePercent ?? -1) - (a.coveragePercent ?? -1);
  if (coverage !== 0) return coverage;
  const deadlines = onTimeDeadlines(b) - onTimeDeadlines(a);
  if (deadlines !== 0) return deadlines;
  return b.remediationPercent - a.remediationPercent;
}

/**
 * The emulation ranking: coverage first (an organization with nothing required comes after every
 * one with something), then deadlines met on time, then remediation completion. Equal merit shares
 * a rank (1, 1, 3), listed by name.
 */
export function rankOrganizations<T extends RankInput>(rows: readonly T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => compareMerit(a, b) || nameOrder.compare(a.name, b.name));
  const ranked: (T & { rank: number })[] = [];
  sorted.forEach((row, index) => {
    const previous = ranked[index - 1];
    const rank = previous && compareMerit(previous, row) === 0 ? previous.rank : index + 1;
    ranked.push({ ...row, rank });
  });
  return ranked;
}

/** A member's part in the meeting: present, absent (with a reason judged valid or not), or not marked. */
export type Participation = 'present' | 'absent_valid' | 'absent_invalid' | 'unmarked';

export const PARTICIPATION_LABELS: Record<Participation, string> = {
  present: 'Có mặt',
  absent_valid: 'Vắng mặt có lý do chính đáng',
  absent_invalid: 'Vắng mặt không có lý do chính đáng',
  unmarked: 'Chưa ghi nhận',
};

export function participationOf(present: boolean | null, reasonValid: boolean | null): Participation {
  if (present === null) return 'unmarked';
  if (present) return 'present';
  return reasonValid ? 'absent_valid' : 'absent_invalid';
}

export const TEMPLATE_LABELS: Record<'with_office' | 'without_office', string> = {
  with_office: 'Đảng viên có chức vụ',
  without_office: 'Đảng viên không giữ chức vụ',
};
