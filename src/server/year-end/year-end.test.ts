import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { YearEndMembersPage, YearEndOrganizations } from '../../contract/year-end.js';
import {
  accounts,
  auditEntries,
  compilationPoints,
  compilations,
  feedback,
  feedbackForms,
  meetings,
  remediationItems,
  reports,
} from '../../db/schema/index.js';
import { type PreparedMeeting, prepareMeeting } from '../meetings/test-support.js';
import { accountName, createTestContext, TestClient, type TestContext } from '../test-support.js';
import { HEADER_ROW, MEMBER_HEADERS, ORGANIZATION_HEADERS } from './workbooks.js';

const HOSTILE_SHORTCOMING = '=HYPERLINK("http://x","bấm")';

describe('year-end results of members and organizations', () => {
  let context: TestContext;
  let prepared: PreparedMeeting;
  let board: TestClient;
  let meetingUrl: string;
  let base: string;

  const opinion = (selfCriticismId: string, area: string, kind: string) => ({
    id: crypto.randomUUID(),
    selfCriticismId,
    area,
    kind,
    text: 'Ý kiến của quần chúng.',
    speakerName: null,
    dissenting: false,
  });
  const meetingVersion = async () => (await prepared.committee.get(meetingUrl)).json().version as number;
  const moveTo = async (step: string) => {
    const moved = await prepared.secretary.client.put(`${meetingUrl}/agenda`, {
      step,
      version: await meetingVersion(),
    });
    if (moved.statusCode !== 200) throw new Error(`agenda ${step}: ${moved.body}`);
  };
  const members = async (client: TestClient, query = '') =>
    client.get(`${base}/members${query ? `?${query}` : ''}`);

  beforeAll(async () => {
    context = await createTestContext();
    prepared = await prepareMeeting(context);
    const { db } = context.database;
    meetingUrl = `/api/v1/meetings/${prepared.meetingId}`;
    base = `/api/v1/plans/${prepared.planId}/year-end`;
    board = await TestClient.signIn(context.app, accountName('organization-board', 'bloc'));
    const { a, b } = prepared.members;

    const attendance = await prepared.committee.put(`${meetingUrl}/attendance`, {
      version: await meetingVersion(),
      members: [
        { selfCriticismId: a.selfCriticismId, present: true },
        {
          selfCriticismId: b.selfCriticismId,
          present: false,
          absenceReason: 'Nghỉ không báo trước',
          absenceReasonValid: false,
        },
      ],
      massesPresent: 6,
      massesPresentNames: [],
    });
    expect(attendance.statusCode, attendance.body).toBe(200);
    await moveTo('opening');
    for (const [target, area, kind] of [
      [a.selfCriticismId, 'duties', 'strength'],
      [a.selfCriticismId, 'ethicsLifestyle', 'strength'],
      [a.selfCriticismId, 'discipline', 'shortcoming'],
      [a.selfCriticismId, 'proposals', 'proposal'],
      [b.selfCriticismId, 'duties', 'shortcoming'],
    ] as const) {
      const posted = await prepared.secretary.client.post(
        `${meetingUrl}/feedback`,
        opinion(target, area, kind),
      );
      expect(posted.statusCode, posted.body).toBe(201);
    }
    await moveTo('content');
    await moveTo('closing');
    await moveTo('done');
    // Vietnam day 15/11, the deadline day itself (16:30 UTC is 23:30 in Vietnam).
    await db
      .update(meetings)
      .set({ heldAt: new Date('2026-11-15T16:30:00Z') })
      .where(eq(meetings.id, prepared.meetingId));

    // A phone form about member A, in a window still open: not counted until it closes (S6).
    await db
      .update(meetings)
      .set({ formWindowOpenedAt: new Date('2026-11-10T04:30:00Z'), formWindowEndsAt: new Date('2099-01-01') })
      .where(eq(meetings.id, prepared.meetingId));
    const [phoneForm] = await db
      .insert(feedbackForms)
      .values({
        meetingId: prepared.meetingId,
        selfCriticismId: a.selfCriticismId,
        channel: 'phone',
        submittedOn: '2026-11-10',
      })
      .returning();
    await db.insert(feedback).values({
      id: crypto.randomUUID(),
      meetingId: prepared.meetingId,
      selfCriticismId: a.selfCriticismId,
      formId: phoneForm!.id,
      channel: 'phone',
      area: 'duties',
      kind: 'shortcoming',
      text: 'Ý kiến qua điện thoại.',
    });

    const [committeeAccount] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.username, accountName('committee', 'cellA1')));
    const [compilation] = await db
      .insert(compilations)
      .values({
        meetingId: prepared.meetingId,
        status: 'final',
        finalizedAt: new Date(),
        finalizedBy: committeeAccount!.id,
      })
      .returning();
    const point = (position: number, fields: Partial<typeof compilationPoints.$inferInsert>) => ({
      compilationId: compilation!.id,
      selfCriticismId: a.selfCriticismId,
      area: 'discipline',
      kind: 'shortcoming',
      text: `Điểm ${position}`,
      responsibility: 'individual',
      responsibleSelfCriticismId: a.selfCriticismId,
      conclusion: 'accepted',
      position,
      ...fields,
    });
    const [accepted] = await db
      .insert(compilationPoints)
      .values([
        point(1, { text: 'Đi họp chưa đúng giờ' }),
        point(2, { text: HOSTILE_SHORTCOMING }),
        point(3, { conclusion: 'explained', explanation: 'Đồng chí đi công tác theo phân công.' }),
        point(4, { kind: 'strength', area: 'duties' }),
        point(5, { responsibility: 'collective', responsibleSelfCriticismId: null, selfCriticismId: null }),
      ])
      .returning();
    const item = (fields: Partial<typeof remediationItems.$inferInsert>) => ({
      compilationId: compilation!.id,
      pointId: accepted!.id,
      action: 'Chấp hành giờ giấc',
      responsibleKind: 'member',
      responsibleSelfCriticismId: a.selfCriticismId,
      deadline: '2099-12-31',
      createdBy: committeeAccount!.id,
      ...fields,
    });
    await db.insert(remediationItems).values([
      item({ status: 'done', doneAt: new Date() }),
      item({ status: 'in_progress' }),
      item({ status: 'open', deadline: '2026-01-31' }),
      item({
        responsibleKind: 'organization',
        responsibleSelfCriticismId: null,
        responsibleOrganizationId: prepared.tree.organizations.cellA1,
        status: 'done',
        doneAt: new Date(),
      }),
    ]);
    const report = (organizationId: string, fields: Partial<typeof reports.$inferInsert>) => ({
      planId: prepared.planId,
      organizationId,
      recipientOrganizationId: prepared.tree.organizations.bloc,
      dueOn: '2026-11-20',
      ...fields,
    });
    await db.insert(reports).values([
      report(prepared.tree.organizations.cellA1, {
        status: 'submitted',
        submittedAt: new Date('2026-11-21T02:00:00Z'),
        submittedOn: '2026-11-21',
        figures: {},
        timeliness: 'late',
      }),
      report(prepared.tree.organizations.cellB1, { dueOn: '2026-11-19' }),
    ]);
  });
  afterAll(() => context.close());

  it("lists each member's participation, opinions by kind, accepted shortcomings and remediation", async () => {
    const response = await members(board);
    expect(response.statusCode, response.body).toBe(200);
    const page: YearEndMembersPage = response.json();
    expect(page).toMatchObject({ total: 2, page: 1, organization: { id: prepared.tree.organizations.bloc } });
    expect(page.items).toEqual([
      {
        selfCriticismId: prepared.members.a.selfCriticismId,
        fullName: 'Nguyễn Văn Tám',
        cellName: 'Chi bộ A1',
        workplaceName: 'Sở Thử A1',
        template: 'with_office',
        participation: 'present',
        absenceReason: null,
        opinions: { strength: 2, shortcoming: 1, proposal: 1 },
        shortcomings: ['Đi họp chưa đúng giờ', HOSTILE_SHORTCOMING],
        remediation: { done: 1, open: 1, overdue: 1 },
      },
      expect.objectContaining({
        fullName: 'Trần Thị Chín',
        participation: 'absent_invalid',
        absenceReason: 'Nghỉ không báo trước',
        opinions: { strength: 0, shortcoming: 1, proposal: 0 },
        shortcomings: [],
        remediation: { done: 0, open: 0, overdue: 0 },
      }),
    ]);
  });

  it('counts phone opinions only once the form window is closed', async () => {
    await context.database.db
      .update(meetings)
      .set({ formWindowClosedAt: new Date() })
      .where(eq(meetings.id, prepared.meetingId));
    const page: YearEndMembersPage = (await members(board)).json();
    expect(page.items[0]!.opinions).toEqual({ strength: 2, shortcoming: 2, proposal: 1 });
  });

  it('pages the members', async () => {
    const page: YearEndMembersPage = (await members(board, 'page=2&pageSize=1')).json();
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.items.map((item) => item.fullName)).toEqual(['Trần Thị Chín']);
  });

  it('ranks the organizations that hold workplaces, with meetings, report, coverage and remediation', async () => {
    const response = await board.get(`${base}/organizations`);
    expect(response.statusCode, response.body).toBe(200);
    const ranking: YearEndOrganizations = response.json();
    const byId = (id: string) => ranking.items.find((item) => item.organization.id === id);
    expect(byId(prepared.tree.organizations.cellA1)).toEqual({
      rank: expect.any(Number),
      organization: { id: prepared.tree.organizations.cellA1, name: 'Chi bộ A1', kind: 'cell' },
      required: 1,
      held: 1,
      coveragePercent: 100,
      meetings: { standing: 'on_time', dueOn: '2026-11-15', heldLate: 0 },
      report: { standing: 'late', dueOn: '2026-11-20', submittedOn: '2026-11-21' },
      onTimeDeadlines: 1,
      remediation: { total: 4, done: 2, overdue: 1, completionPercent: 50 },
    });
    expect(byId(prepared.tree.organizations.cellB1)).toMatchObject({
      organization: expect.objectContaining({ name: 'Chi bộ B1' }),
      required: 0,
      coveragePercent: null,
      meetings: { standing: 'none', dueOn: '2026-11-15', heldLate: 0 },
      report: { standing: 'missing', dueOn: '2026-11-19', submittedOn: null },
    });
    // Issue 11: a base with only cells below is ranked over the workplaces anywhere below it, and so
    // is the bloc; a base whose workplaces below need no meeting is not.
    expect(byId(prepared.tree.organizations.baseA)).toMatchObject({
      organization: { name: 'Đảng bộ cơ sở A', kind: 'base' },
      required: 1,
      held: 1,
      coveragePercent: 100,
      remediation: { total: 4, done: 2, overdue: 1, completionPercent: 50 },
    });
    expect(byId(prepared.tree.organizations.bloc)).toMatchObject({ required: 1, held: 1 });
    expect(byId(prepared.tree.organizations.baseB)).toBeUndefined();
    // Ties share a rank: the three with the same standing come first together, Chi bộ B1 last.
    expect(ranking.items.map((item) => item.rank)).toEqual([1, 1, 1, 4]);
    expect(ranking.items[3]!.organization.id).toBe(prepared.tree.organizations.cellB1);
  });

  it("judges a meeting late by the Vietnam day it was held, not UTC's", async () => {
    await context.database.db
      .update(meetings)
      .set({ heldAt: new Date('2026-11-15T17:30:00Z') })
      .where(eq(meetings.id, prepared.meetingId));
    const ranking: YearEndOrganizations = (await board.get(`${base}/organizations`)).json();
    const cell = ranking.items.find((item) => item.organization.id === prepared.tree.organizations.cellA1)!;
    expect(cell.meetings).toEqual({ standing: 'late', dueOn: '2026-11-15', heldLate: 1 });
    expect(cell.onTimeDeadlines).toBe(0);
  });

  it('exports the members as XLSX: Vietnamese headers, values, a frozen header row, no formulas', async () => {
    const response = await board.get(`${base}/members.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Đảng viên')!;
    expect(sheet.getRow(HEADER_ROW).values).toEqual([undefined, ...MEMBER_HEADERS]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(String(sheet.getCell('A3').value)).toContain('Đảng bộ Khối Thử');
    expect(sheet.getRow(HEADER_ROW + 1).values).toEqual([
      undefined,
      'Nguyễn Văn Tám',
      'Chi bộ A1',
      'Sở Thử A1',
      'Đảng viên có chức vụ',
      'Có mặt',
      '',
      2,
      2,
      1,
      2,
      `• Đi họp chưa đúng giờ\n• ${HOSTILE_SHORTCOMING}`,
      1,
      1,
      1,
    ]);
    expect(sheet.getRow(HEADER_ROW + 2).getCell(5).value).toBe('Vắng mặt không có lý do chính đáng');
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      }),
    );
    const audits = await context.database.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.action, 'year-end.members.export'));
    expect(audits).toHaveLength(1);
  });

  it('exports the ranking as XLSX with dates as dd/mm/yyyy', async () => {
    const response = await board.get(`${base}/organizations.xlsx`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Tổ chức')!;
    expect(sheet.getRow(HEADER_ROW).values).toEqual([undefined, ...ORGANIZATION_HEADERS]);
    const first = sheet.getRow(HEADER_ROW + 1);
    expect([first.getCell(1).value, first.getCell(2).value, first.getCell(6).value]).toEqual([
      1,
      'Chi bộ A1',
      100,
    ]);
    expect([first.getCell(7).value, first.getCell(8).value]).toEqual(['15/11/2026', 'Trễ hạn']);
    expect([first.getCell(10).value, first.getCell(11).value]).toEqual(['Trễ hạn', '21/11/2026']);
    expect(sheet.getRow(HEADER_ROW + 2).getCell(10).value).toBe('Chưa thực hiện');
  });

  it("opens on a cell committee's own cell and keeps it out of a sibling (403)", async () => {
    const own: YearEndMembersPage = (await members(prepared.committee)).json();
    expect(own.organization.id).toBe(prepared.tree.organizations.cellA1);
    expect(own.total).toBe(2);
    const other = await TestClient.signIn(context.app, accountName('committee', 'cellB1'));
    const refused = await members(other, `organizationId=${prepared.tree.organizations.cellA1}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('không có quyền');
    const ownCell: YearEndOrganizations = (await other.get(`${base}/organizations`)).json();
    expect(ownCell.items.map((item) => item.organization.name)).toEqual(['Chi bộ B1']);
    const noMembers: YearEndMembersPage = (await members(other)).json();
    expect(noMembers.items).toEqual([]);
  });

  it('refuses members, non-members and the secretary (403), with a Vietnamese message', async () => {
    for (const client of [prepared.members.a.client, prepared.nonMember.client, prepared.secretary.client]) {
      for (const url of [`${base}/members`, `${base}/organizations`, `${base}/members.xlsx`]) {
        const response = await client.get(url);
        expect(response.statusCode, url).toBe(403);
        expect(response.json().error.message).toContain('không có quyền');
      }
    }
  });

  it('answers an unknown plan with 404 and an organization outside the plan with 422', async () => {
    const unknown = await board.get(`/api/v1/plans/${crypto.randomUUID()}/year-end/organizations`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain('kế hoạch');
    const outside = await prepared.tree.admin.get(
      `${base}/members?organizationId=${prepared.tree.organizations.root}`,
    );
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.message).toBe('Tổ chức này không thuộc phạm vi của kế hoạch.');
    const above = await board.get(`${base}/members?organizationId=${prepared.tree.organizations.root}`);
    expect(above.statusCode).toBe(403);
  });
});
