import { ORGANIZATION_KIND_LABELS } from '../../contract/organizations.js';
import { EMPLOYMENT_TYPE_LABELS, EMPLOYMENT_TYPES } from '../../domain/employment.js';
import type { WorkbookSheet } from '../../domain/province-workbook.js';

/**
 * The province workbook's sheets and columns (issue 16), in the template's order; the export writes
 * the same order, so export → edit → import round-trips. Headers follow the usual names of the
 * party register (Mã tổ chức, Số thẻ đảng viên, …); the hint in brackets may be left out.
 */
export interface WorkbookColumn {
  key: string;
  header: string;
  width: number;
  guide: string;
  example: string;
  required?: boolean;
}

export const SHEET_NAMES: Record<WorkbookSheet, string> = {
  organizations: 'Tổ chức đảng',
  workplaces: 'Cơ quan, đơn vị',
  people: 'Nhân sự',
};
export const GUIDE_SHEET_NAME = 'Hướng dẫn';

const kinds = Object.entries(ORGANIZATION_KIND_LABELS)
  .map(([, label]) => label)
  .join('; ');

export const ORGANIZATION_COLUMNS: WorkbookColumn[] = [
  {
    key: 'code',
    header: 'Mã tổ chức',
    width: 16,
    guide: 'Bắt buộc, không trùng trong cả tỉnh. Lần nhập sau tìm tổ chức theo mã này để cập nhật.',
    example: 'DB-SYT',
    required: true,
  },
  {
    key: 'name',
    header: 'Tên tổ chức đảng',
    width: 36,
    guide: 'Bắt buộc, tên đầy đủ.',
    example: 'Đảng bộ Sở Y tế',
    required: true,
  },
  {
    key: 'kind',
    header: 'Loại tổ chức',
    width: 22,
    guide: `Bắt buộc, một trong: ${kinds}.`,
    example: ORGANIZATION_KIND_LABELS.base!,
    required: true,
  },
  {
    key: 'parentCode',
    header: 'Mã tổ chức cấp trên',
    width: 18,
    guide:
      'Mã của tổ chức cấp trên trực tiếp (trong trang này hoặc đã có trong hệ thống). Để trống: trực thuộc tổ chức đang nhập vào.',
    example: '',
  },
];

export const WORKPLACE_COLUMNS: WorkbookColumn[] = [
  {
    key: 'code',
    header: 'Mã cơ quan, đơn vị',
    width: 18,
    guide: 'Bắt buộc, không trùng trong cả tỉnh.',
    example: 'CQ-VPSYT',
    required: true,
  },
  {
    key: 'name',
    header: 'Tên cơ quan, đơn vị',
    width: 36,
    guide: 'Bắt buộc.',
    example: 'Văn phòng Sở Y tế',
    required: true,
  },
  {
    key: 'organizationCode',
    header: 'Mã tổ chức đảng',
    width: 18,
    guide: 'Bắt buộc: mã của tổ chức đảng lãnh đạo cơ quan, đơn vị (thường là chi bộ).',
    example: 'CB-VPSYT',
    required: true,
  },
  { key: 'address', header: 'Địa chỉ', width: 36, guide: 'Có thể để trống.', example: '' },
];

