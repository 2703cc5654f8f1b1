import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handMadeZip, readWorkbook } from '../people/roster-fixtures.js';
import {
  accountName,
  createTestContext,
  seedScopeTree,
  TestClient,
  type TestContext,
} from '../test-support.js';
import {
  applyWorkbookJob,
  previewWorkbook,
  provinceFile,
  settled,
  uploadWorkbook,
} from './workbook-fixtures.js';

const tree3 = {
  organizations: [
    { code: 'DB-SYT', name: 'Đảng bộ Sở Y tế', kind: 'Đảng bộ cơ sở', parentCode: '' },
    { code: 'CB-VP', name: 'Chi bộ Văn phòng', kind: 'Chi bộ trực thuộc', parentCode: 'DB-SYT' },
  ],
  workplaces: [{ code: 'CQ-VP', name: 'Văn phòng Sở Y tế', organizationCode: 'CB-VP', address: 'Số 1' }],
  people: [
    {
      staffCode: 'NV-001',
      partyCardNumber: '79001',
      fullName: 'Nguyễn Văn Tám',
      birthDate: '30/04/1975',
      gender: 'Nam',
      workplaceCode: 'CQ-VP',
      employmentType: 'Biên chế',
      isPartyMember: 'Có',
      cellCode: 'CB-VP',
      partyOffice: 'Bí thư chi bộ',
      startedOn: '01/09/2010',
    },
    {
      staffCode: 'NV-002',
      fullName: 'Trần Thị Chín',
      birthDate: '02/03/1990',
      gender: 'Nữ',
      workplaceCode: 'CQ-VP',
      employmentType: 'Hợp đồng dài hạn',
      isPartyMember: 'Không',
    },
  ],
};

