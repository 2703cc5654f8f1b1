import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PreparedMeeting, prepareMeeting } from './meetings/test-support.js';
import { WORKPLACE_HEADER } from './people/roster-columns.js';
import { accountName, createTestContext, TestClient, type TestContext } from './test-support.js';

/**
 * Issue 13, "Done means" 3: names that look like formulas leave the app as text that stays text
 * (OWASP's CSV-injection rule: a leading apostrophe), in a roster, a year-end table, a report and
 * the progress table; numbers stay numbers.
 */
const CELL_NAME = '=HYPERLINK("http://evil","click")';
const WORKPLACE_NAME = '-2+3';
const PERSON_NAME = '@SUM(1+1)';
const JOB_TITLE = "+cmd|' /C calc'!A0";
const BASE_NAME = '@Đảng bộ cơ sở A';
const MEMBER_NAME = '+Trần Thị Chín';

describe('XLSX exports neutralize formula-looking text', () => {
  let context: TestContext;
  let prepared: PreparedMeeting;
  let board: TestClient;

  const workbookOf = async (client: TestClient, url: string) => {
    const response = await client.get(url);
    expect(response.statusCode, response.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))),
    );
    return workbook;
  };
  const rowWith = (sheet: ExcelJS.Worksheet, value: string) => {
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if ((row.values as unknown[]).includes(value)) found ??= row;
    });
    if (!found) throw new Error(`no row holds ${value}`);
    return found;
  };
  /** The column under a header, so a roster that gains columns keeps its checks. */
  const columnOf = (sheet: ExcelJS.Worksheet, header: string) => {
    let column = 0;
    sheet.eachRow((row) => {
      if (column) return;
      const index = (row.values as unknown[]).indexOf(header);
      if (index > 0) column = index;
    });
    if (!column) throw new Error(`no column headed ${header}`);
    return column;
  };

  beforeAll(async () => {
    context = await createTestContext();
    prepared = await prepareMeeting(context);
    const { admin, organizations, workplaces } = prepared.tree;
    board = await TestClient.signIn(context.app, accountName('organization-board', 'bloc'));
    for (const [id, name] of [
      [organizations.cellA1, CELL_NAME],
      [organizations.baseA, BASE_NAME],
    ] as const) {
      const organization = (await admin.get(`/api/v1/organizations/${id}`)).json();
      const renamed = await admin.patch(`/api/v1/organizations/${id}`, {
        version: organization.version,
        name,
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
    }
    const workplace = (await admin.get(`/api/v1/workplaces/${workplaces.wpA1}`)).json();
    const moved = await admin.patch(`/api/v1/workplaces/${workplaces.wpA1}`, {
      version: workplace.version,
      name: WORKPLACE_NAME,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const people = (await admin.get(`/api/v1/people?workplaceId=${workplaces.wpA1}&q=Quần chúng A1`)).json();
    const person = people.items[0];
    const edited = await admin.patch(`/api/v1/people/${person.id}`, {
      version: person.version,
      fullName: PERSON_NAME,
      jobTitle: JOB_TITLE,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const report = prepared.members.b.selfCriticismId;
    const header = (await prepared.committee.get(`/api/v1/self-criticisms/${report}`)).json();
    const renamedMember = await prepared.committee.patch(`/api/v1/self-criticisms/${report}/header`, {
      version: header.version,
      fullName: MEMBER_NAME,
    });
    expect(renamedMember.statusCode, renamedMember.body).toBe(200);
  });
  afterAll(() => context.close());

  it('a roster: names, job titles, the cell and the workplace', async () => {
    const workbook = await workbookOf(
      prepared.committee,
      `/api/v1/workplaces/${prepared.tree.workplaces.wpA1}/roster.xlsx`,
    );
    const sheet = workbook.getWorksheet('Danh sách')!;
    const row = rowWith(sheet, `'${PERSON_NAME}`);
    expect(row.getCell(columnOf(sheet, 'Chức danh')).value).toBe(`'${JOB_TITLE}`);
    expect(row.getCell(columnOf(sheet, WORKPLACE_HEADER)).value).toBe(`'${WORKPLACE_NAME}`);
    const member = rowWith(sheet, 'Nguyễn Văn Tám');
    expect(member.getCell(columnOf(sheet, 'Chi bộ')).value).toBe(`'${CELL_NAME}`);
  });

  it('the year-end tables: member and organization rows, counts still numbers', async () => {
    const base = `/api/v1/plans/${prepared.planId}/year-end`;
    const members = await workbookOf(board, `${base}/members.xlsx`);
    const member = rowWith(members.getWorksheet('Đảng viên')!, `'${MEMBER_NAME}`);
    expect(member.getCell(2).value).toBe('Chi bộ A1');
    expect(member.getCell(7).value).toBe(0);
    const ranking = await workbookOf(board, `${base}/organizations.xlsx`);
    const cell = rowWith(ranking.getWorksheet('Tổ chức')!, `'${CELL_NAME}`);
    expect(cell.getCell(1).value).toBe(1);
    expect(typeof cell.getCell(4).value).toBe('number');
  });

  it("a report's figures: the child organization's name, figures still numbers", async () => {
    const { bloc } = prepared.tree.organizations;
    const report = await board.get(`/api/v1/plans/${prepared.planId}/organizations/${bloc}/report`);
    expect(report.statusCode, report.body).toBe(200);
    const workbook = await workbookOf(board, `/api/v1/reports/${report.json().id}/figures.xlsx`);
    const child = rowWith(workbook.getWorksheet('Tổ chức trực thuộc')!, `'${BASE_NAME}`);
    expect(typeof child.getCell(5).value).toBe('number');
  });

  it('the progress table', async () => {
    const workbook = await workbookOf(
      board,
      `/api/v1/plans/${prepared.planId}/progress.xlsx?organizationId=${prepared.tree.organizations.bloc}`,
    );
    const child = rowWith(workbook.getWorksheet('Tiến độ')!, `'${BASE_NAME}`);
    expect(child.getCell(3).value).toBe(1);
  });
});
