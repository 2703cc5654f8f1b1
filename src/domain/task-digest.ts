/** Issue 15: the e-mail digest of tasks whose deadlines come near (at most one a day per person). */
import { formatVietnameseDate } from './dates.js';
import type { Task, TaskLink } from './tasks.js';

/** Days ahead of a deadline on which an e-mail reminder goes out. */
export const REMINDER_DAYS = [7, 3, 1] as const;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The tasks an e-mail digest of `today` tells about: those not done whose deadline is 7, 3 or 1
 * days ahead. Empty: no digest today. At most one digest a day is the caller's (and the
 * database's) business.
 */
export function digestTasks(tasks: readonly Task[], today: string): Task[] {
  return tasks.filter(
    (item) =>
      !item.done &&
      item.dueOn !== null &&
      (REMINDER_DAYS as readonly number[]).includes(daysBetween(today, item.dueOn)),
  );
}

/** The digest's subject and plain text, in Vietnamese. */
export function digestText(
  displayName: string,
  tasks: readonly Task[],
  today: string,
  baseUrl: string,
  href: (link: TaskLink) => string,
): { subject: string; text: string } {
  const lines = tasks.map((item) => {
    const days = item.dueOn ? daysBetween(today, item.dueOn) : 0;
    return `- ${item.title} (${item.detail}). Hạn ${formatVietnameseDate(item.dueOn!)}, còn ${days} ngày.\n  ${baseUrl}${href(item.link)}`;
  });
  return {
    subject: `Nhắc việc tự phê bình: ${tasks.length} việc sắp đến hạn (${formatVietnameseDate(today)})`,
    text: [
      `Kính gửi ${displayName},`,
      '',
      'Các việc sau sắp đến hạn:',
      ...lines,
      '',
      `Xem tất cả việc cần làm: ${baseUrl}/`,
      '',
      'Thư này do hệ thống Tự phê bình gửi tự động, mỗi ngày nhiều nhất một thư.',
    ].join('\n'),
  };
}
