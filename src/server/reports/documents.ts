import type { ReportDetail } from '../../contract/reports.js';
import { figureRows, opinionRows, type ReportDocumentInput } from '../../documents/report-document.js';
import { writeXlsx } from '../../documents/xlsx-cells.js';
import { formatVietnameseDate } from '../../domain/dates.js';
import { REPORT_STATE_LABELS } from '../../domain/reports.js';
import { loadExcelJS } from '../lazy-libraries.js';
import type { DocumentNames } from '../organizations/document-names.js';
import type { OrganizationNode } from './context.js';

/** The report as its document: the header and `Nơi nhận:` come from the tree (the report goes to the parent). */
export function reportDocumentInput(
  detail: ReportDetail,
  organization: OrganizationNode,
  names: DocumentNames,
  place: string,
): ReportDocumentInput {
  return {
    superiorName: names.header.superior,
    issuerName: names.header.issuer,
    shortName: names.shortName,
    organizationKind: organization.kind,
    place,
    submittedOn: detail.submittedOn,
    year: detail.plan.year,
    recipients: names.recipients,
    figures: detail.figures,
    narrative: detail.narrative,
    gapsText: detail.status === 'submitted' ? (detail.gaps?.text ?? null) : null,
    children: detail.children.map((child) => ({
      organizationName: child.organization.name,
      dueOn: child.dueOn,
      submittedOn: child.submittedOn,
      state: child.state,
    })),
  };
}

/**
 * The report's statistics as a workbook: one sheet of figures, one of the reports due to it.
 * Values only, never formulas: organization names are user text (QUALITY S2).
 */
export async function reportWorkbook(detail: ReportDetail): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const figures = workbook.addWorksheet('Số liệu');
  figures.addRow([`Báo cáo: ${detail.organization.name}`]);
  figures.addRow([`Hạn nộp: ${formatVietnameseDate(detail.dueOn)}`]);
  figures.addRow([]);
  figures.addRow(['Nội dung', 'Số lượng']).font = { bold: true };
  for (const [label, value] of figureRows(detail.figures)) figures.addRow([label, value]);
  figures.addRow([]);
  figures.addRow(['Ý kiến theo', 'Nội dung', 'Số ý kiến']).font = { bold: true };
  for (const row of opinionRows(detail.figures)) figures.addRow(row);
  figures.getColumn(1).width = 60;
  figures.getColumn(2).width = 30;
  figures.getColumn(3).width = 12;

  const children = workbook.addWorksheet('Tổ chức trực thuộc');
  const labels = figureRows(detail.figures).map(([label]) => label);
  children.addRow(['Tổ chức', 'Hạn nộp', 'Ngày nộp', 'Tình trạng', ...labels]).font = { bold: true };
  for (const child of detail.children)
    children.addRow([
      child.organization.name,
      formatVietnameseDate(child.dueOn),
      child.submittedOn ? formatVietnameseDate(child.submittedOn) : '',
      REPORT_STATE_LABELS[child.state],
      ...figureRows(child.figures).map(([, value]) => value),
    ]);
  children.getColumn(1).width = 40;
  return writeXlsx(workbook);
}
