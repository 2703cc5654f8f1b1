import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../db/schema/index.js';
import {
  accountName,
  createTestContext,
  seedScopeTree,
  TestClient,
  type TestContext,
} from '../test-support.js';
import { SEARCH_COUNT_LIMIT } from './service.js';

describe('people', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let committee: TestClient;
  let board: TestClient;
  let member: TestClient;
  beforeAll(async () => {
    context = await createTestContext();
    tree = await seedScopeTree(context, [
      { role: 'committee', at: 'cellA1' },
      { role: 'organization-board', at: 'bloc' },
      { role: 'member', at: 'cellA1' },
    ]);
    committee = await TestClient.signIn(context.app, accountName('committee', 'cellA1'));
    board = await TestClient.signIn(context.app, accountName('organization-board', 'bloc'));
    member = await TestClient.signIn(context.app, accountName('member', 'cellA1'));
  });
  afterAll(() => context.close());

  const auditOf = (targetId: string) =>
    context.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.targetType, 'person'), eq(auditEntries.targetId, targetId)));

  it('adds a member with office and derives "with office", giving a code when none is sent', async () => {
    const response = await committee.post('/api/v1/people', {
      workplaceId: tree.workplaces.wpA1,
      fullName: '  Nguyễn   Văn Tám ',
      birthDate: '1975-04-30',
      gender: 'male',
      jobTitle: 'Giám đốc',
      employmentType: 'permanent',
      isPartyMember: true,
      organizationId: tree.organizations.cellA1,
      partyOffice: 'Bí thư chi bộ',
      isCommitteeMember: true,
    });
    expect(response.statusCode, response.body).toBe(201);
    const tam = response.json();
    expect(tam).toMatchObject({
      code: 'NV-001',
      fullName: 'Nguyễn Văn Tám',
      workplaceName: 'Sở Thử A1',
      organizationName: 'Chi bộ A1',
      withOffice: true,
      countedMass: false,
      version: 1,
    });
    const audit = await auditOf(tam.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'person.created' });
    expect(audit[0]!.changes).toMatchObject({ fullName: { from: null, to: 'Nguyễn Văn Tám' } });

    const masses = await committee.post('/api/v1/people', {
      workplaceId: tree.workplaces.wpA1,
      fullName: 'Trần Thị Hoa',
      employmentType: 'long_term',
      isPartyMember: false,
    });
    expect(masses.json()).toMatchObject({ code: 'NV-002', withOffice: false, countedMass: true });
  });

  it('refuses a code already used in the same workplace', async () => {
    const body = {
      workplaceId: tree.workplaces.wpA1,
      code: 'KT-01',
      fullName: 'Lâm Văn Khải',
      employmentType: 'short_term',
      isPartyMember: false,
    };
    expect((await committee.post('/api/v1/people', body)).statusCode).toBe(201);
    const again = await committee.post('/api/v1/people', { ...body, fullName: 'Người khác' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(
      'Mã nhân sự đã có trong cơ quan này (không phân biệt hoa thường, dấu).',
    );
    const otherCase = await committee.post('/api/v1/people', {
      ...body,
      code: 'kt-01 ',
      fullName: 'Người thứ ba',
    });
    expect(otherCase.statusCode).toBe(409);
  });

  it('finds names ignoring diacritics and case, from NFD input too', async () => {
    for (const q of ['nguyen van tam', 'NGUYỄN VĂN', 'Nguye\u0302\u0303n Va\u0306n Ta\u0301m', 'tam']) {
      const found = (await committee.get(`/api/v1/people?q=${encodeURIComponent(q)}`)).json();
      expect(
        found.items.map((p: { fullName: string }) => p.fullName),
        q,
      ).toEqual(['Nguyễn Văn Tám']);
    }
    const none = (await committee.get(`/api/v1/people?q=${encodeURIComponent('tam%')}`)).json();
    expect(none.total).toBe(0);
  });

  it('filters by organization subtree, workplace and membership, with paging', async () => {
    const bloc = (
      await board.get(`/api/v1/people?organizationId=${tree.organizations.bloc}&pageSize=2`)
    ).json();
    expect(bloc).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(bloc.items).toHaveLength(2);
    const members = (
      await board.get(`/api/v1/people?workplaceId=${tree.workplaces.wpA1}&isPartyMember=true`)
    ).json();
    expect(members.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Nguyễn Văn Tám']);
    const otherBase = (await board.get(`/api/v1/people?organizationId=${tree.organizations.baseB}`)).json();
    expect(otherBase.total).toBe(0);
  });

  it('answers 404 for an unknown person and 403 outside the scope', async () => {
    const missing = await committee.get('/api/v1/people/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    const outsider = await tree.admin.post('/api/v1/people', {
      workplaceId: tree.workplaces.wpB1,
      fullName: 'Người ở B1',
      employmentType: 'permanent',
      isPartyMember: false,
    });
    expect(outsider.statusCode).toBe(201);
    expect((await committee.get(`/api/v1/people/${outsider.json().id}`)).statusCode).toBe(403);
    const intoB1 = await committee.post('/api/v1/people', {
      workplaceId: tree.workplaces.wpB1,
      fullName: 'Không được',
      employmentType: 'permanent',
      isPartyMember: false,
    });
    expect(intoB1.statusCode).toBe(403);
    const cellOutOfReach = await committee.post('/api/v1/people', {
      workplaceId: tree.workplaces.wpA1,
      fullName: 'Không được',
      employmentType: 'permanent',
      isPartyMember: true,
      organizationId: tree.organizations.cellB1,
    });
    expect(cellOutOfReach.statusCode).toBe(403);
    expect((await member.get('/api/v1/people')).statusCode).toBe(403);
    const boardWrite = await board.post('/api/v1/people', {
      workplaceId: tree.workplaces.wpA1,
      fullName: 'Không được',
      employmentType: 'permanent',
      isPartyMember: false,
    });
    expect(boardWrite.statusCode).toBe(403);
    const seenByCommittee = (await committee.get('/api/v1/people?q=nguoi')).json();
    expect(seenByCommittee.total).toBe(0);
  });

  it('answers 400 with the path of a bad field, in Vietnamese', async () => {
    const response = await committee.post('/api/v1/people', {
      workplaceId: tree.workplaces.wpA1,
      fullName: 'Ai đó',
      employmentType: 'seasonal',
      isPartyMember: false,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0]).toEqual({
      path: 'body.employmentType',
      message: 'Loại lao động không hợp lệ.',
    });
    const blank = await committee.post('/api/v1/people', {
      workplaceId: tree.workplaces.wpA1,
      fullName: '   ',
      employmentType: 'permanent',
      isPartyMember: false,
    });
    expect(blank.json().error.issues[0]).toMatchObject({ path: 'body.fullName' });
  });

  it.each([
    ['a member without a cell', { isPartyMember: true }, 'body.organizationId'],
    ['a cell for a non-member', { isPartyMember: false, organizationId: 'cellA1' }, 'body.organizationId'],
    [
      'a committee seat for a non-member',
      { isPartyMember: false, isCommitteeMember: true },
      'body.isCommitteeMember',
    ],
    [
      'a party office for a non-member',
      { isPartyMember: false, partyOffice: 'Phó bí thư' },
      'body.partyOffice',
    ],
  ])('refuses %s', async (_name, fields, path) => {
    const { organizationId, ...rest } = fields as { organizationId?: 'cellA1' };
    const response = await committee.post('/api/v1/people', {
      workplaceId: tree.workplaces.wpA1,
      fullName: 'Sai quy tắc',
      employmentType: 'permanent',
      ...rest,
      ...(organizationId ? { organizationId: tree.organizations[organizationId] } : {}),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues[0].path).toBe(path);
    expect(response.json().error.message).toMatch(/đảng viên|chi bộ/i);
  });

  it('edits with the version it read, refuses a stale one, and records the changed fields', async () => {
    const [hoa] = (await committee.get('/api/v1/people?q=hoa')).json().items;
    const updated = await committee.patch(`/api/v1/people/${hoa.id}`, {
      version: hoa.version,
      fullName: 'Trần Thị Hòa',
      employmentType: 'short_term',
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ fullName: 'Trần Thị Hòa', countedMass: false, version: 2 });
    const stale = await committee.patch(`/api/v1/people/${hoa.id}`, { version: hoa.version, jobTitle: 'x' });
    expect(stale.statusCode).toBe(409);
    const audit = await auditOf(hoa.id);
    const entry = audit.find((row) => row.action === 'person.updated');
    expect(entry!.changes).toEqual({
      fullName: { from: 'Trần Thị Hoa', to: 'Trần Thị Hòa' },
      employmentType: { from: 'long_term', to: 'short_term' },
    });
    const joins = await committee.patch(`/api/v1/people/${hoa.id}`, {
      version: 2,
      isPartyMember: true,
    });
    expect(joins.statusCode).toBe(400);
    const joinsWithCell = await committee.patch(`/api/v1/people/${hoa.id}`, {
      version: 2,
      isPartyMember: true,
      organizationId: tree.organizations.cellA1,
      governmentOffice: 'Phó phòng',
    });
    expect(joinsWithCell.json()).toMatchObject({ isPartyMember: true, withOffice: true, version: 3 });
    const searchAgain = (await committee.get('/api/v1/people?q=tran thi hoa')).json();
    expect(searchAgain.total).toBe(1);
  });

  it('deletes with the version it read and keeps the deletion in the audit log', async () => {
    const [khai] = (await committee.get('/api/v1/people?q=khai')).json().items;
    expect((await committee.delete(`/api/v1/people/${khai.id}?version=9`)).statusCode).toBe(409);
    expect((await committee.delete(`/api/v1/people/${khai.id}`)).statusCode).toBe(400);
    expect((await committee.delete(`/api/v1/people/${khai.id}?version=${khai.version}`)).statusCode).toBe(
      204,
    );
    expect((await committee.get(`/api/v1/people/${khai.id}`)).statusCode).toBe(404);
    const audit = await auditOf(khai.id);
    expect(audit.map((row) => row.action).sort()).toEqual(['person.created', 'person.deleted']);
  });

  it('hands out distinct codes to people added at the same moment', async () => {
    const responses = await Promise.all(
      ['Một', 'Hai', 'Ba', 'Bốn'].map((name) =>
        tree.admin.post('/api/v1/people', {
          workplaceId: tree.workplaces.wpB1,
          fullName: `Đồng Thời ${name}`,
          employmentType: 'short_term',
          isPartyMember: false,
        }),
      ),
    );
    expect(responses.map((response) => response.statusCode)).toEqual([201, 201, 201, 201]);
    const codes = responses.map((response) => response.json().code).sort();
    expect(codes).toEqual(['NV-002', 'NV-003', 'NV-004', 'NV-005']);
  });
  it('counts at most 1 000 matches and says there are more, the page in name order', async () => {
    await context.database.db.execute(sql`
      insert into people (workplace_id, code, full_name, name_search, employment_type)
      select ${tree.workplaces.wpA1}::uuid, 'DEM-' || g, 'Trần Thị Đếm ' || lpad(g::text, 4, '0'),
             'tran thi dem ' || lpad(g::text, 4, '0'), 'permanent'
      from generate_series(1, ${SEARCH_COUNT_LIMIT + 5}::int) g`);
    const many = (await committee.get('/api/v1/people?q=dem&pageSize=20&page=2')).json();
    expect(many).toMatchObject({ total: SEARCH_COUNT_LIMIT, totalCapped: true, page: 2 });
    expect(many.items.map((person: { fullName: string }) => person.fullName)).toEqual(
      Array.from({ length: 20 }, (_, index) => `Trần Thị Đếm ${String(21 + index).padStart(4, '0')}`),
    );
    const few = (await committee.get('/api/v1/people?q=dem 100')).json();
    expect(few).toMatchObject({ total: 6, totalCapped: false });
  });
});
