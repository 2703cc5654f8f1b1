import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, people } from '../../db/schema/index.js';
import {
  accountName,
  createTestContext,
  seedScopeTree,
  TestClient,
  type TestContext,
} from '../test-support.js';
import { handMadeZip, readWorkbook, rosterFile, TEMPLATE_HEADERS, uploadRoster } from './roster-fixtures.js';

const row = (fields: {
  code?: string;
  name?: string;
  birth?: ExcelJS.CellValue;
  gender?: string;
  title?: string;
  type?: string;
  member?: string;
  cell?: string;
  partyOffice?: string;
  governmentOffice?: string;
  committee?: string;
  duty?: string;
}): ExcelJS.CellValue[] => [
  fields.code ?? null,
  fields.name ?? null,
  fields.birth ?? null,
  fields.gender ?? null,
  fields.title ?? null,
  fields.type ?? null,
  fields.member ?? null,
  fields.cell ?? null,
  fields.partyOffice ?? null,
  fields.governmentOffice ?? null,
  fields.committee ?? null,
  fields.duty ?? null,
];

const goodRows = [
  row({ name: 'Trần Thị Hoa', birth: '01/02/1980', gender: 'Nữ', title: 'Chuyên viên', type: 'Biên chế' }),
  row({ name: 'Lê Văn Hùng', birth: new Date(Date.UTC(1985, 5, 15)), gender: 'Nam', type: 'Biên chế' }),
  row({ code: 'HD-01', name: 'Thạch Thị Sa Rươne', type: 'hop dong dai han' }),
  row({ name: 'Kim Văn Sơn', birth: '3/4/1990', type: 'Hợp đồng dài hạn' }),
  row({ name: 'Nguye\u0302\u0303n Thị Lan', type: 'Biên chế' }),
  row({ name: 'Võ Văn Tạm', type: 'Hợp đồng ngắn hạn' }),
  row({ name: 'Huỳnh Văn Bé', type: 'Công nhân dây chuyền' }),
  row({
    name: 'Phạm Văn Đảng',
    birth: '30/04/1975',
    type: 'Biên chế',
    member: 'Có',
    cell: 'chi bo a1',
    partyOffice: 'Bí thư chi bộ',
    governmentOffice: 'Giám đốc',
    committee: 'Có',
    duty: 'Phụ trách chung',
  }),
];

