import type { PersonalData } from '../../contract/personal-data.js';
import { writeXlsx } from '../../documents/xlsx-cells.js';
import { formatVietnameseDate } from '../../domain/dates.js';
import {
  EMPLOYMENT_TYPE_LABELS,
  type EmploymentType,
  GENDER_LABELS,
  type Gender,
} from '../../domain/employment.js';
import {
  FEEDBACK_AREA_LABELS,
  FEEDBACK_CHANNEL_LABELS,
  FEEDBACK_KIND_LABELS,
  type FeedbackArea,
  type FeedbackChannel,
  type FeedbackKind,
} from '../../domain/feedback.js';
import { vietnamDate, vietnamTime } from '../../domain/meetings.js';
import { REMEDIATION_STATUS_LABELS, type RemediationStatus } from '../../domain/remediation.js';
import { ROLE_LABELS } from '../../domain/roles.js';
import { SELF_CRITICISM_STATUS_LABELS, type SelfCriticismStatus } from '../../domain/self-criticism.js';
import { loadExcelJS } from '../lazy-libraries.js';

const YES = 'Có';
const NO = 'Không';
/** A calendar day (yyyy-mm-dd) or an instant, shown as the Vietnamese day. */
const day = (iso: string | null) =>
  iso ? formatVietnameseDate(iso.length > 10 ? vietnamDate(new Date(iso)) : iso) : '';
const area = (value: string) => FEEDBACK_AREA_LABELS[value as FeedbackArea] ?? value;
const kind = (value: string) => FEEDBACK_KIND_LABELS[value as FeedbackKind] ?? value;

