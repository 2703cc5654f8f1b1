import { insertAccount } from '../bootstrap.js';
import {
  accountName,
  addMemberWithAccount,
  addPerson,
  publishPlanFromTemplate,
  seedScopeTree,
  TEST_PASSWORD,
  TestClient,
  type TestContext,
} from '../test-support.js';

export const MEETING_START = '2026-11-10T08:00:00+07:00';
export const MEETING_END = '2026-11-10T11:30:00+07:00';

/**
 * A scheduled meeting to build on, made through the same API the app uses: the scope tree, five
 * masses and two members at wpA1 (cellA1), a non-member secretary with an account, a published
 * plan (meetings due 15/11/2026) and the meeting on 10/11/2026. Accounts: committee at cellA1,
 * cellB1 and bloc, organization-board at bloc (see seedScopeTree), `thuky.a1` (secretary),
 * `dangvien.a` (with office), `dangvien.b`, `quanchung.a1` (a non-member with an account).
 */
export async function prepareMeeting(context: TestContext) {
  const tree = await seedScopeTree(context, [
    { role: 'committee', at: 'bloc' },
    { role: 'committee', at: 'cellA1' },
    { role: 'committee', at: 'cellB1' },
    { role: 'organization-board', at: 'bloc' },
  ]);
  const { cellA1: cellA1Id } = tree.organizations;
  const wpA1 = tree.workplaces.wpA1;
  for (let index = 1; index <= 5; index++)
    await addPerson(tree.admin, wpA1, { fullName: `Quần chúng A${index}`, isPartyMember: false });
  const withAccount = async (username: string, fullName: string) => {
    const personId = await addPerson(tree.admin, wpA1, { fullName, isPartyMember: false });
    const accountId = await insertAccount(context.database.db, {
      username,
      displayName: fullName,
      password: TEST_PASSWORD,
      homeOrganizationId: cellA1Id,
      personId,
      roles: [{ role: 'masses', organizationId: cellA1Id }],
    });
    return { personId, accountId, client: await TestClient.signIn(context.app, username) };
  };
  const secretary = await withAccount('thuky.a1', 'Phạm Thị Thư');
  const nonMember = await withAccount('quanchung.a1', 'Võ Văn Quần');
  const memberA = await addMemberWithAccount(
    context,
    tree.admin,
    { username: 'dangvien.a', workplaceId: wpA1, cellId: cellA1Id },
    { fullName: 'Nguyễn Văn Tám', partyOffice: 'Bí thư chi bộ', governmentOffice: 'Giám đốc Sở' },
  );
  const memberB = await addMemberWithAccount(
    context,
    tree.admin,
    { username: 'dangvien.b', workplaceId: wpA1, cellId: cellA1Id },
    { fullName: 'Trần Thị Chín', assignedDuty: 'Kế toán' },
  );
  const committee = await TestClient.signIn(context.app, accountName('committee', 'cellA1'));
  const blocCommittee = await TestClient.signIn(context.app, accountName('committee', 'bloc'));
  const planId = await publishPlanFromTemplate(blocCommittee, tree.organizations.bloc, {
    meetingsDueOn: '2026-11-15',
    baseReportsDueOn: '2026-11-20',
    upwardReportDueOn: '2026-11-30',
  });
  const scheduled = await committee.post(`/api/v1/plans/${planId}/workplaces/${wpA1}/meeting`, {
    startsAt: MEETING_START,
    endsAt: MEETING_END,
    place: 'Hội trường Sở Thử A1',
    chairName: 'Nguyễn Văn Tám',
    secretaryAccountId: secretary.accountId,
    delegates: ['Đồng chí Lê Văn Khối, Ủy viên Ban Thường vụ Đảng ủy Khối'],
  });
  if (scheduled.statusCode !== 201) throw new Error(`scheduling the meeting failed: ${scheduled.body}`);
  const meeting = scheduled.json() as { id: string; version: number };
  const reports = (
    await committee.get(`/api/v1/self-criticisms?planId=${planId}&workplaceId=${wpA1}`)
  ).json() as { items: { id: string; fullName: string }[] };
  const reportOf = (fullName: string) => {
    const report = reports.items.find((item) => item.fullName === fullName);
    if (!report) throw new Error(`no self-criticism for ${fullName}`);
    return report.id;
  };
  return {
    tree,
    planId,
    workplaceId: wpA1,
    meetingId: meeting.id,
    committee,
    secretary,
    nonMember,
    members: {
      a: { client: memberA, selfCriticismId: reportOf('Nguyễn Văn Tám') },
      b: { client: memberB, selfCriticismId: reportOf('Trần Thị Chín') },
    },
  };
}

export type PreparedMeeting = Awaited<ReturnType<typeof prepareMeeting>>;