describe('XLSX rosters', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let committee: TestClient;
  let member: TestClient;
  let goodFile: Buffer;
  beforeAll(async () => {
    context = await createTestContext();
    tree = await seedScopeTree(context, [
      { role: 'committee', at: 'cellA1' },
      { role: 'member', at: 'cellA1' },
    ]);
    committee = await TestClient.signIn(context.app, accountName('committee', 'cellA1'));
    member = await TestClient.signIn(context.app, accountName('member', 'cellA1'));
    goodFile = await rosterFile(goodRows);
  });
  afterAll(() => context.close());

  const peopleIn = async (workplaceId: string) =>
    (
      await context.database.db.select({ n: count() }).from(people).where(eq(people.workplaceId, workplaceId))
    )[0]!.n;
  const auditCount = async () => (await context.database.db.select({ n: count() }).from(auditEntries))[0]!.n;
  const eligibility = async (id: string) =>
    (await committee.get(`/api/v1/workplaces/${id}`)).json().eligibility;

  it('hands out an empty template with a Vietnamese header, lists and a guide sheet', async () => {
    const response = await committee.get('/api/v1/roster-template');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="mau-danh-sach-nhan-su.xlsx"; filename*=UTF-8''${encodeURIComponent('Mẫu danh sách nhân sự.xlsx')}`,
    );
    const workbook = await readWorkbook(response.rawPayload);
    const sheet = workbook.getWorksheet('Danh sách')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(TEMPLATE_HEADERS);
    expect(TEMPLATE_HEADERS).toContain('Loại lao động');
    expect(sheet.actualRowCount).toBe(1);
    expect(sheet.getCell('F2').dataValidation).toMatchObject({ type: 'list' });
    const guide = workbook.getWorksheet('Hướng dẫn')!;
    expect(guide.getCell('A2').value).toBe('Mã');
    expect(guide.getColumn(2).values.join(' ')).toContain('giữ nguyên');
  });

  it('lists every bad cell by row and column, and writes nothing', async () => {
    const before = await peopleIn(tree.workplaces.wpA1);
    const audits = await auditCount();
    const file = await rosterFile([
      row({ code: 'A-1', name: 'Người Đúng', type: 'Biên chế' }),
      row({ code: 'A-2', birth: '01/01/1990', type: 'Biên chế' }),
      row({ name: 'Ngày Sai', birth: '31/02/1990', type: 'Biên chế' }),
      row({ name: 'Giới Sai', gender: 'X', type: 'Biên chế' }),
      row({ name: 'Loại Sai', type: 'Thời vụ' }),
      row({ name: 'Thiếu Chi Bộ', type: 'Biên chế', member: 'Có' }),
      row({ name: 'Quần Chúng', type: 'Biên chế', partyOffice: 'Bí thư' }),
      row({ name: 'Chi Bộ Lạ', type: 'Biên chế', member: 'Có', cell: 'Chi bộ B1' }),
      row({ code: 'A-1', name: 'Trùng Mã', type: 'Biên chế' }),
      row({ name: 'Đảng Sai', type: 'Biên chế', member: 'Có lẽ' }),
    ]);
    const response = await uploadRoster(committee, tree.workplaces.wpA1, file);
    expect(response.statusCode).toBe(422);
    const { error } = response.json();
    expect(error.code).toBe('unprocessable');
    expect(error.message).toContain('chưa có dữ liệu nào được ghi');
    expect(error.details.rows).toEqual([
      { row: 3, column: 'Họ và tên', message: 'Họ và tên không được để trống.' },
      { row: 4, column: 'Ngày sinh (dd/mm/yyyy)', message: expect.stringContaining('dd/mm/yyyy') },
      { row: 5, column: 'Giới tính (Nam/Nữ)', message: 'Giới tính phải là Nam hoặc Nữ.' },
      { row: 6, column: 'Loại lao động', message: expect.stringContaining('Biên chế') },
      { row: 7, column: 'Chi bộ', message: 'Đảng viên phải thuộc một chi bộ.' },
      { row: 8, column: 'Chức vụ Đảng', message: 'Chỉ đảng viên mới có chức vụ Đảng.' },
      { row: 9, column: 'Chi bộ', message: expect.stringContaining('Không tìm thấy chi bộ "Chi bộ B1"') },
      {
        row: 10,
        column: 'Mã',
        message: 'Mã "A-1" trùng với dòng 2 (không phân biệt hoa thường, dấu).',
      },
      { row: 11, column: 'Đảng viên (Có/Không)', message: 'Chỉ ghi Có hoặc Không.' },
    ]);
    expect(await peopleIn(tree.workplaces.wpA1)).toBe(before);
    expect(await auditCount()).toBe(audits);
  });

  it('lists at most a thousand errors of a file wrong on every row', async () => {
    const rows = Array.from({ length: 1_200 }, () => row({ type: 'Biên chế' }));
    const response = await uploadRoster(committee, tree.workplaces.wpA1, await rosterFile(rows));
    expect(response.statusCode).toBe(422);
    expect(response.json().error.message).toContain('1200 lỗi (liệt kê 1000 lỗi đầu tiên)');
    expect(response.json().error.details.rows).toHaveLength(1_000);
  });

  it('refuses a file without the required columns', async () => {
    const file = await rosterFile([['x']], ['Tên']);
    const response = await uploadRoster(committee, tree.workplaces.wpA1, file);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.rows.map((r: { column: string }) => r.column)).toEqual([
      'Họ và tên',
      'Loại lao động',
    ]);
  });

  it('imports a good file and the workplace turns from exempt to required', async () => {
    expect(await eligibility(tree.workplaces.wpA1)).toMatchObject({ countedMasses: 0, required: false });
    const response = await uploadRoster(committee, tree.workplaces.wpA1, goodFile);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ created: 8, updated: 0, unchanged: 0, total: 8 });
    expect(await eligibility(tree.workplaces.wpA1)).toEqual({
      countedMasses: 5,
      allMasses: 7,
      required: true,
      threshold: 5,
    });
    const listed = (
      await committee.get(`/api/v1/people?workplaceId=${tree.workplaces.wpA1}&pageSize=200`)
    ).json();
    const byName = new Map(listed.items.map((p: { fullName: string }) => [p.fullName, p]));
    expect(byName.get('Lê Văn Hùng')).toMatchObject({
      birthDate: '1985-06-15',
      gender: 'male',
      code: 'NV-002',
    });
    expect(byName.get('Kim Văn Sơn')).toMatchObject({ birthDate: '1990-04-03', employmentType: 'long_term' });
    expect(byName.get('Nguyễn Thị Lan')).toBeDefined();
    expect(byName.get('Thạch Thị Sa Rươne')).toMatchObject({ code: 'HD-01' });
    expect(byName.get('Huỳnh Văn Bé')).toMatchObject({ employmentType: 'line_worker' });
    expect(byName.get('Phạm Văn Đảng')).toMatchObject({
      isPartyMember: true,
      organizationId: tree.organizations.cellA1,
      isCommitteeMember: true,
      withOffice: true,
    });
    const summary = await context.database.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.action, 'roster.imported'));
    expect(summary).toHaveLength(1);
    expect(summary[0]!.changes).toMatchObject({ created: { to: 8 } });
  });

  it('changes nothing when the same file comes again, and updates only what differs', async () => {
    const audits = await auditCount();
    const again = await uploadRoster(committee, tree.workplaces.wpA1, goodFile);
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 8, total: 8 });
    expect(await auditCount()).toBe(audits);
    const edited = goodRows.map((each) => [...each]);
    edited[5]![4] = 'Tạp vụ';
    const changed = await uploadRoster(committee, tree.workplaces.wpA1, await rosterFile(edited));
    expect(changed.json()).toEqual({ created: 0, updated: 1, unchanged: 7, total: 8 });
    const partial = await uploadRoster(committee, tree.workplaces.wpA1, await rosterFile([edited[0]!]));
    expect(partial.json()).toEqual({ created: 0, updated: 0, unchanged: 1, total: 1 });
    expect(await peopleIn(tree.workplaces.wpA1)).toBe(8);
  });

  it('exports a workplace in the template order, with dates as dd/mm/yyyy, and imports it back unchanged', async () => {
    const response = await committee.get(`/api/v1/workplaces/${tree.workplaces.wpA1}/roster.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''");
    const sheet = (await readWorkbook(response.rawPayload)).getWorksheet('Danh sách')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...TEMPLATE_HEADERS, 'Cơ quan, đơn vị']);
    expect(sheet.actualRowCount).toBe(9);
    const dang = sheet.getRows(2, 8)!.find((r) => r.getCell(2).value === 'Phạm Văn Đảng')!;
    expect(dang.getCell(3).value).toBe('30/04/1975');
    expect(dang.getCell(8).value).toBe('Chi bộ A1');
    expect(dang.getCell(TEMPLATE_HEADERS.length + 1).value).toBe('Sở Thử A1');
    const back = await uploadRoster(committee, tree.workplaces.wpA1, response.rawPayload);
    expect(back.json()).toEqual({ created: 0, updated: 0, unchanged: 8, total: 8 });
  });

  it('writes cells that look like formulas neutralized (OWASP), and imports them back unchanged', async () => {
    const dangerous = {
      fullName: '=HYPERLINK("http://x.example","Bấm")',
      jobTitle: '+1+1',
      assignedDuty: '@SUM(A1:A9)',
      code: '-2',
    };
    const created = await committee.post('/api/v1/people', {
      workplaceId: tree.workplaces.wpA1,
      employmentType: 'short_term',
      isPartyMember: false,
      ...dangerous,
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await committee.get(`/api/v1/workplaces/${tree.workplaces.wpA1}/roster.xlsx`);
    const sheet = (await readWorkbook(response.rawPayload)).getWorksheet('Danh sách')!;
    const exported = sheet.getRows(2, sheet.actualRowCount - 1)!.find((r) => r.getCell(1).value === "'-2")!;
    for (const [column, value] of [
      [1, dangerous.code],
      [2, dangerous.fullName],
      [5, dangerous.jobTitle],
      [12, dangerous.assignedDuty],
    ] as const) {
      const cell = exported.getCell(column);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(`'${value}`);
    }
    const back = await uploadRoster(committee, tree.workplaces.wpA1, response.rawPayload);
    expect(back.json()).toEqual({ created: 0, updated: 0, unchanged: 9, total: 9 });
  });

  it("exports an organization's whole subtree with each person's workplace, within scope only", async () => {
    await tree.admin.post('/api/v1/people', {
      workplaceId: tree.workplaces.wpB1,
      fullName: 'Người ở B1',
      employmentType: 'permanent',
      isPartyMember: false,
    });
    const response = await tree.admin.get(`/api/v1/organizations/${tree.organizations.bloc}/roster.xlsx`);
    expect(response.statusCode).toBe(200);
    const sheet = (await readWorkbook(response.rawPayload)).getWorksheet('Danh sách')!;
    const workplaces = new Set(sheet.getColumn(TEMPLATE_HEADERS.length + 1).values.slice(2));
    expect(workplaces).toEqual(new Set(['Sở Thử A1', 'Sở Thử B1']));
    expect(
      (await committee.get(`/api/v1/organizations/${tree.organizations.bloc}/roster.xlsx`)).statusCode,
    ).toBe(403);
    expect((await member.get(`/api/v1/workplaces/${tree.workplaces.wpA1}/roster.xlsx`)).statusCode).toBe(403);
    expect(
      (await committee.get('/api/v1/workplaces/00000000-0000-4000-8000-000000000000/roster.xlsx')).statusCode,
    ).toBe(404);
  });

  it('lets only the keepers of the workplace import into it', async () => {
    expect((await uploadRoster(member, tree.workplaces.wpA1, goodFile)).statusCode).toBe(403);
    expect((await uploadRoster(committee, tree.workplaces.wpB1, goodFile)).statusCode).toBe(403);
    const unknown = await uploadRoster(committee, '00000000-0000-4000-8000-000000000000', goodFile);
    expect(unknown.statusCode).toBe(404);
    const wrongField = await uploadRoster(committee, tree.workplaces.wpA1, goodFile, { field: 'tep' });
    expect(wrongField.statusCode).toBe(400);
    const json = await committee.post(`/api/v1/workplaces/${tree.workplaces.wpA1}/roster-imports`, {});
    expect(json.statusCode).toBe(415);
  });

  it('refuses a file with a control character in a cell with a 400 naming the cell (issue 13)', async () => {
    // Excel writes a control character as _x0000_ in the XML, and exceljs decodes it back.
    const file = await rosterFile([
      row({ name: 'Nguyễn Văn An', type: 'Biên chế', member: 'Không' }),
      row({ name: 'Trần_x0000_Bình', type: 'Biên chế', member: 'Không' }),
    ]);
    const response = await uploadRoster(committee, tree.workplaces.wpA1, file);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe(
      'Ô B3 của trang "Danh sách" có ký tự điều khiển không hợp lệ (như ký tự NUL).',
    );
    expect(response.json().error.issues).toEqual([
      { path: 'file.Danh sách!B3', message: expect.stringContaining('ký tự điều khiển') },
    ]);
  });

  it('refuses files that are not spreadsheets', async () => {
    for (const content of [
      Buffer.from('Họ và tên;Loại lao động\nA;Biên chế\n'),
      handMadeZip([{ name: 'hello.txt', data: Buffer.from('xin chào') }]),
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
    ]) {
      const response = await uploadRoster(committee, tree.workplaces.wpA1, content);
      expect(response.statusCode).toBe(415);
      expect(response.json().error.message).toBe('Tệp không phải bảng tính Excel (.xlsx).');
    }
  });

  it('refuses a file over 10 MB', async () => {
    const response = await uploadRoster(
      committee,
      tree.workplaces.wpA1,
      Buffer.alloc(10 * 1_048_576 + 10, 1),
    );
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toBe('Tệp lớn hơn 10 MB.');
  });

  it('refuses zip bombs, honest or lying about their size, before reading them', async () => {
    const contentTypes = { name: '[Content_Types].xml', data: Buffer.from('<Types/>') };
    const workbook = { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') };
    const honest = handMadeZip([
      contentTypes,
      workbook,
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(40 * 1_048_576) },
    ]);
    const lying = handMadeZip([
      contentTypes,
      workbook,
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1_048_576), declaredSize: 1_000 },
    ]);
    const many = handMadeZip(
      Array.from({ length: 2_100 }, (_, index) => ({
        name: `xl/part${index}.xml`,
        data: Buffer.from('<a/>'),
      })),
    );
    for (const bomb of [honest, lying, many]) {
      expect(bomb.length).toBeLessThan(1_048_576);
      const response = await uploadRoster(committee, tree.workplaces.wpA1, bomb);
      expect(response.statusCode).toBe(415);
      expect(response.json().error.message).toBe('Tệp nén bất thường (có thể là zip bomb), không thể đọc.');
    }
  });
});
