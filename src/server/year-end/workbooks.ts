import { ORGANIZATION_KIND_LABELS } from '../../contract/organizations.js';
import type { YearEndHeader, YearEndMember, YearEndOrganization } from '../../contract/year-end.js';
import { writeXlsx } from '../../documents/xlsx-cells.js';
import { formatVietnameseDate } from '../../domain/dates.js';
import { DEADLINE_STANDING_LABELS, PARTICIPATION_LABELS, TEMPLATE_LABELS } from '../../domain/year-end.js';
import { loadExcelJS } from '../lazy-libraries.js';

interface Column<Row> {
  header: string;
  width: number;
  value: (row: Row) => string | number;
}

const MEMBER_COLUMNS: Column<YearEndMember>[] = [
  { header: 'Họ và tên', width: 28, value: (row) => row.fullName },
  { header: 'Chi bộ', width: 28, value: (row) => row.cellName },
  { header: 'Cơ quan, đơn vị', width: 28, value: (row) => row.workplaceName },
  { header: 'Mẫu bản tự phê bình', width: 24, value: (row) => TEMPLATE_LABELS[row.template] },
  { header: 'Tham gia buổi họp', width: 24, value: (row) => PARTICIPATION_LABELS[row.participation] },
  { header: 'Lý do vắng mặt', width: 28, value: (row) => row.absenceReason ?? '' },
  { header: 'Ý kiến về ưu điểm', width: 12, value: (row) => row.opinions.strength },
  { header: 'Ý kiến về khuyết điểm', width: 12, value: (row) => row.opinions.shortcoming },
  { header: 'Ý kiến kiến nghị, đề xuất', width: 12, value: (row) => row.opinions.proposal },
  { header: 'Số khuyết điểm được tổng hợp', width: 12, value: (row) => row.shortcomings.length },
  {
    header: 'Nội dung khuyết điểm',
    width: 50,
    value: (row) => row.shortcomings.map((text) => `• ${text}`).join('\n'),
  },
  { header: 'Việc khắc phục đã hoàn thành', width: 12, value: (row) => row.remediation.done },
  { header: 'Việc khắc phục chưa hoàn thành', width: 12, value: (row) => row.remediation.open },
  { header: 'Việc khắc phục quá hạn', width: 12, value: (row) => row.remediation.overdue },
];

const percent = (value: number | null) => (value === null ? '' : value);

const ORGANIZATION_COLUMNS: Column<YearEndOrganization>[] = [
  { header: 'Thứ hạng', width: 9, value: (row) => row.rank },
  { header: 'Tổ chức', width: 36, value: (row) => row.organization.name },
  {
    header: 'Loại tổ chức',
    width: 18,
    value: (row) => ORGANIZATION_KIND_LABELS[row.organization.kind] ?? row.organization.kind,
  },
  { header: 'Phải tổ chức họp', width: 12, value: (row) => row.required },
  { header: 'Đã họp', width: 10, value: (row) => row.held },
  { header: 'Tỷ lệ đã họp (%)', width: 12, value: (row) => percent(row.coveragePercent) },
  { header: 'Hạn hoàn thành họp', width: 14, value: (row) => formatVietnameseDate(row.meetings.dueOn ?? '') },
  { header: 'Tổ chức họp', width: 18, value: (row) => DEADLINE_STANDING_LABELS[row.meetings.standing] },
  { header: 'Hạn báo cáo', width: 14, value: (row) => formatVietnameseDate(row.report.dueOn) },
  { header: 'Báo cáo', width: 18, value: (row) => DEADLINE_STANDING_LABELS[row.report.standing] },
  {
    header: 'Ngày nộp báo cáo',
    width: 14,
    value: (row) => (row.report.submittedOn ? formatVietnameseDate(row.report.submittedOn) : ''),
  },
  { header: 'Số hạn đúng hạn', width: 12, value: (row) => row.onTimeDeadlines },
  { header: 'Việc khắc phục', width: 12, value: (row) => row.remediation.total },
  { header: 'Đã hoàn thành', width: 12, value: (row) => row.remediation.done },
  { header: 'Quá hạn', width: 10, value: (row) => row.remediation.overdue },
  { header: 'Tỷ lệ hoàn thành khắc phục (%)', width: 14, value: (row) => row.remediation.completionPercent },
];

const TITLE_ROWS = 4;

/**
 * A sheet with a few lines naming the plan, the organization and the day, then the frozen header
 * row and one row per record. Values only, never formulas: names and shortcomings are user text
 * (QUALITY S2), and exceljs writes a string starting with "=" as text.
 */
async function workbookOf<Row>(
  sheetName: string,
  title: string,
  header: YearEndHeader,
  columns: Column<Row>[],
  rows: readonly Row[],
): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  const { plan } = header;
  const planName = [plan.number && `Số ${plan.number}-${plan.symbol}`, plan.title].filter(Boolean).join(' ');
  sheet.addRow([title]).font = { bold: true };
  sheet.addRow([`Kế hoạch: ${planName} (năm ${plan.year})`]);
  sheet.addRow([
    `Tổ chức: ${header.organization.name}; số liệu đến ngày ${formatVietnameseDate(header.today)}`,
  ]);
  sheet.addRow([]);
  const headerRow = sheet.addRow(columns.map((column) => column.header));
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'middle' };
  columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
  });
  for (const row of rows) {
    sheet.addRow(columns.map((column) => column.value(row))).alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.views = [{ state: 'frozen', ySplit: TITLE_ROWS + 1 }];
  return writeXlsx(workbook);
}

export function membersWorkbook(header: YearEndHeader, members: readonly YearEndMember[]): Promise<Buffer> {
  return workbookOf(
    'Đảng viên',
    'KẾT QUẢ TỰ PHÊ BÌNH VÀ PHÊ BÌNH TRƯỚC QUẦN CHÚNG CỦA ĐẢNG VIÊN (phục vụ xếp loại chất lượng đảng viên)',
    header,
    MEMBER_COLUMNS,
    members,
  );
}

export function organizationsWorkbook(
  header: YearEndHeader,
  organizations: readonly YearEndOrganization[],
): Promise<Buffer> {
  return workbookOf(
    'Tổ chức',
    'KẾT QUẢ THỰC HIỆN CỦA CÁC TỔ CHỨC ĐẢNG (phục vụ thi đua, khen thưởng)',
    header,
    ORGANIZATION_COLUMNS,
    organizations,
  );
}

export const MEMBER_HEADERS = MEMBER_COLUMNS.map((column) => column.header);
export const ORGANIZATION_HEADERS = ORGANIZATION_COLUMNS.map((column) => column.header);
export const HEADER_ROW = TITLE_ROWS + 1;
