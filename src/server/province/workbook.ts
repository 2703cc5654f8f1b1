import { sql } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { ORGANIZATION_KIND_LABELS } from '../../contract/organizations.js';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { writeXlsx } from '../../documents/xlsx-cells.js';
import {
  EMPLOYMENT_TYPE_LABELS,
  type EmploymentType,
  GENDER_LABELS,
  type Gender,
} from '../../domain/employment.js';
import { organizationCodeOf, type WorkbookSheet, workplaceCodeOf } from '../../domain/province-workbook.js';
import type { Actor } from '../auth/actor.js';
import { ADMINISTRATORS } from '../auth/roles.js';
import { AppError } from '../errors.js';
import { loadExcelJS } from '../lazy-libraries.js';
import { organizationInScope } from '../organizations/access.js';
import { formatDate } from '../people/roster-cells.js';
import { COLUMNS, GUIDE_SHEET_NAME, SHEET_NAMES } from './columns.js';

const YES = 'Có';
const NO = 'Không';
/** A province (120 000 people) fits; the whole country is exported province by province. */
export const MAX_EXPORT_PEOPLE = 200_000;

function addSheets(workbook: ExcelJS.Workbook): Record<WorkbookSheet, ExcelJS.Worksheet> {
  const sheets = {} as Record<WorkbookSheet, ExcelJS.Worksheet>;
  for (const sheet of ['organizations', 'workplaces', 'people'] as const) {
    const added = workbook.addWorksheet(SHEET_NAMES[sheet], { views: [{ state: 'frozen', ySplit: 1 }] });
    added.columns = COLUMNS[sheet].map((column) => ({
      header: column.header,
      width: column.width,
      style: { numFmt: '@' },
    }));
    added.getRow(1).font = { bold: true };
    sheets[sheet] = added;
  }
  return sheets;
}

function addGuide(workbook: ExcelJS.Workbook, title: string): void {
  const guide = workbook.addWorksheet(GUIDE_SHEET_NAME);
  guide.columns = [
    { header: 'Trang', width: 18 },
    { header: 'Cột', width: 28 },
    { header: 'Cách ghi', width: 80 },
    { header: 'Ví dụ', width: 20 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const sheet of ['organizations', 'workplaces', 'people'] as const) {
    for (const column of COLUMNS[sheet]) {
      guide.addRow([
        SHEET_NAMES[sheet],
        column.header,
        `${column.required ? 'Bắt buộc. ' : ''}${column.guide}`.replace('Bắt buộc. Bắt buộc', 'Bắt buộc'),
        column.example,
      ]);
    }
  }
  guide.addRow([]);
  for (const note of [
    title,
    'Sổ gồm ba trang: "Tổ chức đảng" (mỗi tổ chức một dòng, kèm mã tổ chức cấp trên), "Cơ quan, đơn vị" (mỗi cơ quan một dòng, kèm mã tổ chức đảng), "Nhân sự" (mỗi người một dòng, kèm mã cơ quan và, với đảng viên, mã chi bộ). Không đổi tên trang hay tên cột; thứ tự cột tùy ý.',
    'Tải lên thì hệ thống kiểm tra trước (chưa ghi gì): cho biết bao nhiêu dòng sẽ được thêm, được sửa (sửa cột nào, từ gì thành gì), giữ nguyên, và mọi lỗi theo trang, dòng, cột. Chỉ khi không còn lỗi mới bấm "Nhập" — nhập cả tệp hoặc không nhập gì.',
    'Lần nhập sau tìm tổ chức, cơ quan theo mã, người theo mã nhân sự trong cơ quan: sửa tệp đã xuất rồi nhập lại thì cập nhật, không tạo trùng. Những gì không có trong tệp được giữ nguyên (không bị xóa).',
    'Lỗi thường gặp: mã cấp trên không có, các tổ chức làm cấp trên của nhau (vòng lặp), trùng mã, trùng số thẻ đảng viên, một người làm ở hai nơi cùng lúc, ngày sai dạng dd/mm/yyyy.',
    'Ô phải là giá trị, không phải công thức; mỗi ô tối đa 500 ký tự.',
    'Mã dạng TC-… và CQ-… là mã hệ thống tạm cấp cho tổ chức, cơ quan chưa có mã; có thể thay bằng mã của sổ đảng viên rồi nhập lại.',
  ]) {
    guide.addRow(['', '', note]);
  }
  guide.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
}

export async function provinceTemplate(): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const sheets = addSheets(workbook);
  for (const sheet of ['organizations', 'workplaces', 'people'] as const) {
    sheets[sheet].addRow(COLUMNS[sheet].map((column) => column.example || null));
  }
  addGuide(workbook, 'Dòng 2 của mỗi trang là ví dụ: xóa hoặc ghi đè trước khi nhập.');
  return writeXlsx(workbook);
}

