/** Rules of the meeting (DESIGN step 6, seed II.3 and "Chương trình họp"). Pure: no I/O. */

/** Vietnam keeps UTC+7 all year: a meeting's calendar day is read in that offset. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export const AGENDA_STEPS = ['not_started', 'opening', 'content', 'closing', 'done'] as const;
export type AgendaStep = (typeof AGENDA_STEPS)[number];

export const AGENDA_STEP_LABELS: Record<AgendaStep, string> = {
  not_started: 'Chưa bắt đầu',
  opening: '(1) Nghi thức',
  content: '(2) Nội dung',
  closing: '(3) Kết thúc',
  done: 'Đã kết thúc',
};

/** The calendar day (yyyy-mm-dd) of an instant in Vietnam. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** `hh:mm` of an instant in Vietnam. */
export function vietnamTime(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(11, 16);
}

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
