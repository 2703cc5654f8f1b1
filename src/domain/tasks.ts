/**
 * "Việc cần làm": from what a person is (member, cell committee, base or bloc committee,
 * organization board, non-member, secretary or chair of a meeting) and where the process stands,
 * the list of things they have to do, each with the page where it is done, its deadline and
 * whether it is late. Pure: the server gathers the facts within the person's scope.
 * Days are ISO yyyy-mm-dd days in Vietnam, so comparing strings compares days.
 */
import { formatVietnameseDate } from './dates.js';

/** Who the task is for: the home page groups tasks by it. */
export type TaskAudience = 'member' | 'committee' | 'board' | 'masses';

export const TASK_AUDIENCE_LABELS: Record<TaskAudience, string> = {
  member: 'Việc của đảng viên',
  committee: 'Việc của cấp ủy',
  board: 'Theo dõi cấp dưới, báo cáo lên trên',
  masses: 'Cuộc họp và góp ý',
};

export type TaskKind =
  | 'self-criticism-write'
  | 'self-criticism-returned'
  | 'self-criticism-submitted'
  | 'self-criticism-accepted'
  | 'meeting-attend'
  | 'reports-review'
  | 'meeting-schedule'
  | 'meeting-hold'
  | 'minutes-sign'
  | 'compilation'
  | 'report-submit'
  | 'child-report'
  | 'concern-answer'
  | 'meeting-keep'
  | 'phone-window'
  | 'remediation-follow';

/** Where a task is done: a page of the app, by its parts (the web app builds the address). */
export type TaskLink =
  | { page: 'self-criticism'; id: string }
  | { page: 'workplace-self-criticisms'; planId: string; workplaceId: string }
  | { page: 'meeting'; planId: string; workplaceId: string }
  | { page: 'meeting-live'; meetingId: string }
  | { page: 'my-meetings' }
  | { page: 'report'; planId: string; organizationId: string }
  | { page: 'reports' }
  | { page: 'concern'; id: string }
  | { page: 'online-feedback' }
  | { page: 'phone-form' }
  | { page: 'remediation' };

export interface Task {
  /** Stable for one task: the bell and the digests tell tasks apart by it. */
  key: string;
  kind: TaskKind;
  audience: TaskAudience;
  title: string;
  detail: string;
  link: TaskLink;
  /** The last day (ISO) it may be done on; null when nothing binds it. */
  dueOn: string | null;
  late: boolean;
  /** Shown for the record (an accepted report), never counted nor sent. */
  done: boolean;
}

export type OwnReportStatus = 'draft' | 'submitted' | 'returned' | 'accepted';

export interface OwnReportFact {
  id: string;
  planYear: number;
  workplaceName: string;
  status: OwnReportStatus;
  returnReason: string | null;
  /** The day of the meeting when scheduled, else the meetings deadline of the nearest plan. */
  dueOn: string;
}

export interface MeetingFact {
  meetingId: string;
  planId: string;
  planYear: number;
  workplaceId: string;
  workplaceName: string;
  /** ISO instant. */
  startsAt: string;
  place: string;
  held: boolean;
  minutesLocked: boolean;
  /** The phone-form window is open now. */
  formWindowOpen: boolean;
}

export interface PersonalMeetingFact extends MeetingFact {
  /** How the person takes part: as a member who self-criticizes, a secretary, a chair, or a non-member of the workplace. */
  capacity: 'member' | 'secretary' | 'chair' | 'masses';
  /** For the secretary and the chair: their own signature is on the minutes. */
  signed: boolean;
  /** For a member: their report for this meeting, where the meeting's day and place are shown. */
  selfCriticismId?: string;
}

export type PlanWorkplaceStatus =
  | 'pending'
  | 'scheduled'
  | 'held'
  | 'minutes_signed'
  | 'compiled'
  | 'reported';

/** A required workplace of a cell committee's own organization, for one plan. */
export interface CellWorkplaceFact {
  planId: string;
  planYear: number;
  workplaceId: string;
  workplaceName: string;
  status: PlanWorkplaceStatus;
  meetingsDueOn: string;
  /** ISO instant of the scheduled meeting. */
  meetingStartsAt: string | null;
  /** Members' reports sent and waiting for the committee's review. */
  waitingReports: number;
  /** The deadline of the committee's own report, by which the compilation must be closed. */
  reportDueOn: string | null;
}

/** A report an organization under the person's committee or board must send. */
export interface OwnOrganizationReportFact {
  planId: string;
  planYear: number;
  organizationId: string;
  organizationName: string;
  dueOn: string;
  submitted: boolean;
  /** The issuer's report upward, compiled by its organization board. */
  upward?: boolean;
}

