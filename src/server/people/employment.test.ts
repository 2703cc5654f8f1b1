import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../db/schema/index.js';
import {
  accountName,
  addPerson,
  createTestContext,
  publishPlanFromTemplate,
  seedScopeTree,
  TestClient,
  type TestContext,
} from '../test-support.js';
import { readWorkbook, rosterFile, TEMPLATE_HEADERS, uploadRoster } from './roster-fixtures.js';

/** Issue 11, Done means 1 and 2: people who leave, and duplicates, through the API. */
describe('rosters: employment periods and duplicates', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let committee: TestClient;
  let bloc: TestClient;

  const person = async (id: string) => (await committee.get(`/api/v1/people/${id}`)).json();
  const eligibility = async (workplaceId: string) =>
    (await committee.get(`/api/v1/workplaces/${workplaceId}`)).json().eligibility;
  const leave = (id: string, version: number, leftOn: string, leavingReason: string) =>
    committee.post(`/api/v1/people/${id}/leaving`, { version, leftOn, leavingReason });
  const column = (key: string) => TEMPLATE_HEADERS.findIndex((header) => header.startsWith(key));
  /** A roster row in the template's columns, from the header's first words to the value. */
  const rosterRow = (values: Record<string, string>) => {
    const cells: (string | null)[] = TEMPLATE_HEADERS.map(() => null);
    for (const [key, value] of Object.entries(values)) cells[column(key)] = value;
    return cells;
  };

  beforeAll(async () => {
    context = await createTestContext();
    tree = await seedScopeTree(context, [
      { role: 'committee', at: 'cellA1' },
      { role: 'committee', at: 'bloc' },
    ]);
    committee = await TestClient.signIn(context.app, accountName('committee', 'cellA1'));
    bloc = await TestClient.signIn(context.app, accountName('committee', 'bloc'));
  });
  afterAll(() => context.close());

  describe('leaving', () => {
    let id: string;

    it('records a start day, then a leaving with its day and reason; the person stays, uncounted', async () => {
      const created = await committee.post('/api/v1/people', {
        workplaceId: tree.workplaces.wpA1,
        fullName: 'Lý Thị Nghỉ',
        employmentType: 'permanent',
        isPartyMember: false,
        startedOn: '2010-09-01',
      });
      expect(created.statusCode, created.body).toBe(201);
      id = created.json().id;
      expect(created.json()).toMatchObject({
        startedOn: '2010-09-01',
        leftOn: null,
        employedNow: true,
        countedMass: true,
      });
      const counted = (await eligibility(tree.workplaces.wpA1)).countedMasses;

      const left = await leave(id, created.json().version, '2026-06-30', 'Nghỉ hưu');
      expect(left.statusCode, left.body).toBe(200);
      expect(left.json()).toMatchObject({
        startedOn: '2010-09-01',
        leftOn: '2026-06-30',
        leavingReason: 'Nghỉ hưu',
        employedNow: false,
        countedMass: false,
        periods: [{ startedOn: '2010-09-01', leftOn: '2026-06-30', leavingReason: 'Nghỉ hưu' }],
      });
      expect((await eligibility(tree.workplaces.wpA1)).countedMasses).toBe(counted - 1);
      const listed = async (employment: string) =>
        (await committee.get(`/api/v1/people?workplaceId=${tree.workplaces.wpA1}&employment=${employment}`))
          .json()
          .items.map((each: { id: string }) => each.id);
      expect(await listed('left')).toContain(id);
      expect(await listed('current')).not.toContain(id);
      const audit = await context.database.db
        .select()
        .from(auditEntries)
        .where(and(eq(auditEntries.targetId, id), eq(auditEntries.action, 'person.left')));
      expect(audit[0]?.changes).toMatchObject({
        leftOn: { to: '2026-06-30' },
        leavingReason: { to: 'Nghỉ hưu' },
      });
    });

    it('refuses a second leaving, a leaving without reason and one before the start, naming the field', async () => {
      const current = await person(id);
      const twice = await leave(id, current.version, '2026-07-01', 'Thôi việc');
      expect(twice.statusCode).toBe(400);
      expect(twice.json().error.issues[0]).toMatchObject({
        path: 'body.leftOn',
        message: 'Người này đã được ghi nhận nghỉ việc.',
      });
      const other = await addPerson(committee, tree.workplaces.wpA1, {
        fullName: 'Đào Văn Sớm',
        isPartyMember: false,
        startedOn: '2026-01-05',
      });
      const early = await leave(other, 1, '2026-01-05', 'Thôi việc');
      expect(early.json().error.issues[0]).toMatchObject({
        path: 'body.leftOn',
        message: 'Ngày nghỉ việc phải sau ngày vào làm.',
      });
      const noReason = await leave(other, 1, '2026-03-01', '  ');
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.issues[0].path).toBe('body.leavingReason');
      const stale = await leave(id, current.version - 1, '2026-07-01', 'Thôi việc');
      expect(stale.statusCode).toBe(409);
    });

    it('takes back a leaving recorded by mistake, and records a return as a second period', async () => {
      const before = await person(id);
      const back = await committee.delete(`/api/v1/people/${id}/leaving?version=${before.version}`);
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json()).toMatchObject({ leftOn: null, employedNow: true });
      const left = await leave(id, back.json().version, '2025-01-01', 'Chuyển công tác');
      expect(left.statusCode).toBe(200);
      const early = await committee.post(`/api/v1/people/${id}/return`, {
        version: left.json().version,
        startedOn: '2024-12-31',
      });
      expect(early.statusCode).toBe(400);
      expect(early.json().error.issues[0].path).toBe('body.startedOn');
      const returned = await committee.post(`/api/v1/people/${id}/return`, {
        version: left.json().version,
        startedOn: '2025-03-01',
      });
      expect(returned.statusCode, returned.body).toBe(200);
      expect(returned.json()).toMatchObject({
        startedOn: '2025-03-01',
        leftOn: null,
        employedNow: true,
        periods: [
          { startedOn: '2010-09-01', leftOn: '2025-01-01', leavingReason: 'Chuyển công tác' },
          { startedOn: '2025-03-01', leftOn: null, leavingReason: '' },
        ],
      });
    });

    it('lets the database refuse overlapping periods and a leaving without reason', async () => {
      const { db } = context.database;
      const overlap = db.execute(
        sql`insert into employment_periods (person_id, started_on) values (${id}, '2011-01-01')`,
      );
      await expect(overlap).rejects.toThrow();
      const noReason = db.execute(
        sql`update employment_periods set left_on = '2027-01-01' where person_id = ${id} and left_on is null`,
      );
      await expect(noReason).rejects.toThrow();
    });

    it('lets only the roster keepers record a leaving', async () => {
      const outsider = await TestClient.signIn(context.app, accountName('committee', 'bloc'));
      const stranger = await tree.admin.post('/api/v1/people', {
        workplaceId: tree.workplaces.wpB1,
        fullName: 'Người ở B1',
        employmentType: 'permanent',
        isPartyMember: false,
      });
      expect(stranger.statusCode).toBe(201);
      const refused = await committee.post(`/api/v1/people/${stranger.json().id}/leaving`, {
        version: 1,
        leftOn: '2026-01-01',
        leavingReason: 'Thôi việc',
      });
      expect(refused.statusCode).toBe(403);
      expect((await outsider.get(`/api/v1/people/${id}`)).statusCode).toBe(200);
    });
  });

  describe('determination on the reference date', () => {
    let planId: string;
    const staff: Record<string, string> = {};

    it('counts only those employed on the plan issue date: 6 permanent of whom 2 left → exempt, 4', async () => {
      const workplace = await tree.admin.post('/api/v1/workplaces', {
        organizationId: tree.organizations.cellA1,
        name: 'Phòng Sáu Người',
        address: '',
      });
      expect(workplace.statusCode, workplace.body).toBe(201);
      const workplaceId = workplace.json().id;
      for (const name of ['An', 'Bình', 'Chi', 'Dũng', 'Em', 'Giang']) {
        staff[name] = await addPerson(committee, workplaceId, {
          fullName: `Trần Văn ${name}`,
          isPartyMember: false,
        });
      }
      expect(await eligibility(workplaceId)).toMatchObject({ countedMasses: 6, required: true });
      expect((await leave(staff.An!, 1, '2026-11-01', 'Nghỉ hưu')).statusCode).toBe(200);
      expect((await leave(staff.Bình!, 1, '2026-11-20', 'Chuyển công tác')).statusCode).toBe(200);
      // Leaves after the plan's reference date: still counted by that plan.
      expect((await leave(staff.Chi!, 1, '2026-12-02', 'Thôi việc')).statusCode).toBe(200);
      planId = await publishPlanFromTemplate(bloc, tree.organizations.bloc, {
        year: 2027,
        issuedOn: '2026-12-01',
        meetingsDueOn: '2027-11-15',
        baseReportsDueOn: '2027-11-20',
        upwardReportDueOn: '2027-11-30',
      });
      const determinations = (await bloc.get(`/api/v1/plans/${planId}/workplaces?pageSize=200`)).json();
      const row = determinations.items.find(
        (item: { workplaceId: string }) => item.workplaceId === workplaceId,
      );
      expect(row).toMatchObject({ countedMasses: 4, required: false, status: 'exempt' });

      const masses = await bloc.get(`/api/v1/plans/${planId}/workplaces/${workplaceId}/masses`);
      expect(masses.statusCode, masses.body).toBe(200);
      expect(masses.json()).toMatchObject({ referenceDate: '2026-12-01', countedMasses: 4, allMasses: 4 });
      expect(masses.json().people.map((each: { fullName: string }) => each.fullName)).toEqual([
        'Trần Văn Chi',
        'Trần Văn Dũng',
        'Trần Văn Em',
        'Trần Văn Giang',
      ]);
      expect(masses.json().people.every((each: { counted: boolean }) => each.counted)).toBe(true);
    });

    it('keeps the record of who was counted when the roster changes later, and refuses deleting them', async () => {
      const current = await person(staff.Dũng!);
      const renamed = await committee.patch(`/api/v1/people/${staff.Dũng}`, {
        version: current.version,
        fullName: 'Trần Văn Dũng Mới',
      });
      expect(renamed.statusCode).toBe(200);
      const deleted = await committee.delete(`/api/v1/people/${staff.Em}?version=1`);
      expect(deleted.statusCode, deleted.body).toBe(409);
      expect(deleted.json().error.message).toContain('hãy ghi nhận nghỉ việc');
      const workplaceId = current.workplaceId;
      const masses = (await bloc.get(`/api/v1/plans/${planId}/workplaces/${workplaceId}/masses`)).json();
      expect(masses.people.map((each: { fullName: string }) => each.fullName)).toContain('Trần Văn Dũng');
      const member = await TestClient.signIn(context.app, accountName('committee', 'cellA1'));
      expect((await member.get(`/api/v1/plans/${planId}/workplaces/${workplaceId}/masses`)).statusCode).toBe(
        200,
      );
      const elsewhere = await tree.admin.get(
        `/api/v1/plans/${planId}/workplaces/00000000-0000-4000-8000-000000000000/masses`,
      );
      expect(elsewhere.statusCode).toBe(404);
    });
  });

  describe('duplicates', () => {
    const body = {
      fullName: 'Nguyễn Văn Trùng',
      birthDate: '1980-05-05',
      employmentType: 'permanent',
      isPartyMember: false,
    };

    it('refuses the same person sent twice without a code, unless confirmed as another person', async () => {
      const first = await committee.post('/api/v1/people', { workplaceId: tree.workplaces.wpA1, ...body });
      expect(first.statusCode, first.body).toBe(201);
      const again = await committee.post('/api/v1/people', {
        workplaceId: tree.workplaces.wpA1,
        ...body,
        fullName: 'nguyen van trung',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.issues[0].path).toBe('body.distinctConfirmed');
      expect(again.json().error.message).toContain('Nguyễn Văn Trùng, sinh ngày 05/05/1980');
      expect(again.json().error.details.namesakes).toEqual([
        {
          id: first.json().id,
          code: first.json().code,
          fullName: 'Nguyễn Văn Trùng',
          birthDate: '1980-05-05',
        },
      ]);
      const confirmed = await committee.post('/api/v1/people', {
        workplaceId: tree.workplaces.wpA1,
        ...body,
        distinctConfirmed: true,
      });
      expect(confirmed.statusCode).toBe(201);
      expect(confirmed.json().distinctConfirmed).toBe(true);
      const third = await committee.post('/api/v1/people', { workplaceId: tree.workplaces.wpA1, ...body });
      expect(third.statusCode).toBe(409);
      // Elsewhere the same name and birth date is someone else's business.
      const otherWorkplace = await tree.admin.post('/api/v1/people', {
        workplaceId: tree.workplaces.wpB1,
        ...body,
      });
      expect(otherWorkplace.statusCode).toBe(201);
    });

    it('refuses two identical requests sent at the same moment, once', async () => {
      const twin = { workplaceId: tree.workplaces.wpA1, ...body, fullName: 'Song Sinh Cùng Lúc' };
      const answers = await Promise.all([
        committee.post('/api/v1/people', twin),
        committee.post('/api/v1/people', twin),
      ]);
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    });

    it('compares staff codes without case or diacritics, on create and on edit', async () => {
      const first = await addPerson(committee, tree.workplaces.wpA1, {
        code: 'ĐV01',
        fullName: 'Mã Một',
        isPartyMember: false,
      });
      for (const code of ['đv01', 'DV01', ' dv01 ']) {
        const clash = await committee.post('/api/v1/people', {
          workplaceId: tree.workplaces.wpA1,
          code,
          fullName: `Mã ${code}`,
          employmentType: 'permanent',
          isPartyMember: false,
        });
        expect(clash.statusCode, code).toBe(409);
        expect(clash.json().error.issues[0].path).toBe('body.code');
      }
      const second = await addPerson(committee, tree.workplaces.wpA1, {
        code: 'NV77',
        fullName: 'Mã Hai',
        isPartyMember: false,
      });
      const edit = await committee.patch(`/api/v1/people/${second}`, { version: 1, code: 'dv01' });
      expect(edit.statusCode).toBe(409);
      expect(first).not.toBe(second);
      const raw = context.database.db.execute(sql`update people set code = 'Dv01' where id = ${second}`);
      await expect(raw).rejects.toThrow();
    });

    it('lists duplicate rows of an XLSX import by row and column and writes nothing; Có confirms', async () => {
      const workplace = tree.workplaces.wpA1;
      const before = (await committee.get(`/api/v1/people?workplaceId=${workplace}&pageSize=1`)).json().total;
      const file = await rosterFile([
        rosterRow({ 'Họ và tên': 'Phan Văn Đôi', 'Ngày sinh': '01/01/1990', 'Loại lao động': 'Biên chế' }),
        rosterRow({ 'Họ và tên': 'Phan Van Doi', 'Ngày sinh': '01/01/1990', 'Loại lao động': 'Biên chế' }),
        rosterRow({ Mã: 'nv77', 'Họ và tên': 'Mã Hai', 'Loại lao động': 'Biên chế' }),
        rosterRow({
          'Họ và tên': 'Nguyễn Văn Trùng',
          'Ngày sinh': '05/05/1980',
          'Loại lao động': 'Biên chế',
          Mã: 'X9',
        }),
      ]);
      const refused = await uploadRoster(committee, workplace, file);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.details.rows).toEqual([
        {
          row: 3,
          column: 'Họ và tên',
          message: expect.stringContaining('Trùng họ tên và ngày sinh với dòng 2'),
        },
        {
          row: 5,
          column: 'Họ và tên',
          message: expect.stringContaining('Nguyễn Văn Trùng, sinh ngày 05/05/1980 (mã NV-'),
        },
      ]);
      expect((await committee.get(`/api/v1/people?workplaceId=${workplace}&pageSize=1`)).json().total).toBe(
        before,
      );

      const confirmed = await rosterFile([
        rosterRow({ 'Họ và tên': 'Phan Văn Đôi', 'Ngày sinh': '01/01/1990', 'Loại lao động': 'Biên chế' }),
        rosterRow({
          'Họ và tên': 'Phan Van Doi',
          'Ngày sinh': '01/01/1990',
          'Loại lao động': 'Biên chế',
          'Xác nhận khác người': 'Có',
        }),
      ]);
      const accepted = await uploadRoster(committee, workplace, confirmed);
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json()).toMatchObject({ created: 2 });
    });
  });

  describe('roster XLSX with employment dates', () => {
    it('imports a start, a leaving and a return, exports them, and imports the export back unchanged', async () => {
      const workplace = tree.workplaces.wpA1;
      const first = await rosterFile([
        rosterRow({
          Mã: 'XL-1',
          'Họ và tên': 'Tô Văn Vào',
          'Loại lao động': 'Biên chế',
          'Ngày vào làm': '01/09/2015',
        }),
        rosterRow({
          Mã: 'XL-2',
          'Họ và tên': 'Tô Văn Ra',
          'Loại lao động': 'Biên chế',
          'Ngày vào làm': '01/09/2015',
          'Ngày nghỉ việc': '01/07/2026',
          'Lý do nghỉ việc': 'Nghỉ hưu',
        }),
        rosterRow({
          Mã: 'XL-3',
          'Họ và tên': 'Tô Văn Sai',
          'Loại lao động': 'Biên chế',
          'Ngày nghỉ việc': '01/07/2026',
        }),
      ]);
      const refused = await uploadRoster(committee, workplace, first);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.details.rows).toEqual([
        { row: 4, column: 'Lý do nghỉ việc', message: 'Cần ghi lý do nghỉ việc.' },
      ]);
      const good = await rosterFile([
        rosterRow({
          Mã: 'XL-1',
          'Họ và tên': 'Tô Văn Vào',
          'Loại lao động': 'Biên chế',
          'Ngày vào làm': '01/09/2015',
        }),
        rosterRow({
          Mã: 'XL-2',
          'Họ và tên': 'Tô Văn Ra',
          'Loại lao động': 'Biên chế',
          'Ngày vào làm': '01/09/2015',
          'Ngày nghỉ việc': '01/07/2026',
          'Lý do nghỉ việc': 'Nghỉ hưu',
        }),
      ]);
      expect((await uploadRoster(committee, workplace, good)).json()).toMatchObject({ created: 2 });
      const found = async (name: string) =>
        (await committee.get(`/api/v1/people?workplaceId=${workplace}&q=${encodeURIComponent(name)}`)).json()
          .items[0];
      expect(await found('Tô Văn Vào')).toMatchObject({
        startedOn: '2015-09-01',
        leftOn: null,
        employedNow: true,
      });
      expect(await found('Tô Văn Ra')).toMatchObject({
        leftOn: '2026-07-01',
        leavingReason: 'Nghỉ hưu',
        employedNow: false,
      });

      const back = await rosterFile([
        rosterRow({
          Mã: 'XL-2',
          'Họ và tên': 'Tô Văn Ra',
          'Loại lao động': 'Biên chế',
          'Ngày vào làm': '01/10/2026',
        }),
      ]);
      expect((await uploadRoster(committee, workplace, back)).json()).toMatchObject({ updated: 1 });
      expect((await found('Tô Văn Ra')).periods).toEqual([
        { startedOn: '2015-09-01', leftOn: '2026-07-01', leavingReason: 'Nghỉ hưu' },
        { startedOn: '2026-10-01', leftOn: null, leavingReason: '' },
      ]);

      const exported = await committee.get(`/api/v1/workplaces/${workplace}/roster.xlsx`);
      const sheet = (await readWorkbook(exported.rawPayload)).getWorksheet('Danh sách')!;
      const ra = sheet
        .getRows(2, sheet.actualRowCount - 1)!
        .find((each) => each.getCell(1).value === 'XL-2')!;
      expect(ra.getCell(column('Ngày vào làm') + 1).value).toBe('01/10/2026');
      const vao = sheet
        .getRows(2, sheet.actualRowCount - 1)!
        .find((each) => each.getCell(1).value === 'XL-1')!;
      expect(vao.getCell(column('Ngày vào làm') + 1).value).toBe('01/09/2015');
      const again = await uploadRoster(committee, workplace, exported.rawPayload);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toMatchObject({ created: 0, updated: 0 });
    });
  });
});
