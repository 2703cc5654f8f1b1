import { count, eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditEntries, feedback, people } from '../../db/schema/index.js';
import { type PreparedMeeting, prepareMeeting } from '../meetings/test-support.js';
import {
  accountName,
  createTestContext,
  TEST_PASSWORD,
  TestClient,
  type TestContext,
} from '../test-support.js';

/**
 * Issue 13, "Done means" 5 (S8): an administrator shows and exports everything held about one
 * person, erases a non-member's data once the retention period has passed (the counts stay), and
 * every read of a member's report or of the opinions about members by someone else is audited.
 */
const ORAL = 'Đồng chí Tám cần đi sát cơ sở hơn.';
const SPEAKER = 'Phạm Văn Nói';
const ONLINE = 'Tiếp dân còn chậm.';
const MONTH = 31 * 86_400_000;

describe('personal data: show, export, erase, audited reads', () => {
  let context: TestContext;
  let prepared: PreparedMeeting;
  let now = new Date();
  const admin = () => prepared.tree.admin;
  const meetingUrl = () => `/api/v1/meetings/${prepared.meetingId}`;
  const personOf = async (fullName: string) => {
    const [row] = await context.database.db.select().from(people).where(eq(people.fullName, fullName));
    return row!;
  };
  const reads = async (action: string) =>
    context.database.db.select().from(auditEntries).where(eq(auditEntries.action, action));

  beforeAll(async () => {
    context = await createTestContext({ clock: () => now });
    prepared = await prepareMeeting(context);
    await context.database.db.execute(
      sql`update meetings set agenda_step = 'content' where id = ${prepared.meetingId}`,
    );
    const oral = await prepared.secretary.client.post(`${meetingUrl()}/feedback`, {
      id: crypto.randomUUID(),
      selfCriticismId: prepared.members.a.selfCriticismId,
      area: 'duties',
      kind: 'shortcoming',
      text: ORAL,
      speakerName: SPEAKER,
      dissenting: false,
    });
    expect(oral.statusCode, oral.body).toBe(201);
    const online = await prepared.nonMember.client.post(`${meetingUrl()}/online-forms`, {
      selfCriticismId: prepared.members.a.selfCriticismId,
      form: {
        strengths: { politicalIdeology: '', ethicsLifestyle: '', duties: '', discipline: '', remedying: '' },
        shortcomings: {
          politicalIdeology: '',
          ethicsLifestyle: '',
          duties: ONLINE,
          discipline: '',
          remedying: '',
        },
        proposals: '',
      },
    });
    expect(online.statusCode, online.body).toBe(201);
  });
  afterAll(() => context.close());

  it("audits who read a member's report and the opinions about members, never the text, never the member's own read", async () => {
    const reportUrl = `/api/v1/self-criticisms/${prepared.members.a.selfCriticismId}`;
    expect((await prepared.members.a.client.get(reportUrl)).statusCode).toBe(200);
    expect(await reads('self-criticism.read')).toHaveLength(0);
    expect((await prepared.committee.get(reportUrl)).statusCode).toBe(200);
    expect((await prepared.committee.get(`${reportUrl}/document.pdf`)).statusCode).toBe(200);
    const [read] = await reads('self-criticism.read');
    expect(read).toMatchObject({
      targetType: 'self_criticism',
      targetId: prepared.members.a.selfCriticismId,
    });
    expect((await reads('self-criticism.document.read')).length).toBe(1);
    // The live page polls every 2 seconds: one entry per reader in ten minutes.
    for (let poll = 0; poll < 3; poll++) {
      expect((await prepared.secretary.client.get(`${meetingUrl()}/live`)).statusCode).toBe(200);
    }
    expect(await reads('opinions.live.read')).toHaveLength(1);
    expect((await prepared.committee.get(`${meetingUrl()}/written-forms`)).statusCode).toBe(200);
    expect(await reads('opinions.written-forms.read')).toHaveLength(1);
    const all = JSON.stringify(await context.database.db.select().from(auditEntries));
    expect(all).not.toContain(ORAL);
    expect(all).not.toContain(ONLINE);
    // A refused read leaves nothing: there was nothing read.
    const other = await TestClient.signIn(context.app, accountName('committee', 'cellB1'));
    expect((await other.get(reportUrl)).statusCode).toBe(403);
    expect(await reads('self-criticism.read')).toHaveLength(1);
  });

  it("shows a member's data to an administrator: roster, account, report, opinions without their authors, audit", async () => {
    const member = await personOf('Nguyễn Văn Tám');
    expect((await prepared.committee.get(`/api/v1/people/${member.id}/personal-data`)).statusCode).toBe(403);
    const response = await admin().get(`/api/v1/people/${member.id}/personal-data`);
    expect(response.statusCode, response.body).toBe(200);
    const data = response.json();
    expect(data.person).toMatchObject({
      fullName: 'Nguyễn Văn Tám',
      isPartyMember: true,
      cellName: 'Chi bộ A1',
    });
    expect(data.accounts.map((account: { username: string }) => account.username)).toEqual(['dangvien.a']);
    expect(data.selfCriticisms).toHaveLength(1);
    expect(data.opinionsAbout.map((opinion: { text: string }) => opinion.text).sort()).toEqual(
      [ONLINE, ORAL].sort(),
    );
    // The masses who spoke or wrote are not named to anyone through this export.
    for (const author of [SPEAKER, 'Võ Văn Quần', prepared.nonMember.accountId, 'quanchung.a1']) {
      expect(response.body).not.toContain(author);
    }
    expect(data.auditEntries.map((entry: { action: string }) => entry.action)).toContain(
      'self-criticism.read',
    );
    expect(data.retention).toMatchObject({
      erasableFrom: null,
      erasureRefusal: expect.stringContaining('quần chúng'),
    });
    expect(await reads('person.personal_data_read')).toHaveLength(1);
  });

  it("exports a non-member's data as JSON and XLSX, with what they wrote under their name", async () => {
    const nonMember = await personOf('Võ Văn Quần');
    const json = await admin().get(`/api/v1/people/${nonMember.id}/personal-data.json`);
    expect(json.statusCode).toBe(200);
    expect(String(json.headers['content-disposition'])).toContain('.json');
    const data = JSON.parse(json.body);
    expect(data.ownOpinions).toEqual([expect.objectContaining({ text: ONLINE, kind: 'form.shortcoming' })]);
    expect(data.retention.erasableFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const xlsx = await admin().get(`/api/v1/people/${nonMember.id}/personal-data.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Thông tin',
      'Tài khoản',
      'Bản tự phê bình',
      'Dự họp',
      'Ý kiến về người này',
      'Tổng hợp',
      'Khắc phục',
      'Ý kiến của người này',
      'Nhật ký',
    ]);
    expect(workbook.getWorksheet('Thông tin')!.getCell('B2').value).toBe('Võ Văn Quần');
    expect(workbook.getWorksheet('Ý kiến của người này')!.getCell('C2').value).toBe(ONLINE);
    expect(await reads('person.personal_data_exported')).toHaveLength(2);
  });

  it("erases a non-member's data only after the retention period, keeping every count", async () => {
    const nonMember = await personOf('Võ Văn Quần');
    const db = context.database.db;
    const erase = (version: number) => admin().post(`/api/v1/people/${nonMember.id}/erasure`, { version });
    const early = await erase(nonMember.version);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(
      /Chưa hết thời hạn lưu giữ 24 tháng: được xóa từ ngày \d{2}\/\d{2}\/\d{4}/,
    );
    const member = await personOf('Nguyễn Văn Tám');
    now = new Date(Date.now() + 25 * MONTH);
    const refusedMember = await admin().post(`/api/v1/people/${member.id}/erasure`, {
      version: member.version,
    });
    expect(refusedMember.statusCode).toBe(409);
    const opinionsBefore = await db.select({ n: count() }).from(feedback);
    const workplaceBefore = (await admin().get(`/api/v1/workplaces/${prepared.workplaceId}`)).json();
    const stale = await erase(nonMember.version + 5);
    expect(stale.statusCode).toBe(409);
    const erased = await erase(nonMember.version);
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json().person).toMatchObject({
      fullName: 'Người đã xóa dữ liệu',
      birthDate: null,
      jobTitle: '',
      employmentType: nonMember.employmentType,
      isPartyMember: false,
    });
    expect(erased.json().person.erasedAt).not.toBeNull();
    expect(erased.body).not.toContain('Võ Văn Quần');
    expect(erased.body).not.toContain('quanchung.a1');
    const [account] = await db.select().from(accounts).where(eq(accounts.id, prepared.nonMember.accountId));
    expect(account).toMatchObject({ displayName: 'Người đã xóa dữ liệu' });
    expect(account!.disabledAt).not.toBeNull();
    const signIn = await new TestClient(context.app).request('POST', '/api/v1/sessions', {
      username: 'quanchung.a1',
      password: TEST_PASSWORD,
    });
    expect(signIn.statusCode).toBe(401);
    // The counts reports and determinations depend on are those of before.
    expect(await db.select({ n: count() }).from(feedback)).toEqual(opinionsBefore);
    const workplaceAfter = (await admin().get(`/api/v1/workplaces/${prepared.workplaceId}`)).json();
    expect(workplaceAfter.countedMasses ?? workplaceAfter).toEqual(
      workplaceBefore.countedMasses ?? workplaceBefore,
    );
    // The audit log keeps who did what when about the person; the values are redacted.
    const about = await db
      .select()
      .from(auditEntries)
      .where(inArray(auditEntries.targetId, [nonMember.id, prepared.nonMember.accountId]));
    expect(JSON.stringify(about)).not.toContain('Võ Văn Quần');
    expect(about.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['person.created', 'person.erased']),
    );
    const again = await erase(nonMember.version + 1);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('đã được xóa');
  });
});
