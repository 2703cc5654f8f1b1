import { ORGANIZATION_KIND_LABELS } from '../../contract/organizations.js';
import type { PlanProgress, ProgressRow } from '../../contract/progress.js';
import { writeXlsx } from '../../documents/xlsx-cells.js';
import { formatVietnameseDate } from '../../domain/dates.js';
import { loadExcelJS } from '../lazy-libraries.js';

const YES = 'Có';

const COLUMNS: { header: string; width: number; value: (row: ProgressRow) => string | number }[] = [
  { header: 'Tổ chức', width: 40, value: (row) => row.organization.name },
  {
    header: 'Loại tổ chức',
    width: 20,
    value: (row) => ORGANIZATION_KIND_LABELS[row.organization.kind] ?? row.organization.kind,
  },
  { header: 'Số cơ quan, đơn vị', width: 12, value: (row) => row.counts.workplaces },
  { header: 'Phải tổ chức họp', width: 12, value: (row) => row.counts.required },
  { header: 'Không phải họp', width: 12, value: (row) => row.counts.exempt },
  { header: 'Đã lên lịch họp', width: 12, value: (row) => row.counts.scheduled },
  { header: 'Đã họp', width: 12, value: (row) => row.counts.held },
  { header: 'Đã ký biên bản', width: 12, value: (row) => row.counts.minutesSigned },
  { header: 'Đã tổng hợp ý kiến', width: 12, value: (row) => row.counts.compiled },
  { header: 'Đã báo cáo', width: 12, value: (row) => row.counts.reported },
  { header: 'Chậm tổ chức họp', width: 12, value: (row) => (row.lateMeetings ? YES : '') },
  { header: 'Chậm báo cáo', width: 12, value: (row) => (row.lateBaseReport ? YES : '') },
  { header: 'Chưa triển khai', width: 12, value: (row) => (row.missing ? YES : '') },
];

/**
 * The progress table as a workbook: a few lines naming the plan, the organization and the
 * deadlines, then one row for the organization (its whole subtree) and one per child.
 * Values only, no formulas: organization names are user text (QUALITY S2).
 */
export async function progressWorkbook(progress: PlanProgress): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const sheet = workbook.addWorksheet('Tiến độ');
  const { plan } = progress;
  const planName = [plan.number && `Số ${plan.number}-${plan.symbol}`, plan.title].filter(Boolean).join(' ');
  sheet.addRow([`Kế hoạch: ${planName}`]);
  sheet.addRow([`Tổ chức: ${progress.node.organization.name}`]);
  sheet.addRow([
    `Hạn hoàn thành họp: ${formatVietnameseDate(plan.meetingsDueOn)}; hạn cơ sở báo cáo: ${formatVietnameseDate(plan.baseReportsDueOn)}; hạn báo cáo cấp trên: ${formatVietnameseDate(plan.upwardReportDueOn)}`,
  ]);
  sheet.addRow([`Số liệu đến ngày: ${formatVietnameseDate(progress.today)}`]);
  sheet.addRow([]);
  const header = sheet.addRow(COLUMNS.map((column) => column.header));
  header.font = { bold: true };
  COLUMNS.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
  });
  const total = sheet.addRow(
    COLUMNS.map((column, index) =>
      index === 0 ? `${progress.node.organization.name} (toàn bộ)` : column.value(progress.node),
    ),
  );
  total.font = { bold: true };
  for (const child of progress.children) sheet.addRow(COLUMNS.map((column) => column.value(child)));
  sheet.views = [{ state: 'frozen', ySplit: 6 }];
  return writeXlsx(workbook);
}

export const PROGRESS_HEADERS = COLUMNS.map((column) => column.header);
