import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConcernDetail } from '../../contract/concerns.js';
import { auditEntries, plans } from '../../db/schema/index.js';
import { insertPublishedPlan } from '../plans/progress-test-support.js';
import {
  accountName,
  createTestContext,
  seedScopeTree,
  TestClient,
  type TestContext,
} from '../test-support.js';

describe('concerns raised about a plan and answered by its issuer', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let planId: string;
  let board: TestClient;
  let blocCommittee: TestClient;
  let baseCommittee: TestClient;
  let otherCell: TestClient;
  let member: TestClient;
  let concern: ConcernDetail;

  beforeAll(async () => {
    context = await createTestContext();
    tree = await seedScopeTree(context, [
      { role: 'organization-board', at: 'bloc' },
      { role: 'committee', at: 'bloc' },
      { role: 'committee', at: 'baseA' },
      { role: 'committee', at: 'cellB1' },
      { role: 'member', at: 'cellA1' },
    ]);
    planId = await insertPublishedPlan(context.database.db, tree.organizations.bloc);
    const signIn = (name: string) => TestClient.signIn(context.app, name);
    board = await signIn(accountName('organization-board', 'bloc'));
    blocCommittee = await signIn(accountName('committee', 'bloc'));
    baseCommittee = await signIn(accountName('committee', 'baseA'));
    otherCell = await signIn(accountName('committee', 'cellB1'));
    member = await signIn(accountName('member', 'cellA1'));
  });
  afterAll(() => context.close());

  const raise = (client: TestClient, organizationId: string, plan = planId) =>
    client.post(`/api/v1/plans/${plan}/concerns`, {
      organizationId,
      subject: 'Chưa rõ cách tính quần chúng',
      body: 'Lao động hợp đồng ngắn hạn có được tính vào số quần chúng không?',
    });

  it('lets a base committee raise a concern with its first message', async () => {
    const response = await raise(baseCommittee, tree.organizations.baseA);
    expect(response.statusCode, response.body).toBe(201);
    concern = response.json();
    expect(concern).toMatchObject({
      planId,
      issuerOrganizationId: tree.organizations.bloc,
      raisedByOrganizationName: 'Đảng bộ cơ sở A',
      subject: 'Chưa rõ cách tính quần chúng',
      status: 'open',
      messageCount: 1,
      actorSide: 'raiser',
      permissions: { reply: true, close: true },
    });
    expect(concern.messages).toMatchObject([{ side: 'raiser', authorName: 'committee baseA' }]);
  });

  it('refuses raising from the issuer itself, outside reach, by a member, on a draft or unknown plan', async () => {
    const own = await raise(board, tree.organizations.bloc);
    expect(own.statusCode).toBe(422);
    expect(own.json().error.message).toContain('trực thuộc');
    expect((await raise(baseCommittee, tree.organizations.baseB)).statusCode).toBe(403);
    expect((await raise(member, tree.organizations.cellA1)).statusCode).toBe(403);
    expect((await raise(baseCommittee, tree.organizations.baseA, crypto.randomUUID())).statusCode).toBe(404);
    const [draft] = await context.database.db
      .insert(plans)
      .values({
        organizationId: tree.organizations.bloc,
        year: 2025,
        symbol: 'KH/ĐUK',
        title: 'Dự thảo',
        meetingsDueOn: '2099-10-01',
        baseReportsDueOn: '2099-10-02',
        upwardReportDueOn: '2099-10-03',
      })
      .returning();
    expect((await raise(baseCommittee, tree.organizations.baseA, draft!.id)).statusCode).toBe(409);
  });

  it('lists it for the issuer and the raiser, not for a cell of another base', async () => {
    const ids = async (client: TestClient, query = '') =>
      (await client.get(`/api/v1/concerns${query}`)).json().items.map((item: { id: string }) => item.id);
    expect(await ids(board)).toEqual([concern.id]);
    expect(await ids(board, `?planId=${planId}&status=open`)).toEqual([concern.id]);
    expect(await ids(board, '?status=answered')).toEqual([]);
    expect(await ids(baseCommittee)).toEqual([concern.id]);
    expect(await ids(otherCell)).toEqual([]);
    expect(await ids(board, `?organizationId=${tree.organizations.baseB}`)).toEqual([]);
    expect(
      (await otherCell.get(`/api/v1/concerns?organizationId=${tree.organizations.baseA}`)).statusCode,
    ).toBe(403);
    expect((await otherCell.get(`/api/v1/concerns/${concern.id}`)).statusCode).toBe(403);
    expect((await member.get(`/api/v1/concerns/${concern.id}`)).statusCode).toBe(403);
  });

  it("answers from the issuer's board, reopens on the raiser's follow-up, and a bloc committee only reads", async () => {
    const seen = (await board.get(`/api/v1/concerns/${concern.id}`)).json() as ConcernDetail;
    expect(seen).toMatchObject({ actorSide: 'issuer', permissions: { reply: true } });
    const answer = await board.post(`/api/v1/concerns/${concern.id}/messages`, {
      body: 'Không tính lao động ngắn hạn (Hướng dẫn, mục II.1).',
    });
    expect(answer.statusCode, answer.body).toBe(201);
    expect(answer.json()).toMatchObject({ status: 'answered', messageCount: 2 });
    expect(answer.json().messages.map((message: { side: string }) => message.side)).toEqual([
      'raiser',
      'issuer',
    ]);
    const readOnly = (await blocCommittee.get(`/api/v1/concerns/${concern.id}`)).json() as ConcernDetail;
    expect(readOnly).toMatchObject({ actorSide: null, permissions: { reply: false, close: false } });
    expect(
      (await blocCommittee.post(`/api/v1/concerns/${concern.id}/messages`, { body: 'X' })).statusCode,
    ).toBe(403);
    const followUp = await baseCommittee.post(`/api/v1/concerns/${concern.id}/messages`, {
      body: 'Còn hợp đồng thời vụ thì sao?',
    });
    expect(followUp.json()).toMatchObject({ status: 'open', messageCount: 3 });
    concern = followUp.json();
  });

  it('closes with the current version only, and takes no more messages after', async () => {
    const stale = await board.post(`/api/v1/concerns/${concern.id}/close`, { version: concern.version - 1 });
    expect(stale.statusCode).toBe(409);
    const closed = await board.post(`/api/v1/concerns/${concern.id}/close`, { version: concern.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', permissions: { reply: false, close: false } });
    expect(closed.json().closedAt).not.toBeNull();
    const late = await baseCommittee.post(`/api/v1/concerns/${concern.id}/messages`, { body: 'Thêm' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('đã đóng');
  });

  it('records every step in the audit log', async () => {
    const entries = await context.database.db
      .select({ action: auditEntries.action })
      .from(auditEntries)
      .where(eq(auditEntries.targetId, concern.id))
      .orderBy(asc(auditEntries.id));
    expect(entries.map((entry) => entry.action)).toEqual([
      'concern.raised',
      'concern.answered',
      'concern.replied',
      'concern.closed',
    ]);
  });
});
