import { formatVietnameseDate } from './dates.js';
import { vietnamDate } from './meetings.js';

/**
 * S8: a non-member's personal data is kept for the retention period (settings) after their last
 * part in the process; then an administrator may erase it. A party member's self-criticisms and
 * the opinions about them are the party's records of its members: they are not erased here.
 */
export interface ErasureSubject {
  isPartyMember: boolean;
  erasedAt: Date | null;
  /** The last time the person took part: the roster entry changed, they signed in or did anything. */
  lastInvolvementAt: Date;
}

/** The Vietnamese calendar day from which erasure is allowed: `months` after the last involvement. */
export function erasableFrom(lastInvolvementAt: Date, months: number): string {
  const [year, month, day] = vietnamDate(lastInvolvementAt).split('-').map(Number) as [
    number,
    number,
    number,
  ];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Why the person's data may not be erased today, or null when it may. */
export function erasureRefusal(subject: ErasureSubject, months: number, now: Date): string | null {
  if (subject.erasedAt) return 'Dữ liệu cá nhân của người này đã được xóa.';
  if (subject.isPartyMember) {
    return 'Chỉ xóa được dữ liệu của quần chúng (người ngoài Đảng): bản tự phê bình và ý kiến về đảng viên là hồ sơ của tổ chức đảng.';
  }
  const from = erasableFrom(subject.lastInvolvementAt, months);
  if (vietnamDate(now) < from) {
    return `Chưa hết thời hạn lưu giữ ${months} tháng: được xóa từ ngày ${formatVietnameseDate(from)}.`;
  }
  return null;
}