export const PERSON_COLUMNS: WorkbookColumn[] = [
  {
    key: 'staffCode',
    header: 'Mã nhân sự',
    width: 14,
    guide:
      'Bắt buộc, không trùng trong một cơ quan. Người chuyển công tác giữ mã cũ: ghi một dòng ở nơi cũ (có ngày nghỉ việc) và một dòng ở nơi mới.',
    example: 'NV-001',
    required: true,
  },
  {
    key: 'partyCardNumber',
    header: 'Số thẻ đảng viên',
    width: 16,
    guide: 'Chỉ đảng viên; không trùng trong cả tỉnh.',
    example: '79012345',
  },
  {
    key: 'fullName',
    header: 'Họ và tên',
    width: 26,
    guide: 'Bắt buộc.',
    example: 'Nguyễn Văn Tám',
    required: true,
  },
  {
    key: 'birthDate',
    header: 'Ngày sinh (dd/mm/yyyy)',
    width: 14,
    guide: 'Ví dụ 30/04/1975; có thể để trống.',
    example: '30/04/1975',
  },
  { key: 'gender', header: 'Giới tính (Nam/Nữ)', width: 10, guide: 'Nam hoặc Nữ.', example: 'Nam' },
  {
    key: 'workplaceCode',
    header: 'Mã cơ quan, đơn vị',
    width: 18,
    guide: 'Bắt buộc: nơi làm việc (mã trong trang "Cơ quan, đơn vị" hoặc đã có trong hệ thống).',
    example: 'CQ-VPSYT',
    required: true,
  },
  {
    key: 'jobTitle',
    header: 'Chức danh',
    width: 20,
    guide: 'Chức danh nghề nghiệp.',
    example: 'Chuyên viên',
  },
  {
    key: 'employmentType',
    header: 'Loại lao động',
    width: 24,
    guide: `Bắt buộc, một trong: ${EMPLOYMENT_TYPES.map((type) => EMPLOYMENT_TYPE_LABELS[type]).join('; ')}.`,
    example: EMPLOYMENT_TYPE_LABELS.permanent,
    required: true,
  },
  {
    key: 'isPartyMember',
    header: 'Đảng viên (Có/Không)',
    width: 12,
    guide: 'Có hoặc Không; để trống là Không.',
    example: 'Có',
  },
  {
    key: 'cellCode',
    header: 'Mã chi bộ',
    width: 16,
    guide: 'Bắt buộc với đảng viên: mã tổ chức đảng nơi sinh hoạt; để trống với quần chúng.',
    example: 'CB-VPSYT',
  },
  {
    key: 'partyOffice',
    header: 'Chức vụ Đảng',
    width: 18,
    guide: 'Chỉ đảng viên, ví dụ Bí thư chi bộ.',
    example: 'Bí thư chi bộ',
  },
  {
    key: 'governmentOffice',
    header: 'Chức vụ chính quyền',
    width: 18,
    guide: 'Ví dụ Giám đốc, Trưởng phòng.',
    example: 'Chánh Văn phòng',
  },
  {
    key: 'isCommitteeMember',
    header: 'Cấp ủy viên (Có/Không)',
    width: 12,
    guide: 'Chỉ đảng viên.',
    example: 'Có',
  },
  { key: 'assignedDuty', header: 'Nhiệm vụ được giao', width: 28, guide: 'Có thể để trống.', example: '' },
  {
    key: 'startedOn',
    header: 'Ngày vào làm (dd/mm/yyyy)',
    width: 14,
    guide: 'Ngày bắt đầu làm việc tại cơ quan (lần gần nhất); có thể để trống.',
    example: '01/09/2010',
  },
  {
    key: 'leftOn',
    header: 'Ngày nghỉ việc (dd/mm/yyyy)',
    width: 14,
    guide: 'Ngày đầu tiên không còn làm việc tại cơ quan; để trống nếu đang làm việc.',
    example: '',
  },
  {
    key: 'leavingReason',
    header: 'Lý do nghỉ việc',
    width: 18,
    guide: 'Bắt buộc khi có ngày nghỉ việc (Nghỉ hưu, Chuyển công tác…).',
    example: '',
  },
  {
    key: 'distinctConfirmed',
    header: 'Xác nhận khác người (Có/Không)',
    width: 14,
    guide: 'Ghi Có khi hai người cùng cơ quan trùng họ tên và ngày sinh nhưng đúng là hai người khác nhau.',
    example: '',
  },
];

export const COLUMNS: Record<WorkbookSheet, WorkbookColumn[]> = {
  organizations: ORGANIZATION_COLUMNS,
  workplaces: WORKPLACE_COLUMNS,
  people: PERSON_COLUMNS,
};

export const headerOf = (sheet: WorkbookSheet, key: string) =>
  COLUMNS[sheet].find((column) => column.key === key)?.header ?? key;

/** Rows a sheet may hold: a province is far below; a sheet of a million empty rows is refused. */
export const MAX_ROWS: Record<WorkbookSheet, number> = {
  organizations: 20_000,
  workplaces: 60_000,
  people: 300_000,
};
/** No cell of the register needs more; a 100 000-character cell is refused. */
export const MAX_CELL_LENGTH = 500;
