import ExcelJS from 'exceljs';
import type { ImportJob } from '../../contract/province.js';
import type { TestClient } from '../test-support.js';
import { COLUMNS, SHEET_NAMES } from './columns.js';

type Rows = Partial<Record<'organizations' | 'workplaces' | 'people', Record<string, ExcelJS.CellValue>[]>>;

/** A workbook as a person fills the template: headers of each sheet, then rows by column key. */
export async function provinceFile(rows: Rows): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of ['organizations', 'workplaces', 'people'] as const) {
    const added = workbook.addWorksheet(SHEET_NAMES[sheet]);
    added.addRow(COLUMNS[sheet].map((column) => column.header));
    for (const row of rows[sheet] ?? [])
      added.addRow(COLUMNS[sheet].map((column) => row[column.key] ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function uploadWorkbook(client: TestClient, organizationId: string, content: Buffer) {
  const boundary = `----tpb${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="so-nhap.xlsx"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', `/api/v1/organizations/${organizationId}/province-imports`, payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

/** Polls the job until it leaves checking/applying, as the page does. */
export async function settled(client: TestClient, id: string): Promise<ImportJob> {
  for (let attempt = 0; attempt < 2_000; attempt++) {
    const response = await client.get(`/api/v1/province-imports/${id}`);
    if (response.statusCode !== 200) throw new Error(response.body);
    const job = response.json() as ImportJob;
    if (job.state !== 'checking' && job.state !== 'applying') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('import did not settle');
}

/** Upload, wait for the preview. */
export async function previewWorkbook(client: TestClient, organizationId: string, content: Buffer) {
  const response = await uploadWorkbook(client, organizationId, content);
  if (response.statusCode !== 202) throw new Error(`${response.statusCode} ${response.body}`);
  return settled(client, response.json().id);
}

export async function applyWorkbookJob(client: TestClient, id: string) {
  const response = await client.post(`/api/v1/province-imports/${id}/apply`);
  if (response.statusCode !== 202) throw new Error(`${response.statusCode} ${response.body}`);
  return settled(client, id);
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Hữu', 'Thanh', 'Quốc', 'Kim', 'Thụy', 'Xuân'];
const GIVEN = ['Ánh', 'Bình', 'Chiến', 'Dũng', 'Hà', 'Hùng', 'Lan', 'Long', 'Mỹ', 'Nghĩa', 'Phúc', 'Sơn'];
const EMPLOYMENT = ['Biên chế', 'Hợp đồng dài hạn', 'Hợp đồng ngắn hạn', 'Công nhân dây chuyền sản xuất'];
const KINDS = ['Đảng bộ cơ sở', 'Chi bộ cơ sở'];

/**
 * A subtree of every kind of row an import meets (issue 16): names full of diacritics (some typed
 * decomposed, some with extra spaces), dates as text and as Excel dates, party card numbers as
 * numbers, empty optional cells, every employment type, offices, people who left and people who
 * moved between workplaces, text that starts like a formula, text on two lines. Deterministic.
 */
export function variedProvince(people: number, prefix = 'V'): Required<Rows> {
  const bases = Math.max(2, Math.round(people / 600));
  const cells = Math.max(4, Math.round(people / 150));
  const wps = Math.max(6, Math.round(people / 40));
  const organizations: Record<string, ExcelJS.CellValue>[] = [];
  for (let index = 0; index < bases; index++) {
    organizations.push({
      code: `${prefix}-DB${index}`,
      name: `Đảng bộ ${['Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Bệnh viện Đa khoa', 'Trường Đại học'][index % 4]} số ${index}`,
      kind: KINDS[index % KINDS.length],
      parentCode: null,
    });
  }
  for (let index = 0; index < cells; index++) {
    organizations.push({
      code: `${prefix}-CB${index}`,
      name: `Chi bộ Phòng Tổ chức – Hành chính số ${index}`,
      kind: 'Chi bộ trực thuộc',
      parentCode: `${prefix}-DB${index % bases}`,
    });
  }
  const workplaces = Array.from({ length: wps }, (_, index) => ({
    code: `${prefix}-CQ${index}`,
    name: `Khoa Hồi sức tích cực – Chống độc ${index}`,
    organizationCode: `${prefix}-CB${index % cells}`,
    address: index % 3 === 0 ? null : `Số ${index} đường Nguyễn Thị Minh Khai, phường Bến Nghé`,
  }));
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  for (let index = 0; index < people; index++) {
    const workplace = index % wps;
    const member = index % 5 < 2;
    const name = `${FAMILY[index % FAMILY.length]} ${MIDDLE[Math.floor(index / 12) % MIDDLE.length]} ${GIVEN[Math.floor(index / 120) % GIVEN.length]} ${['', 'Tuyết', 'Đức', 'Hưởng'][index % 4]}`;
    const day = 1 + (index % 28);
    const month = 1 + (Math.floor(index / 28) % 12);
    const year = 1960 + (index % 45);
    const left = index % 17 === 0;
    const row: Record<string, ExcelJS.CellValue> = {
      staffCode: `NV-${index}`,
      partyCardNumber: member
        ? index % 2
          ? 79_000_000 + index
          : `79.${String(index).padStart(6, '0')}`
        : null,
      fullName: index % 11 === 0 ? `  ${name.normalize('NFD')}  ` : name,
      birthDate:
        index % 13 === 0
          ? null
          : index % 3 === 0
            ? new Date(Date.UTC(year, month - 1, day))
            : `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`,
      gender: index % 9 === 0 ? null : index % 2 ? 'Nữ' : 'Nam',
      workplaceCode: `${prefix}-CQ${workplace}`,
      jobTitle:
        index % 4 === 0
          ? null
          : ['Bác sĩ', 'Điều dưỡng viên', 'Chuyên viên chính', 'Kỹ thuật viên'][index % 4],
      employmentType: EMPLOYMENT[index % EMPLOYMENT.length],
      isPartyMember: member ? 'Có' : index % 2 ? 'Không' : null,
      cellCode: member ? `${prefix}-CB${workplace % cells}` : null,
      partyOffice: member && index % 7 === 0 ? 'Phó Bí thư chi bộ' : null,
      governmentOffice: index % 6 === 0 ? 'Trưởng khoa' : null,
      isCommitteeMember: member && index % 7 === 0 ? 'Có' : null,
      assignedDuty:
        index % 19 === 0
          ? '- Phụ trách công tác đảng viên\n- Theo dõi thi đua'
          : index % 23 === 0
            ? '=Trực cấp cứu'
            : null,
      startedOn:
        index % 10 === 0 ? null : `01/${String(1 + (index % 12)).padStart(2, '0')}/${1990 + (index % 30)}`,
      leftOn: left ? new Date(Date.UTC(2024, index % 12, 1 + (index % 27))) : null,
      leavingReason: left ? ['Nghỉ hưu', 'Chuyển công tác'][index % 2] : null,
      distinctConfirmed: null,
    };
    // Someone who moved: the old workplace with a leaving date (the card goes with them), the new one open.
    rows.push(left && index % 2 ? { ...row, partyCardNumber: null } : row);
    if (left && index % 2) {
      rows.push({
        ...row,
        workplaceCode: `${prefix}-CQ${(workplace + 1) % wps}`,
        cellCode: member ? `${prefix}-CB${((workplace + 1) % wps) % cells}` : null,
        startedOn: new Date(Date.UTC(2024, index % 12, 1 + (index % 27))),
        leftOn: null,
        leavingReason: null,
      });
    }
  }
  return { organizations, workplaces, people: rows };
}
