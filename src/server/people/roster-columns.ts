import { EMPLOYMENT_TYPE_LABELS, EMPLOYMENT_TYPES } from '../../domain/employment.js';

/** The roster's columns, in the template's order; an export writes the same order so it imports back. */
export const ROSTER_COLUMNS = [
  {
    key: 'code',
    header: 'Mã',
    width: 12,
    guide: 'Mã nhân sự, không trùng trong cơ quan. Để trống thì hệ thống tự cấp (NV-001, NV-002, …).',
    example: 'NV-001',
  },
  { key: 'fullName', header: 'Họ và tên', width: 28, guide: 'Bắt buộc.', example: 'Nguyễn Văn Tám' },
  {
    key: 'birthDate',
    header: 'Ngày sinh (dd/mm/yyyy)',
    width: 14,
    guide: 'Ngày/tháng/năm, ví dụ 30/04/1975; có thể để trống.',
    example: '30/04/1975',
  },
  {
    key: 'gender',
    header: 'Giới tính (Nam/Nữ)',
    width: 10,
    guide: 'Nam hoặc Nữ; có thể để trống.',
    example: 'Nam',
  },
  {
    key: 'jobTitle',
    header: 'Chức danh',
    width: 22,
    guide: 'Chức danh nghề nghiệp.',
    example: 'Chuyên viên',
  },
  {
    key: 'employmentType',
    header: 'Loại lao động',
    width: 26,
    guide: `Bắt buộc, một trong: ${EMPLOYMENT_TYPES.map((type) => EMPLOYMENT_TYPE_LABELS[type]).join('; ')}.`,
    example: EMPLOYMENT_TYPE_LABELS.permanent,
  },
  {
    key: 'isPartyMember',
    header: 'Đảng viên (Có/Không)',
    width: 12,
    guide: 'Có hoặc Không; để trống là Không.',
    example: 'Có',
  },
  {
    key: 'organizationName',
    header: 'Chi bộ',
    width: 26,
    guide:
      'Tên chi bộ của đảng viên (đúng tên trong hệ thống, không cần đúng dấu). Bắt buộc với đảng viên, để trống với quần chúng.',
    example: 'Chi bộ Văn phòng',
  },
  {
    key: 'partyOffice',
    header: 'Chức vụ Đảng',
    width: 20,
    guide: 'Chỉ đảng viên mới có chức vụ Đảng.',
    example: 'Bí thư chi bộ',
  },
  {
    key: 'governmentOffice',
    header: 'Chức vụ chính quyền',
    width: 20,
    guide: 'Chức vụ trong cơ quan, ví dụ Giám đốc, Trưởng phòng.',
    example: 'Phó Giám đốc',
  },
  {
    key: 'isCommitteeMember',
    header: 'Cấp ủy viên (Có/Không)',
    width: 12,
    guide: 'Có hoặc Không; chỉ đảng viên mới là cấp ủy viên.',
    example: 'Có',
  },
  {
    key: 'assignedDuty',
    header: 'Nhiệm vụ được giao',
    width: 36,
    guide: 'Nhiệm vụ chính được giao.',
    example: 'Phụ trách công tác văn thư, lưu trữ',
  },
  {
    key: 'startedOn',
    header: 'Ngày vào làm (dd/mm/yyyy)',
    width: 14,
    guide:
      'Ngày bắt đầu làm việc tại cơ quan (lần gần nhất); có thể để trống. Người đã nghỉ việc nay trở lại: ghi ngày trở lại và để trống ngày nghỉ việc.',
    example: '01/09/2010',
  },
  {
    key: 'leftOn',
    header: 'Ngày nghỉ việc (dd/mm/yyyy)',
    width: 14,
    guide:
      'Ngày đầu tiên không còn làm việc tại cơ quan (nghỉ hưu, chuyển công tác…). Từ ngày này người đó không còn được tính; hồ sơ vẫn được giữ. Để trống nếu đang làm việc.',
    example: '',
  },
  {
    key: 'leavingReason',
    header: 'Lý do nghỉ việc',
    width: 22,
    guide: 'Bắt buộc khi có ngày nghỉ việc, ví dụ: Nghỉ hưu, Chuyển công tác, Thôi việc.',
    example: '',
  },
  {
    key: 'distinctConfirmed',
    header: 'Xác nhận khác người (Có/Không)',
    width: 14,
    guide:
      'Ghi Có khi người này trùng họ tên và ngày sinh với một người khác trong cơ quan nhưng đúng là hai người khác nhau; nếu không, hệ thống báo trùng và không nhập.',
    example: 'Không',
  },
] as const;

export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
export type RosterColumnKey = RosterColumn['key'];

export const COLUMN_HEADER = Object.fromEntries(
  ROSTER_COLUMNS.map((column) => [column.key, column.header]),
) as Record<RosterColumnKey, string>;

/** Only in exports, after the template's columns; an import ignores it. */
export const WORKPLACE_HEADER = 'Cơ quan, đơn vị';

export const ROSTER_SHEET = 'Danh sách';
export const GUIDE_SHEET = 'Hướng dẫn';

export const YES = 'Có';
export const NO = 'Không';