describe('province workbook import (issue 16)', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let adminA: TestClient;
  let committee: TestClient;

  const countOf = async (table: string) => {
    const { rows } = (await context.database.db.execute(
      `select count(*)::int as n from ${table}` as never,
    )) as unknown as {
      rows: { n: number }[];
    };
    return rows[0]!.n;
  };
  const counts = async () => ({
    organizations: await countOf('organizations'),
    workplaces: await countOf('workplaces'),
    people: await countOf('people'),
  });

  beforeAll(async () => {
    context = await createTestContext();
    tree = await seedScopeTree(context, [
      { role: 'administrator', at: 'baseA' },
      { role: 'committee', at: 'cellA1' },
    ]);
    adminA = await TestClient.signIn(context.app, accountName('administrator', 'baseA'));
    committee = await TestClient.signIn(context.app, accountName('committee', 'cellA1'));
  });
  afterAll(() => context?.close());

  it('gives a template with Vietnamese sheets, headers and guide', async () => {
    const response = await adminA.get('/api/v1/province-workbook/template');
    expect(response.statusCode).toBe(200);
    const workbook = await readWorkbook(response.rawPayload);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Tổ chức đảng',
      'Cơ quan, đơn vị',
      'Nhân sự',
      'Hướng dẫn',
    ]);
    expect(workbook.getWorksheet('Nhân sự')!.getRow(1).values).toEqual(
      expect.arrayContaining([
        'Mã nhân sự',
        'Số thẻ đảng viên',
        'Họ và tên',
        'Mã cơ quan, đơn vị',
        'Mã chi bộ',
      ]),
    );
    expect(JSON.stringify(workbook.getWorksheet('Hướng dẫn')!.getSheetValues())).toContain('vòng lặp');
  });

  it('previews without writing, then applies all of it; re-import updates by codes and shows the difference', async () => {
    const before = await counts();
    const preview = await previewWorkbook(adminA, tree.organizations.baseA, await provinceFile(tree3));
    expect(preview.state).toBe('ready');
    expect(preview.preview!.errors).toEqual([]);
    expect(preview.preview!.counts).toEqual({
      organizations: { create: 2, update: 0, unchanged: 0 },
      workplaces: { create: 1, update: 0, unchanged: 0 },
      people: { create: 2, update: 0, unchanged: 0 },
    });
    expect(await counts()).toEqual(before);

    const applied = await applyWorkbookJob(adminA, preview.id);
    expect(applied.state).toBe('applied');
    expect(await counts()).toEqual({
      organizations: before.organizations + 2,
      workplaces: before.workplaces + 1,
      people: before.people + 2,
    });
    const again = await adminA.post(`/api/v1/province-imports/${preview.id}/apply`);
    expect(again.statusCode).toBe(409);

    const people = await adminA.get(`/api/v1/people?organizationId=${tree.organizations.baseA}&pageSize=50`);
    const tam = people.json().items.find((item: { fullName: string }) => item.fullName === 'Nguyễn Văn Tám');
    expect(tam).toMatchObject({ isPartyMember: true, partyOffice: 'Bí thư chi bộ', startedOn: '2010-09-01' });

    // Re-import an edited workbook: one name changed, a person leaves, nothing duplicated.
    const edited = structuredClone(tree3);
    edited.organizations[1]!.name = 'Chi bộ Văn phòng Sở';
    Object.assign(edited.people[1]!, { leftOn: '01/01/2025', leavingReason: 'Nghỉ hưu' });
    const second = await previewWorkbook(adminA, tree.organizations.baseA, await provinceFile(edited));
    expect(second.preview!.counts).toEqual({
      organizations: { create: 0, update: 1, unchanged: 1 },
      workplaces: { create: 0, update: 0, unchanged: 1 },
      people: { create: 0, update: 1, unchanged: 1 },
    });
    expect(second.preview!.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sheet: 'Tổ chức đảng',
          code: 'CB-VP',
          action: 'update',
          fields: [{ column: 'Tên tổ chức đảng', from: 'Chi bộ Văn phòng', to: 'Chi bộ Văn phòng Sở' }],
        }),
        expect.objectContaining({
          sheet: 'Nhân sự',
          code: 'NV-002',
          fields: expect.arrayContaining([
            expect.objectContaining({ column: 'Ngày nghỉ việc (dd/mm/yyyy)', to: '2025-01-01' }),
          ]),
        }),
      ]),
    );
    const secondApplied = await applyWorkbookJob(adminA, second.id);
    expect(secondApplied.failure).toBeNull();
    expect(secondApplied.state).toBe('applied');
    expect((await counts()).people).toBe(before.people + 2);
  });

  it('exports the subtree to the same workbook, and importing it back changes nothing', async () => {
    const exported = await adminA.get(
      `/api/v1/organizations/${tree.organizations.baseA}/province-workbook.xlsx`,
    );
    expect(exported.statusCode).toBe(200);
    const workbook = await readWorkbook(exported.rawPayload);
    expect(workbook.getWorksheet('Nhân sự')!.rowCount).toBeGreaterThanOrEqual(3);
    // The first round stores the codes the export gave to organizations made before codes existed.
    const first = await previewWorkbook(adminA, tree.organizations.baseA, exported.rawPayload);
    expect(first.failure ?? null, JSON.stringify(first)).toBeNull();
    expect(first.preview!.errors).toEqual([]);
    expect(first.preview!.counts.people.create).toBe(0);
    await applyWorkbookJob(adminA, first.id);
    const again = await adminA.get(
      `/api/v1/organizations/${tree.organizations.baseA}/province-workbook.xlsx`,
    );
    const round = await previewWorkbook(adminA, tree.organizations.baseA, again.rawPayload);
    const { counts: c } = round.preview!;
    expect([
      c.organizations.create + c.organizations.update,
      c.workplaces.create + c.workplaces.update,
    ]).toEqual([0, 0]);
    expect(c.people.create + c.people.update).toBe(0);
    expect(c.people.unchanged).toBeGreaterThanOrEqual(2);
  });

  it('lists every error by sheet, row and column, and refuses to apply', async () => {
    const before = await counts();
    const file = await provinceFile({
      organizations: [
        { code: 'X1', name: 'Chi bộ X1', kind: 'Chi bộ trực thuộc', parentCode: 'X2' },
        { code: 'X2', name: 'Chi bộ X2', kind: 'Chi bộ trực thuộc', parentCode: 'X1' },
        { code: 'X3', name: 'Chi bộ X3', kind: 'Chi bộ trực thuộc', parentCode: 'KHONG-CO' },
        { code: 'CB-VP', name: 'Trùng', kind: 'Chi bộ trực thuộc', parentCode: '' },
        { code: 'cb-vp', name: 'Trùng nữa', kind: 'Chi bộ trực thuộc', parentCode: '' },
      ],
      workplaces: [],
      people: [
        {
          staffCode: 'NV-009',
          partyCardNumber: '79001',
          fullName: 'Lê Văn Mười',
          workplaceCode: 'CQ-VP',
          employmentType: 'Biên chế',
          isPartyMember: 'Có',
          cellCode: 'CB-VP',
        },
        {
          staffCode: 'NV-010',
          fullName: 'Lê Văn Một',
          birthDate: '31/02/1990',
          workplaceCode: 'CQ-VP',
          employmentType: 'Biên chế',
        },
      ],
    });
    const job = await previewWorkbook(adminA, tree.organizations.baseA, file);
    expect(job.state).toBe('ready');
    const errors = job.preview!.errors.map((error) => `${error.sheet}|${error.row}|${error.column}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        'Tổ chức đảng|2|Mã tổ chức cấp trên',
        'Tổ chức đảng|3|Mã tổ chức cấp trên',
        'Tổ chức đảng|4|Mã tổ chức cấp trên',
        'Tổ chức đảng|6|Mã tổ chức',
        'Nhân sự|2|Số thẻ đảng viên',
        'Nhân sự|3|Ngày sinh (dd/mm/yyyy)',
      ]),
    );
    const refused = await adminA.post(`/api/v1/province-imports/${job.id}/apply`);
    expect(refused.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it('is delegated: an administrator of base A imports into A only; others may not import', async () => {
    const intoB = await uploadWorkbook(adminA, tree.organizations.baseB, await provinceFile(tree3));
    expect(intoB.statusCode).toBe(403);
    const byCommittee = await uploadWorkbook(committee, tree.organizations.cellA1, await provinceFile(tree3));
    expect(byCommittee.statusCode).toBe(403);
    const exportB = await adminA.get(
      `/api/v1/organizations/${tree.organizations.baseB}/province-workbook.xlsx`,
    );
    expect(exportB.statusCode).toBe(403);
    // Another account cannot read or apply someone else's import.
    const mine = await previewWorkbook(adminA, tree.organizations.baseA, await provinceFile(tree3));
    expect((await tree.admin.get(`/api/v1/province-imports/${mine.id}`)).statusCode).toBe(404);
    expect((await tree.admin.post(`/api/v1/province-imports/${mine.id}/apply`)).statusCode).toBe(404);
    // A code held outside A's subtree is not taken over.
    const rootTree = await previewWorkbook(tree.admin, tree.organizations.baseB, await provinceFile(tree3));
    expect(rootTree.preview!.errors.map((error) => error.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('ngoài phạm vi')]),
    );
  });

  describe('hostile files get a clear Vietnamese message and write nothing', () => {
    const failure = async (content: Buffer) => {
      const response = await uploadWorkbook(adminA, tree.organizations.baseA, content);
      if (response.statusCode !== 202)
        return { status: response.statusCode, message: response.json().error.message as string, errors: [] };
      const job = await settled(adminA, response.json().id);
      return {
        status: job.state,
        message: job.failure?.message ?? '',
        errors: [...(job.failure?.errors ?? []), ...(job.preview?.errors ?? [])],
      };
    };

    it('formulas, NUL and 100 000-character cells are errors of their cells', async () => {
      const before = await counts();
      const file = await provinceFile({
        organizations: [
          { code: 'F1', name: { formula: '"Chi bộ "&"F1"', result: 'Chi bộ F1' }, kind: 'Chi bộ trực thuộc' },
          { code: 'F2', name: 'Chi bộ_x0000_F2', kind: 'Chi bộ trực thuộc' },
          { code: 'F3', name: 'x'.repeat(100_000), kind: 'Chi bộ trực thuộc' },
        ],
      });
      const result = await failure(file);
      expect(result.errors.map((error) => `${error.row}|${error.column}|${error.message}`)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^2\|Tên tổ chức đảng\|Ô B2 chứa công thức/),
          expect.stringMatching(/^3\|Tên tổ chức đảng\|.*ký tự điều khiển/),
          expect.stringMatching(/^4\|Tên tổ chức đảng\|.*100000 ký tự, quá 500/),
        ]),
      );
      expect(
        (
          await adminA.post(
            `/api/v1/province-imports/${(await uploadWorkbook(adminA, tree.organizations.baseA, file)).json().id}/apply`,
          )
        ).statusCode,
      ).toBe(409);
      expect(await counts()).toEqual(before);
    });

    it('a zip bomb, a non-spreadsheet and a sheet of a million empty rows are refused whole', async () => {
      const before = await counts();
      const bomb = handMadeZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(40 * 1_048_576) },
      ]);
      expect(await failure(bomb)).toMatchObject({
        status: 415,
        message: 'Tệp nén bất thường (có thể là zip bomb), không thể đọc.',
      });
      expect(await failure(Buffer.from('Mã;Tên\n1;2'))).toMatchObject({
        status: 415,
        message: 'Tệp không phải bảng tính Excel (.xlsx).',
      });

      const zip = await JSZip.loadAsync(await provinceFile({ people: [] }));
      const sheetPath = Object.keys(zip.files).find((name) => /sheet3\.xml$/.test(name))!;
      const xml = await zip.file(sheetPath)!.async('string');
      const emptyRows = Array.from({ length: 1_000_000 }, (_, index) => `<row r="${index + 2}"/>`).join('');
      zip.file(sheetPath, xml.replace('</sheetData>', `${emptyRows}</sheetData>`));
      const million = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
      const result = await failure(million);
      expect(result.message).toMatch(/quá nhiều dòng|zip bomb/);
      expect(await counts()).toEqual(before);
    });
  });
});
