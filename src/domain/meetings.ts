/** Rules of the meeting (DESIGN step 6, seed II.3 and "Chương trình họp"). Pure: no I/O. */

import { vietnamDate, vietnamTime } from './dates.js';

export { vietnamDate, vietnamTime };

export const AGENDA_STEPS = ['not_started', 'opening', 'content', 'closing', 'done'] as const;
export type AgendaStep = (typeof AGENDA_STEPS)[number];

export const AGENDA_STEP_LABELS: Record<AgendaStep, string> = {
  not_started: 'Chưa bắt đầu',
  opening: '(1) Nghi thức',
  content: '(2) Nội dung',
  closing: '(3) Kết thúc',
  done: 'Đã kết thúc',
};

export interface ScheduleCheck {
  startsAt: Date;
  endsAt: Date;
  /** The nearest plan's `meetingsDueOn` (yyyy-mm-dd): the meeting must be held by then. */
  deadline: string;
}

export interface ScheduleIssue {
  field: 'startsAt' | 'endsAt';
  message: string;
}

/**
 * Seed II.3: the meeting takes at most one day, and it is held by the plan's deadline. A span that
 * crosses midnight is two days.
 */
export function scheduleIssues({ startsAt, endsAt, deadline }: ScheduleCheck): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  if (endsAt.getTime() <= startsAt.getTime()) {
    issues.push({ field: 'endsAt', message: 'Giờ kết thúc phải sau giờ bắt đầu.' });
  } else if (vietnamDate(startsAt) !== vietnamDate(endsAt)) {
    issues.push({
      field: 'endsAt',
      message:
        'Buổi tự phê bình và phê bình chỉ tổ chức trong một ngày: giờ kết thúc phải cùng ngày với giờ bắt đầu.',
    });
  }
  if (vietnamDate(startsAt) > deadline || vietnamDate(endsAt) > deadline) {
    const [year, month, day] = deadline.split('-');
    issues.push({
      field: 'startsAt',
      message: `Buổi họp phải xong trước thời hạn của kế hoạch (${day}/${month}/${year}).`,
    });
  }
  return issues;
}

export type FormWindowState = 'not_opened' | 'open' | 'closed';

export interface FormWindow {
  openedAt: Date | null;
  endsAt: Date | null;
  closedAt: Date | null;
}

/**
 * The phone-form window: codes work from its opening until the committee closes it or its set end
 * passes. Forms sent by code are shown to the committee only once it is closed (S6).
 */
export function formWindowState(window: FormWindow, now: Date): FormWindowState {
  if (!window.openedAt) return 'not_opened';
  if (window.closedAt) return 'closed';
  if (window.endsAt && window.endsAt.getTime() <= now.getTime()) return 'closed';
  return 'open';
}

/** One member's attendance as the committee or the secretary marks it. */
export interface AttendanceMark {
  selfCriticismId: string;
  present: boolean;
  absenceReason?: string | null;
  absenceReasonValid?: boolean | null;
}

export interface AttendanceIssue {
  path: string;
  message: string;
}

/**
 * DESIGN step 3: a member who must self-criticize and is absent must give a reason, judged valid or
 * not. The masses present are counted; the names, when given, cannot outnumber the count.
 */
export function attendanceIssues(
  marks: readonly AttendanceMark[],
  massesPresent: number,
  massesPresentNames: readonly string[],
  meetingSelfCriticismIds: ReadonlySet<string>,
): AttendanceIssue[] {
  const issues: AttendanceIssue[] = [];
  const seen = new Set<string>();
  marks.forEach((mark, index) => {
    const at = `body.members.${index}`;
    if (!meetingSelfCriticismIds.has(mark.selfCriticismId)) {
      issues.push({
        path: `${at}.selfCriticismId`,
        message: 'Đảng viên này không tự phê bình tại buổi họp này.',
      });
    } else if (seen.has(mark.selfCriticismId)) {
      issues.push({ path: `${at}.selfCriticismId`, message: 'Một đảng viên được điểm danh hai lần.' });
    }
    seen.add(mark.selfCriticismId);
    if (mark.present) return;
    if (!mark.absenceReason) {
      issues.push({ path: `${at}.absenceReason`, message: 'Đảng viên vắng mặt phải có lý do.' });
    }
    if (mark.absenceReasonValid === undefined || mark.absenceReasonValid === null) {
      issues.push({
        path: `${at}.absenceReasonValid`,
        message: 'Hãy cho biết lý do vắng mặt có chính đáng hay không.',
      });
    }
  });
  if (massesPresent < 0) {
    issues.push({ path: 'body.massesPresent', message: 'Số quần chúng dự họp không được âm.' });
  } else if (massesPresentNames.length > massesPresent) {
    issues.push({
      path: 'body.massesPresentNames',
      message: `Đã ghi ${massesPresentNames.length} tên quần chúng nhưng số quần chúng dự họp chỉ là ${massesPresent}.`,
    });
  }
  return issues;
}

/** A held meeting keeps its date, place and people: they are in the minutes. */
export function rescheduleRefusal(agendaStep: AgendaStep): string | null {
  if (agendaStep === 'done') {
    return 'Buổi họp đã diễn ra nên không sửa lịch được nữa.';
  }
  return null;
}

/**
 * Seed II.3: the committee passes the feedback on to an absent member after the meeting, so telling
 * is confirmed only for an absent member and only once the meeting is over.
 */
export function toldRefusal(agendaStep: AgendaStep, present: boolean | null): string | null {
  if (present === null) return 'Đảng viên này chưa được điểm danh vắng mặt.';
  if (present) return 'Đảng viên này có mặt tại buổi họp, không cần thông tin lại.';
  if (agendaStep !== 'done') return 'Chỉ xác nhận đã thông tin sau khi buổi họp kết thúc.';
  return null;
}

/**
 * Which opinions an absent member is shown: everything said or written with a name at once; forms
 * sent by phone code only once the form window is closed, like the committee (S6).
 */
export function shownToAbsentMember(channel: string, windowState: FormWindowState): boolean {
  return channel !== 'phone' || windowState === 'closed';
}
