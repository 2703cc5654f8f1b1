import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentXml, pdfLines } from '../../documents/read-exports.js';
import {
  accountName,
  addPerson,
  createTestContext,
  seedScopeTree,
  TestClient,
  type TestContext,
} from '../test-support.js';

const PASSWORD = /[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}/g;

describe('accounts in bulk with one-time passwords (issue 16)', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let adminA: TestClient;

  const text = async (sql: string) => {
    const { rows } = (await context.database.db.execute(sql as never)) as unknown as {
      rows: { t: string }[];
    };
    return rows.map((row) => row.t).join('\n');
  };

  beforeAll(async () => {
    context = await createTestContext();
    tree = await seedScopeTree(context, [
      { role: 'administrator', at: 'baseA' },
      { role: 'committee', at: 'cellA1' },
    ]);
    adminA = await TestClient.signIn(context.app, accountName('administrator', 'baseA'));
    const member = { isPartyMember: true, organizationId: tree.organizations.cellA1 };
    await addPerson(tree.admin, tree.workplaces.wpA1, { ...member, code: 'A1', fullName: 'Nguyễn Văn Tám' });
    await addPerson(tree.admin, tree.workplaces.wpA1, { ...member, code: 'A2', fullName: 'Ngô Văn Tám' });
    await addPerson(tree.admin, tree.workplaces.wpA1, {
      isPartyMember: false,
      code: 'A3',
      fullName: 'Lê Thị Hoa',
      governmentOffice: 'Giám đốc',
    });
    await addPerson(tree.admin, tree.workplaces.wpA1, {
      isPartyMember: false,
      code: 'A4',
      fullName: 'Phạm Văn Bốn',
    });
    await addPerson(tree.admin, tree.workplaces.wpB1, {
      isPartyMember: true,
      organizationId: tree.organizations.cellB1,
      code: 'B1',
      fullName: 'Trần Văn Năm',
    });
  });
  afterAll(() => context?.close());

  it('previews who gets an account, by the stated rule', async () => {
    const response = await adminA.post(
      `/api/v1/organizations/${tree.organizations.baseA}/bulk-accounts/preview`,
      {
        includeOfficeHolders: true,
      },
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      total: 3,
      rule: expect.stringContaining('tamnv'),
      byOrganization: [{ organizationName: 'Chi bộ A1', members: 2, others: 1 }],
    });
  });

  it('delegated: only an administrator of the subtree issues accounts there', async () => {
    const outside = await adminA.post(`/api/v1/organizations/${tree.organizations.baseB}/bulk-accounts`, {});
    expect(outside.statusCode).toBe(403);
    const committee = await TestClient.signIn(context.app, accountName('committee', 'cellA1'));
    const notAdmin = await committee.post(
      `/api/v1/organizations/${tree.organizations.cellA1}/bulk-accounts`,
      {},
    );
    expect(notAdmin.statusCode).toBe(403);
  });

  let issued: { username: string; password: string }[] = [];

  it('issues accounts and one sheet per cell (DOCX); each must change the password at first sign-in', async () => {
    const response = await adminA.post(
      `/api/v1/organizations/${tree.organizations.baseA}/bulk-accounts?format=docx`,
      { includeOfficeHolders: true },
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-accounts-created']).toBe('3');
    const xml = await documentXml(response.rawPayload);
    // A password's hyphens are non-breaking in the document, so it never splits over two lines.
    const plain = xml
      .replace(/<\/w:t><w:noBreakHyphen\/><w:t[^>]*>/g, '-')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    expect(plain).toContain('DANH SÁCH');
    expect(plain).toContain('CHI BỘ A1');
    expect(plain).toContain('Mật khẩu dùng một lần');
    issued = [...plain.matchAll(new RegExp(` ([a-z0-9]+) (${PASSWORD.source})`, 'g'))].map((match) => ({
      username: match[1]!,
      password: match[2]!,
    }));
    expect(issued.map((each) => each.username).sort()).toEqual(['hoalt', 'tamnv', 'tamnv2']);
    // Sheets list the rows in name order; the password follows its username in the same row.
    for (const { username, password } of issued) {
      const client = await TestClient.signIn(context.app, username, password);
      const me = await client.get('/api/v1/me');
      expect(me.json()).toMatchObject({ mustChangePassword: true, username });
      // Until the password is changed, nothing else opens.
      expect((await client.get(`/api/v1/organizations/${tree.organizations.cellA1}`)).statusCode).toBe(403);
    }
    const again = await adminA.post(`/api/v1/organizations/${tree.organizations.baseA}/bulk-accounts`, {
      includeOfficeHolders: true,
    });
    expect(again.statusCode).toBe(409);
  });

  it('keeps no one-time password readable in the database', async () => {
    const dump = [
      await text('select row_to_json(a)::text as t from accounts a'),
      await text('select row_to_json(e)::text as t from audit_entries e'),
    ].join('\n');
    for (const { password } of issued) expect(dump).not.toContain(password);
    expect(dump).toContain('"bulk"');
  });

  it('reissues one as a PDF: the old password stops working, the new one works', async () => {
    const { rows } = (await context.database.db.execute(
      "select id from accounts where username = 'hoalt'" as never,
    )) as unknown as { rows: { id: string }[] };
    const response = await adminA.post(`/api/v1/accounts/${rows[0]!.id}/one-time-password?format=pdf`, {});
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const lines = (await pdfLines(response.rawPayload)).join('\n').replace(/[\u2010\u2011]/g, '-');
    const [fresh] = lines.match(PASSWORD) ?? [];
    expect(fresh).toBeDefined();
    const old = issued.find((each) => each.username === 'hoalt')!.password;
    expect(fresh).not.toBe(old);
    await expect(TestClient.signIn(context.app, 'hoalt', old)).rejects.toThrow();
    await TestClient.signIn(context.app, 'hoalt', fresh!);
  });
});