/** A child's report due to an organization the person leads: late, missing or not yet due. */
export interface ChildReportFact {
  planId: string;
  planYear: number;
  receiverId: string;
  organizationId: string;
  organizationName: string;
  dueOn: string;
  submitted: boolean;
}

export interface ConcernFact {
  id: string;
  subject: string;
  raisedByName: string;
  /** ISO day it was raised. */
  raisedOn: string;
}

export interface RemediationFact {
  workplaceName: string;
  planYear: number;
  openItems: number;
  /** The nearest deadline of an item not done. */
  nextDeadline: string;
}

export interface TaskFacts {
  ownReports: OwnReportFact[];
  meetings: PersonalMeetingFact[];
  cellWorkplaces: CellWorkplaceFact[];
  ownOrganizationReports: OwnOrganizationReportFact[];
  childReports: ChildReportFact[];
  concerns: ConcernFact[];
  remediation: RemediationFact[];
}

export const NO_FACTS: TaskFacts = {
  ownReports: [],
  meetings: [],
  cellWorkplaces: [],
  ownOrganizationReports: [],
  childReports: [],
  concerns: [],
  remediation: [],
};

/** Vietnam's calendar day of an instant (UTC+7, no daylight saving). */
function dayOf(instant: string): string {
  return new Date(new Date(instant).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function timeOf(instant: string): string {
  return new Date(new Date(instant).getTime() + 7 * 3_600_000).toISOString().slice(11, 16);
}

const when = (instant: string) => `${timeOf(instant)} ngày ${formatVietnameseDate(dayOf(instant))}`;

function task(today: string, fields: Omit<Task, 'late' | 'done'> & { done?: boolean; late?: boolean }): Task {
  const done = fields.done ?? false;
  const late = !done && (fields.late ?? (fields.dueOn !== null && fields.dueOn < today));
  return { ...fields, done, late };
}

function memberTasks(facts: TaskFacts, today: string): Task[] {
  const tasks: Task[] = [];
  for (const report of facts.ownReports) {
    const link: TaskLink = { page: 'self-criticism', id: report.id };
    const base = { audience: 'member' as const, link, dueOn: report.dueOn };
    const where = `${report.workplaceName}, năm ${report.planYear}`;
    if (report.status === 'draft')
      tasks.push(
        task(today, {
          ...base,
          key: `sc-write:${report.id}`,
          kind: 'self-criticism-write',
          title: 'Viết và gửi bản tự phê bình',
          detail: where,
        }),
      );
    else if (report.status === 'returned')
      tasks.push(
        task(today, {
          ...base,
          key: `sc-returned:${report.id}`,
          kind: 'self-criticism-returned',
          title: 'Sửa bản tự phê bình cấp ủy đã trả lại',
          detail: report.returnReason ? `${where}. Lý do trả lại: ${report.returnReason}` : where,
        }),
      );
    else if (report.status === 'submitted')
      tasks.push(
        task(today, {
          ...base,
          key: `sc-submitted:${report.id}`,
          kind: 'self-criticism-submitted',
          title: 'Bản tự phê bình đã gửi, chờ cấp ủy xem xét',
          detail: where,
          done: true,
        }),
      );
    else
      tasks.push(
        task(today, {
          ...base,
          key: `sc-accepted:${report.id}`,
          kind: 'self-criticism-accepted',
          title: 'Bản tự phê bình đã được cấp ủy chấp nhận',
          detail: where,
          done: true,
        }),
      );
  }
  return tasks;
}

function meetingTasks(facts: TaskFacts, today: string): Task[] {
  const tasks: Task[] = [];
  const kept = new Set(
    facts.meetings
      .filter((meeting) => meeting.capacity === 'secretary' || meeting.capacity === 'chair')
      .map((meeting) => meeting.meetingId),
  );
  for (const meeting of facts.meetings) {
    const day = dayOf(meeting.startsAt);
    const detail = `${meeting.workplaceName}: ${when(meeting.startsAt)}, tại ${meeting.place}`;
    if (meeting.capacity === 'secretary' || meeting.capacity === 'chair') {
      const role = meeting.capacity === 'secretary' ? 'thư ký' : 'chủ trì';
      if (!meeting.held)
        tasks.push(
          task(today, {
            key: `meeting-keep:${meeting.meetingId}`,
            kind: 'meeting-keep',
            audience: 'masses',
            title:
              meeting.capacity === 'secretary'
                ? 'Làm thư ký buổi tự phê bình và phê bình'
                : 'Chủ trì buổi tự phê bình và phê bình',
            detail,
            link: { page: 'meeting-live', meetingId: meeting.meetingId },
            dueOn: day,
          }),
        );
      else if (!meeting.minutesLocked && !meeting.signed)
        tasks.push(
          task(today, {
            key: `minutes-sign:${meeting.meetingId}:${meeting.capacity}`,
            kind: 'minutes-sign',
            audience: 'masses',
            title: `Ký biên bản với tư cách ${role}`,
            detail: `${meeting.workplaceName}, họp ngày ${formatVietnameseDate(day)}`,
            link: { page: 'meeting-live', meetingId: meeting.meetingId },
            dueOn: null,
          }),
        );
    } else if (
      !meeting.held &&
      day >= today &&
      !(meeting.capacity === 'masses' && kept.has(meeting.meetingId))
    ) {
      tasks.push(
        task(today, {
          key: `meeting-attend:${meeting.meetingId}:${meeting.capacity}`,
          kind: 'meeting-attend',
          audience: meeting.capacity === 'member' ? 'member' : 'masses',
          title:
            meeting.capacity === 'member'
              ? 'Dự buổi tự phê bình và phê bình trước quần chúng'
              : 'Được mời dự buổi góp ý cho đảng viên',
          detail,
          link: meeting.selfCriticismId
            ? { page: 'self-criticism', id: meeting.selfCriticismId }
            : { page: 'online-feedback' },
          dueOn: day,
        }),
      );
    }
    if (meeting.capacity === 'masses' && meeting.formWindowOpen)
      tasks.push(
        task(today, {
          key: `phone-window:${meeting.meetingId}`,
          kind: 'phone-window',
          audience: 'masses',
          title: 'Đang mở nhận phiếu góp ý trên điện thoại',
          detail: `${meeting.workplaceName}: nhập mã trên phiếu được phát để góp ý (không ghi tên)`,
          link: { page: 'phone-form' },
          dueOn: today,
        }),
      );
  }
  return tasks;
}

function cellTasks(facts: TaskFacts, today: string): Task[] {
  const tasks: Task[] = [];
  for (const place of facts.cellWorkplaces) {
    const where = `${place.workplaceName}, kế hoạch năm ${place.planYear}`;
    const meetingPage: TaskLink = { page: 'meeting', planId: place.planId, workplaceId: place.workplaceId };
    const meetingDay = place.meetingStartsAt ? dayOf(place.meetingStartsAt) : null;
    if (place.waitingReports > 0)
      tasks.push(
        task(today, {
          key: `sc-review:${place.planId}:${place.workplaceId}`,
          kind: 'reports-review',
          audience: 'committee',
          title: `Xem xét ${place.waitingReports} bản tự phê bình đang chờ`,
          detail: where,
          link: { page: 'workplace-self-criticisms', planId: place.planId, workplaceId: place.workplaceId },
          dueOn: meetingDay ?? place.meetingsDueOn,
        }),
      );
    if (place.status === 'pending')
      tasks.push(
        task(today, {
          key: `meeting-schedule:${place.planId}:${place.workplaceId}`,
          kind: 'meeting-schedule',
          audience: 'committee',
          title: 'Lên lịch buổi tự phê bình và phê bình',
          detail: `${where}; họp chậm nhất ngày ${formatVietnameseDate(place.meetingsDueOn)}`,
          link: meetingPage,
          dueOn: place.meetingsDueOn,
        }),
      );
    else if (place.status === 'scheduled' && meetingDay)
      tasks.push(
        task(today, {
          key: `meeting-hold:${place.planId}:${place.workplaceId}`,
          kind: 'meeting-hold',
          audience: 'committee',
          title: 'Tổ chức buổi tự phê bình và phê bình',
          detail: `${place.workplaceName}: ${when(place.meetingStartsAt!)}`,
          link: meetingPage,
          dueOn: meetingDay,
        }),
      );
    else if (place.status === 'held')
      tasks.push(
        task(today, {
          key: `minutes:${place.planId}:${place.workplaceId}`,
          kind: 'minutes-sign',
          audience: 'committee',
          title: 'Hoàn thành và ký biên bản cuộc họp',
          detail: where,
          link: meetingPage,
          dueOn: place.reportDueOn,
        }),
      );
    else if (place.status === 'minutes_signed')
      tasks.push(
        task(today, {
          key: `compilation:${place.planId}:${place.workplaceId}`,
          kind: 'compilation',
          audience: 'committee',
          title: 'Tổng hợp ý kiến góp ý',
          detail: where,
          link: meetingPage,
          dueOn: place.reportDueOn,
        }),
      );
  }
  for (const report of facts.ownOrganizationReports) {
    if (report.submitted) continue;
    tasks.push(
      task(today, {
        key: `report:${report.planId}:${report.organizationId}`,
        kind: 'report-submit',
        audience: report.upward ? 'board' : 'committee',
        title: 'Gửi báo cáo kết quả lên cấp trên',
        detail: `${report.organizationName}, kế hoạch năm ${report.planYear}`,
        link: { page: 'report', planId: report.planId, organizationId: report.organizationId },
        dueOn: report.dueOn,
      }),
    );
  }
  return tasks;
}

function boardTasks(facts: TaskFacts, today: string): Task[] {
  const tasks: Task[] = [];
  for (const child of facts.childReports) {
    // Only what needs chasing: a report not in once its day has come.
    if (child.submitted || child.dueOn > today) continue;
    const missing = child.dueOn < today;
    tasks.push(
      task(today, {
        key: `child-report:${child.planId}:${child.organizationId}`,
        kind: 'child-report',
        audience: 'board',
        title: missing
          ? `${child.organizationName} chưa gửi báo cáo (quá hạn)`
          : `${child.organizationName} phải gửi báo cáo hôm nay`,
        detail: `Kế hoạch năm ${child.planYear}; hạn ${formatVietnameseDate(child.dueOn)}`,
        link: { page: 'report', planId: child.planId, organizationId: child.receiverId },
        dueOn: child.dueOn,
      }),
    );
  }
  for (const concern of facts.concerns)
    tasks.push(
      task(today, {
        key: `concern:${concern.id}`,
        kind: 'concern-answer',
        audience: 'board',
        title: `Trả lời vướng mắc: ${concern.subject}`,
        detail: `Của ${concern.raisedByName}, gửi ngày ${formatVietnameseDate(concern.raisedOn)}`,
        link: { page: 'concern', id: concern.id },
        dueOn: null,
        late: false,
      }),
    );
  return tasks;
}

function remediationTasks(facts: TaskFacts, today: string): Task[] {
  return facts.remediation.map((plan) =>
    task(today, {
      key: `remediation:${plan.workplaceName}:${plan.planYear}`,
      kind: 'remediation-follow',
      audience: 'masses',
      title: 'Theo dõi kế hoạch khắc phục',
      detail: `${plan.workplaceName}, năm ${plan.planYear}: ${plan.openItems} việc chưa xong`,
      link: { page: 'remediation' },
      dueOn: plan.nextDeadline,
    }),
  );
}

const KIND_ORDER: readonly TaskKind[] = [
  'self-criticism-write',
  'self-criticism-returned',
  'self-criticism-submitted',
  'self-criticism-accepted',
  'reports-review',
  'meeting-schedule',
  'meeting-keep',
  'meeting-hold',
  'meeting-attend',
  'phone-window',
  'minutes-sign',
  'compilation',
  'report-submit',
  'child-report',
  'concern-answer',
  'remediation-follow',
];

/** Late first, then the nearest deadline, then what has none; what is done last. */
export function compareTasks(a: Task, b: Task): number {
  if (a.done !== b.done) return a.done ? 1 : -1;
  if (a.late !== b.late) return a.late ? -1 : 1;
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn < b.dueOn ? -1 : 1;
  }
  // Same day: in the order the process runs (write the report before going to the meeting).
  const byKind = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  return a.title.localeCompare(b.title, 'vi');
}

/** Every task of a person, sorted (late first, nearest deadline next, done last). */
export function tasksFrom(facts: TaskFacts, today: string): Task[] {
  const all = [
    ...memberTasks(facts, today),
    ...meetingTasks(facts, today),
    ...cellTasks(facts, today),
    ...boardTasks(facts, today),
    ...remediationTasks(facts, today),
  ];
  const seen = new Set<string>();
  return all.filter((item) => (seen.has(item.key) ? false : seen.add(item.key))).sort(compareTasks);
}

/** What the bell counts: tasks not done. */
export function openTaskCount(tasks: readonly Task[]): number {
  return tasks.filter((item) => !item.done).length;
}

/** The address of the page where a task is done (Vietnamese paths of the web app). */
export function taskHref(link: TaskLink): string {
  switch (link.page) {
    case 'self-criticism':
      return `/tu-phe-binh/${link.id}`;
    case 'workplace-self-criticisms':
      return `/ke-hoach/${link.planId}/co-quan/${link.workplaceId}/tu-phe-binh`;
    case 'meeting':
      return `/ke-hoach/${link.planId}/co-quan/${link.workplaceId}/hop`;
    case 'meeting-live':
      return `/hop/${link.meetingId}/truc-tiep`;
    case 'my-meetings':
      return '/hop';
    case 'report':
      return `/bao-cao/${link.planId}/${link.organizationId}`;
    case 'reports':
      return '/bao-cao';
    case 'concern':
      return `/vuong-mac/${link.id}`;
    case 'online-feedback':
      return '/gop-y';
    case 'phone-form':
      return '/phieu';
    case 'remediation':
      return '/khac-phuc';
  }
}