const kindLabel = (kind: string) => ORGANIZATION_KIND_LABELS[kind] ?? kind;
const day = (iso: string | null) => (iso ? formatDate(iso) : null);

/** The base's whole subtree in the import's own workbook, so export → edit → import round-trips. */
export async function exportProvinceWorkbook(db: Db, actor: Actor, organizationId: string) {
  const base = await organizationInScope(db, actor, organizationId, ADMINISTRATORS);
  const prefix = `${base.path}%`;
  const [{ count } = { count: 0 }] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from people p join workplaces w on w.id = p.workplace_id
        join organizations o on o.id = w.organization_id where o.path like ${prefix} and p.erased_at is null`,
  );
  if (count > MAX_EXPORT_PEOPLE) {
    throw new AppError(
      'unprocessable',
      `Có hơn ${MAX_EXPORT_PEOPLE.toLocaleString('vi-VN')} người, quá lớn cho một tệp; hãy xuất theo từng tổ chức trực thuộc.`,
    );
  }
  const orgs = await queryRows<{
    id: string;
    code: string | null;
    name: string;
    kind: string;
    parent_id: string;
    parent_code: string | null;
  }>(
    db,
    sql`select o.id, o.code, o.name, o.kind, o.parent_id, p.code as parent_code from organizations o
        join organizations p on p.id = o.parent_id
        where o.path like ${prefix} and o.id <> ${base.id} and o.closed_at is null order by o.depth, o.name_search`,
  );
  const wps = await queryRows<{
    id: string;
    code: string | null;
    name: string;
    address: string;
    organization_id: string;
    organization_code: string | null;
  }>(
    db,
    sql`select w.id, w.code, w.name, w.address, w.organization_id, o.code as organization_code from workplaces w
        join organizations o on o.id = w.organization_id
        where o.path like ${prefix} and w.closed_at is null order by o.path, w.name_search`,
  );
  const persons = await queryRows<Record<string, string | boolean | null>>(
    db,
    sql`select p.code, p.party_card_number, p.full_name, p.birth_date::text as birth_date, p.gender, w.id as workplace_id,
               w.code as workplace_code, p.job_title, p.employment_type, p.is_party_member, p.organization_id, c.code as cell_code,
               p.party_office, p.government_office, p.is_committee_member, p.assigned_duty, p.distinct_confirmed,
               ep.started_on::text as started_on, ep.left_on::text as left_on, ep.leaving_reason
        from people p
        join workplaces w on w.id = p.workplace_id
        join organizations o on o.id = w.organization_id
        left join organizations c on c.id = p.organization_id
        left join lateral (
          select e.started_on, e.left_on, e.leaving_reason from employment_periods e where e.person_id = p.id
          order by e.left_on desc nulls first limit 1) ep on true
        where o.path like ${prefix} and p.erased_at is null and w.closed_at is null
        order by w.id, p.code_key`,
  );
  const workbook = new (await loadExcelJS()).Workbook();
  const sheets = addSheets(workbook);
  const orgCode = (id: string, code: string | null) => organizationCodeOf({ id, code });
  for (const org of orgs) {
    sheets.organizations.addRow([
      orgCode(org.id, org.code),
      org.name,
      kindLabel(org.kind),
      org.parent_id === base.id ? (base.code ?? null) : orgCode(org.parent_id, org.parent_code),
    ]);
  }
  for (const wp of wps) {
    sheets.workplaces.addRow([
      workplaceCodeOf(wp),
      wp.name,
      orgCode(wp.organization_id, wp.organization_code),
      wp.address || null,
    ]);
  }
  for (const person of persons) {
    const cell = person.organization_id as string | null;
    sheets.people.addRow([
      person.code,
      person.party_card_number,
      person.full_name,
      day(person.birth_date as string | null),
      person.gender ? GENDER_LABELS[person.gender as Gender] : null,
      workplaceCodeOf({ id: person.workplace_id as string, code: person.workplace_code as string | null }),
      person.job_title || null,
      EMPLOYMENT_TYPE_LABELS[person.employment_type as EmploymentType],
      person.is_party_member ? YES : NO,
      cell ? orgCode(cell, person.cell_code as string | null) : null,
      person.party_office || null,
      person.government_office || null,
      person.is_committee_member ? YES : NO,
      person.assigned_duty || null,
      day(person.started_on as string | null),
      day(person.left_on as string | null),
      person.leaving_reason || null,
      person.distinct_confirmed ? YES : null,
    ]);
  }
  addGuide(workbook, `Xuất từ hệ thống: toàn bộ ${base.name} (không gồm chính tổ chức này).`);
  return { fileName: `Sổ nhập ${base.name}.xlsx`, content: await writeXlsx(workbook) };
}
