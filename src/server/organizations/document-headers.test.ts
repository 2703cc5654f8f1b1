import { eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { compilations, meetings, organizations } from '../../db/schema/index.js';
import { documentXml, docxParagraphs } from '../../documents/read-exports.js';
import { insertAccount } from '../bootstrap.js';
import { DEMO_PASSWORD } from '../demo/accounts.js';
import { loadDemo } from '../demo/load.js';
import { type GeneratedTree, generateTree } from '../reports/generated-tree.js';
import { createTestContext, TEST_PASSWORD, TestClient, type TestContext } from '../test-support.js';
import { documentNames } from './document-names.js';

/**
 * Issue 12, "Done means" 1: every header is built from the organization's own kind and name at
 * each level. The demo tree (province, bloc, bases, cells, a base-level cell) and a generated tree
 * (bloc, bases, cells named "Tổ chức sinh N") are walked: each organization's two lines are checked,
 * then every document type is downloaded for an organization of each kind that issues it and the
 * lines over its star are read from the DOCX.
 */

interface Row extends Record<string, unknown> {
  id: string;
  parentId: string | null;
  kind: string;
  name: string;
  path: string;
}

// The demo's organizations, as Hướng dẫn 36-HD/VPTW heads their documents.
const DEMO_HEADERS: Record<string, [string, string]> = {
  'Đảng bộ tỉnh Trà Vinh': ['', 'TỈNH ỦY TRÀ VINH'],
  'Đảng ủy Khối các cơ quan và doanh nghiệp': [
    'ĐẢNG BỘ TỈNH TRÀ VINH',
    'ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP',
  ],
  'Đảng bộ Sở Y tế': ['ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP', 'ĐẢNG ỦY SỞ Y TẾ'],
  'Chi bộ Văn phòng Sở Y tế': ['ĐẢNG BỘ SỞ Y TẾ', 'CHI BỘ VĂN PHÒNG SỞ Y TẾ'],
  'Chi bộ các phòng Nghiệp vụ Sở Y tế': ['ĐẢNG BỘ SỞ Y TẾ', 'CHI BỘ CÁC PHÒNG NGHIỆP VỤ SỞ Y TẾ'],
  'Chi bộ Trung tâm Kiểm soát bệnh tật': ['ĐẢNG BỘ SỞ Y TẾ', 'CHI BỘ TRUNG TÂM KIỂM SOÁT BỆNH TẬT'],
  'Đảng bộ Sở Giáo dục và Đào tạo': [
    'ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP',
    'ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO',
  ],
  'Chi bộ Văn phòng Sở Giáo dục và Đào tạo': [
    'ĐẢNG BỘ SỞ GIÁO DỤC VÀ ĐÀO TẠO',
    'CHI BỘ VĂN PHÒNG SỞ GIÁO DỤC VÀ ĐÀO TẠO',
  ],
  'Chi bộ các phòng chuyên môn Sở Giáo dục và Đào tạo': [
    'ĐẢNG BỘ SỞ GIÁO DỤC VÀ ĐÀO TẠO',
    'CHI BỘ CÁC PHÒNG CHUYÊN MÔN SỞ GIÁO DỤC VÀ ĐÀO TẠO',
  ],
  'Chi bộ Trường Trung học phổ thông Chuyên Trà Vinh': [
    'ĐẢNG BỘ SỞ GIÁO DỤC VÀ ĐÀO TẠO',
    'CHI BỘ TRƯỜNG TRUNG HỌC PHỔ THÔNG CHUYÊN TRÀ VINH',
  ],
  'Đảng bộ Công ty Cổ phần Cấp thoát nước Trà Vinh': [
    'ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP',
    'ĐẢNG ỦY CÔNG TY CỔ PHẦN CẤP THOÁT NƯỚC TRÀ VINH',
  ],
  'Chi bộ Văn phòng Công ty': ['ĐẢNG BỘ CÔNG TY CỔ PHẦN CẤP THOÁT NƯỚC TRÀ VINH', 'CHI BỘ VĂN PHÒNG CÔNG TY'],
  'Chi bộ Nhà máy nước Trà Vinh': [
    'ĐẢNG BỘ CÔNG TY CỔ PHẦN CẤP THOÁT NƯỚC TRÀ VINH',
    'CHI BỘ NHÀ MÁY NƯỚC TRÀ VINH',
  ],
  'Chi bộ Xí nghiệp Cấp nước Càng Long': [
    'ĐẢNG BỘ CÔNG TY CỔ PHẦN CẤP THOÁT NƯỚC TRÀ VINH',
    'CHI BỘ XÍ NGHIỆP CẤP NƯỚC CÀNG LONG',
  ],
  'Chi bộ Sở Tư pháp': ['ĐẢNG BỘ KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP', 'CHI BỘ SỞ TƯ PHÁP'],
};

const upper = (text: string) => text.toLocaleUpperCase('vi');

/** The generated tree's rule: `Tổ chức sinh N` is a đảng bộ (its đảng ủy issues) or a chi bộ. */
function generatedHeader(row: Row, parent: Row): [string, string] {
  const superior =
    parent.kind === 'province'
      ? 'ĐẢNG BỘ TỈNH TRÀ VINH'
      : `${parent.kind === 'cell' ? 'CHI BỘ' : 'ĐẢNG BỘ'} ${upper(parent.name)}`;
  return [superior, `${row.kind === 'cell' ? 'CHI BỘ' : 'ĐẢNG ỦY'} ${upper(row.name)}`];
}

/** The lines over the star: the first cell of the document's first table, without the star. */
async function headerOf(client: TestClient, url: string): Promise<string[]> {
  const response = await client.get(url);
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  const xml = await documentXml(response.rawPayload);
  const cell = /<w:tc>[\s\S]*?<\/w:tc>/.exec(xml)?.[0] ?? '';
  return docxParagraphs(cell).filter((line) => line && line !== '*');
}

describe('document headers across the demo tree and a generated tree', () => {
  let context: TestContext;
  let tree: GeneratedTree;
  let rows: Row[];
  let secretary: TestClient;
  const committees = new Map<string, TestClient>();
  const byId = (id: string | null) => rows.find((row) => row.id === id)!;
  const expected = (row: Row): [string, string] =>
    DEMO_HEADERS[row.name] ?? generatedHeader(row, byId(row.parentId));

  /** A client holding the committee role at the organization (plans, reports, the cell's papers). */
  const committeeOf = async (row: Row) => {
    let client = committees.get(row.id);
    if (!client) {
      const username = `capuy.${committees.size}`;
      await insertAccount(context.database.db, {
        username,
        displayName: `Cấp ủy ${row.name}`,
        password: TEST_PASSWORD,
        homeOrganizationId: row.id,
        roles: [{ role: 'committee', organizationId: row.id }],
      });
      client = await TestClient.signIn(context.app, username);
      committees.set(row.id, client);
    }
    return client;
  };

  beforeAll(async () => {
    context = await createTestContext();
    const { db } = context.database;
    await loadDemo(db);
    const [province] = await db.select().from(organizations).where(isNull(organizations.parentId));
    const secretaryId = await insertAccount(db, {
      username: 'thuky.sinh',
      displayName: 'Thư ký các buổi họp sinh',
      password: TEST_PASSWORD,
      homeOrganizationId: province!.id,
    });
    tree = await generateTree(db, {
      seed: 12,
      parent: { id: province!.id, path: province!.path, depth: province!.depth },
      accountId: secretaryId,
      now: new Date(),
    });
    secretary = await TestClient.signIn(context.app, 'thuky.sinh');
    rows = await queryRows<Row>(
      db,
      sql`select id, parent_id as "parentId", kind, name, path from organizations order by depth, name`,
    );
  });
  afterAll(() => context?.close());

  it('names each level from its kind and name: every organization of both trees', async () => {
    const kinds = new Set<string>();
    for (const row of rows) {
      const { header } = await documentNames(context.database.db, row.id);
      expect(row.name.startsWith('Tổ chức sinh') || DEMO_HEADERS[row.name] !== undefined, row.name).toBe(
        true,
      );
      expect([header.superior, header.issuer], row.name).toEqual(expected(row));
      kinds.add(row.kind);
    }
    expect([...kinds].sort()).toEqual(['base', 'base-cell', 'bloc', 'cell', 'province']);
    expect(rows.filter((row) => row.name.startsWith('Tổ chức sinh')).length).toBe(tree.organizations.length);
  });

  it('heads every plan with its issuer’s lines, whatever its kind (DOCX)', async () => {
    const generated = (kind: string) =>
      rows.find((row) => row.kind === kind && row.name.startsWith('Tổ chức sinh'));
    const demo = (kind: string) => rows.find((row) => row.kind === kind && DEMO_HEADERS[row.name]);
    for (const row of [
      ...['province', 'bloc', 'base', 'cell', 'base-cell'].map(demo),
      ...['bloc', 'base', 'cell'].map(generated),
    ]) {
      const committee = await committeeOf(row!);
      const template = await committee.get(`/api/v1/plans/template?organizationId=${row!.id}&year=2031`);
      expect(template.statusCode, template.body).toBe(200);
      const created = await committee.post('/api/v1/plans', template.json());
      expect(created.statusCode, created.body).toBe(201);
      const lines = await headerOf(committee, `/api/v1/plans/${created.json().id}/document.docx`);
      expect(lines, row!.name).toEqual(expected(row!).filter(Boolean));
    }
  });

  it('heads the reports of every level with their own lines (DOCX)', async () => {
    for (const kind of ['bloc', 'base', 'cell']) {
      const row = rows.find(
        (candidate) =>
          candidate.kind === kind &&
          tree.workplaces.some((workplace) => workplace.organizationPath.startsWith(candidate.path)),
      )!;
      // Its own committee opens the report (a draft is made for it on first read).
      const committee = await committeeOf(row);
      const report = await committee.get(`/api/v1/plans/${tree.planId}/organizations/${row.id}/report`);
      expect(report.statusCode, report.body).toBe(200);
      const lines = await headerOf(committee, `/api/v1/reports/${report.json().id}/document.docx`);
      expect(lines, row.name).toEqual(expected(row));
    }
  });

  it('heads the minutes, the compilation and the remediation plan of a meeting with its organization’s lines (DOCX)', async () => {
    const compiled = await context.database.db
      .select({ meetingId: meetings.id, organizationId: meetings.organizationId })
      .from(meetings)
      .innerJoin(compilations, eq(compilations.meetingId, meetings.id))
      .where(eq(meetings.planId, tree.planId));
    const kinds = new Set<string>();
    for (const { meetingId, organizationId } of compiled) {
      const row = byId(organizationId);
      if (kinds.has(row.kind)) continue;
      kinds.add(row.kind);
      for (const document of ['minutes', 'compilation', 'remediation'])
        expect(
          await headerOf(secretary, `/api/v1/meetings/${meetingId}/${document}.docx`),
          `${document}, ${row.name}`,
        ).toEqual(expected(row));
    }
    expect(kinds.has('cell')).toBe(true);
  });

  it('heads a member’s self-criticism and the summary list with the cell’s lines, never ĐẢNG BỘ ĐẢNG ỦY … (DOCX)', async () => {
    const cell = rows.find((row) => row.name === 'Chi bộ Văn phòng Sở Y tế')!;
    const bloc = rows.find((row) => row.kind === 'bloc' && DEMO_HEADERS[row.name])!;
    const board = await committeeOf(bloc);
    const template = await board.get(`/api/v1/plans/template?organizationId=${bloc.id}&year=2030`);
    const plan = (
      await board.post('/api/v1/plans', {
        ...(template.json() as object),
        number: '06',
        place: 'Trà Vinh',
        signerName: 'Nguyễn Văn Ký',
      })
    ).json();
    const published = await board.post(`/api/v1/plans/${plan.id}/publish`, { version: plan.version });
    expect(published.statusCode, published.body).toBe(200);
    const member = await TestClient.signIn(context.app, 'dangvien', DEMO_PASSWORD);
    const [own] = (await member.get('/api/v1/self-criticisms/mine')).json().items;
    // dangvien has no office: the form carries the organization lines on the left, as the seed's does.
    const lines = await headerOf(member, `/api/v1/self-criticisms/${own.id}/document.docx`);
    expect(lines).toEqual(DEMO_HEADERS[cell.name]);
    const committee = await committeeOf(cell);
    expect(
      await headerOf(committee, `/api/v1/plans/${plan.id}/workplaces/${own.workplaceId}/summary-list.docx`),
    ).toEqual(DEMO_HEADERS[cell.name]);
  });
});