/** One sheet per part of PersonalData, headers in Vietnamese; written through writeXlsx (formulas neutralized). */
export async function personalDataWorkbook(data: PersonalData): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const sheet = (name: string, headers: string[], rows: (string | number)[][], widths: number[] = []) => {
    const added = workbook.addWorksheet(name);
    added.addRow(headers).font = { bold: true };
    for (const row of rows) added.addRow(row).alignment = { wrapText: true, vertical: 'top' };
    headers.forEach((_, index) => {
      added.getColumn(index + 1).width = widths[index] ?? 24;
    });
  };
  const { person } = data;
  sheet(
    'Thông tin',
    ['Mục', 'Nội dung'],
    [
      ['Họ và tên', person.fullName],
      ['Mã', person.code],
      ['Ngày sinh', day(person.birthDate)],
      ['Giới tính', person.gender ? (GENDER_LABELS[person.gender as Gender] ?? person.gender) : ''],
      ['Chức danh', person.jobTitle],
      [
        'Loại lao động',
        EMPLOYMENT_TYPE_LABELS[person.employmentType as EmploymentType] ?? person.employmentType,
      ],
      ['Cơ quan, đơn vị', person.workplaceName],
      ['Đảng viên', person.isPartyMember ? YES : NO],
      ['Chi bộ', person.cellName ?? ''],
      ['Chức vụ Đảng', person.partyOffice],
      ['Chức vụ chính quyền', person.governmentOffice],
      ['Cấp ủy viên', person.isCommitteeMember ? YES : NO],
      ['Nhiệm vụ được giao', person.assignedDuty],
      ['Ngày tạo', day(person.createdAt)],
      ['Lần sửa gần nhất', day(person.updatedAt)],
      ['Lần tham gia gần nhất', day(data.retention.lastInvolvementAt)],
      ['Thời hạn lưu giữ (tháng)', data.retention.months],
      ['Được xóa từ ngày', day(data.retention.erasableFrom)],
    ],
    [28, 70],
  );
  sheet(
    'Tài khoản',
    [
      'Tên đăng nhập',
      'Tên hiển thị',
      'Tổ chức',
      'Vai trò',
      'Ngày tạo',
      'Đã khóa',
      'Xác thực hai lớp',
      'Phiên đang mở',
      'Thư nhắc việc',
    ],
    data.accounts.map((account) => [
      account.username,
      account.displayName,
      account.homeOrganizationName,
      account.roles.map((role) => `${ROLE_LABELS[role.role]} – ${role.organizationName}`).join('\n'),
      day(account.createdAt),
      account.disabled ? YES : NO,
      account.secondFactor ? YES : NO,
      account.openSessions,
      account.email ?? '',
    ]),
  );
  sheet(
    'Bản tự phê bình',
    [
      'Năm',
      'Kế hoạch',
      'Trạng thái',
      'Nội dung',
      'Nhận xét của cấp ủy',
      'Tóm tắt ưu điểm',
      'Tóm tắt khuyết điểm',
    ],
    data.selfCriticisms.map((report) => [
      report.planYear,
      report.planTitle,
      SELF_CRITICISM_STATUS_LABELS[report.status as SelfCriticismStatus] ?? report.status,
      Object.values(report.content).filter(Boolean).join('\n\n'),
      report.committeeComment,
      report.summary.strengths,
      report.summary.shortcomings,
    ]),
    [8, 30, 14, 80, 40, 40, 40],
  );
  sheet(
    'Dự họp',
    ['Ngày họp', 'Cơ quan, đơn vị', 'Có mặt', 'Lý do vắng'],
    data.attendance.map((row) => [
      day(row.meetingDay),
      row.workplaceName,
      row.present ? YES : NO,
      row.absenceReason ?? '',
    ]),
  );
  sheet(
    'Ý kiến về người này',
    ['Ngày họp', 'Hình thức', 'Lĩnh vực', 'Loại', 'Nội dung', 'Trái chiều'],
    data.opinionsAbout.map((row) => [
      day(row.meetingDay),
      FEEDBACK_CHANNEL_LABELS[row.channel as FeedbackChannel] ?? row.channel,
      area(row.area),
      kind(row.kind),
      row.text,
      row.dissenting ? YES : '',
    ]),
    [12, 16, 24, 14, 80, 10],
  );
  sheet(
    'Tổng hợp',
    ['Ngày họp', 'Lĩnh vực', 'Loại', 'Nội dung', 'Trách nhiệm', 'Kết luận', 'Giải trình'],
    data.compiledPoints.map((row) => [
      day(row.meetingDay),
      area(row.area),
      kind(row.kind),
      row.text,
      row.responsibility === 'individual' ? 'Cá nhân' : row.responsibility === 'collective' ? 'Tập thể' : '',
      row.conclusion === 'accepted' ? 'Tiếp thu' : row.conclusion === 'explained' ? 'Giải trình' : '',
      row.explanation ?? '',
    ]),
  );
  sheet(
    'Khắc phục',
    ['Việc', 'Hạn', 'Tình trạng', 'Tiến độ'],
    data.remediationItems.map((item) => [
      item.action,
      day(item.deadline),
      REMEDIATION_STATUS_LABELS[item.status as RemediationStatus] ?? item.status,
      item.notes.map((note) => `${day(note.day)}: ${note.text}`).join('\n'),
    ]),
  );
  sheet(
    'Ý kiến của người này',
    ['Ngày', 'Loại', 'Nội dung'],
    data.ownOpinions.map((row) => [
      day(row.day),
      row.kind === 'remediation-comment' ? 'Ý kiến giám sát' : 'Phiếu góp ý',
      row.text,
    ]),
  );
  sheet(
    'Nhật ký',
    ['Thời điểm', 'Người thực hiện', 'Hành động', 'Đối tượng', 'Mã đối tượng', 'Các trường'],
    data.auditEntries.map((entry) => [
      `${formatVietnameseDate(vietnamDate(new Date(entry.at)))} ${vietnamTime(new Date(entry.at))}`,
      entry.by ?? '',
      entry.action,
      entry.targetType,
      entry.targetId,
      entry.fields.join(', '),
    ]),
  );
  return writeXlsx(workbook);
}
