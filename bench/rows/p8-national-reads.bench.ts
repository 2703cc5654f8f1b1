import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../../src/db/client.js';
import { foldVietnamese } from '../../src/domain/text.js';
import { listAuditEntries } from '../../src/server/audit/entries.js';
import { Actor } from '../../src/server/auth/actor.js';
import { searchPeople } from '../../src/server/people/service.js';
import { getReport } from '../../src/server/reports/service.js';
import { yearEndScope } from '../../src/server/year-end/access.js';
import { yearEndOrganizations } from '../../src/server/year-end/organizations.js';
import { type Bench, type BenchRow, freshDatabase, limitRow, ms, p } from '../harness.js';
import {
  generateNationalTree,
  publishNationalPlan,
  recordNationalMeetings,
  treeSize,
} from '../national-tree.js';
import { seededRandom, summarize, timed, timeEach } from '../stats.js';

/**
 * National-size reads beyond progress (issue 17, item 5) on a generated country: 63 provinces,
 * 300 000 workplaces, 5.5 million people with Vietnamese names, a published national plan with its
 * meetings, a year of audit entries (scaled by BENCH_SCALE; `--quick` 1 %). Through the services
 * the routes call: finding a person by any part of the name, diacritics ignored, from every depth
 * of the tree; the report figures of an organization at every depth, the root included; the
 * year-end ranking of a province; the audit log filtered by person and by action. Each p95 beside
 * the primary-key read of a person in the same run. Target p95 ≤ 100 ms, the root's report ≤ 2 s.
 */
const P95_LIMIT_MS = 100;
const ROOT_REPORT_LIMIT_MS = 2000;
/** Party members of each workplace (the first of its people): they self-criticize and attend. */
const MEMBERS_PER_WORKPLACE = 3;
const PEOPLE_PER_WORKPLACE = 18;
const AUDIT_ENTRIES_FULL = 2_000_000;
const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Thạch',
  'Kim',
];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Ngọc', 'Minh', 'Thanh', 'Quốc', 'Xuân', 'Thu', 'Hoài', 'Bảo'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Hà',
  'Hùng',
  'Lan',
  'Mai',
  'Nam',
  'Phúc',
  'Sơn',
  'Tâm',
  'Thảo',
  'Yến',
  'Khoa',
  'Long',
  'Nhung',
  'Quyên',
  'Trang',
  'Vy',
  'Đạt',
  'Hiếu',
  'Sa Rươne',
  'Tám',
];
const ACTIONS = [
  'person.created',
  'person.updated',
  'account.created',
  'plan.published',
  'self_criticism.submitted',
  'meeting.scheduled',
  'personal_data.read',
];
/** What people type: a given name, a family + middle name, a whole name, diacritics or not. */
const QUERIES = ['Thảo', 'nguyen van', 'Trần Thị Lan', 'rươne', 'hoai khoa', 'Đặng'];

const textArray = (values: string[]) => sql`${`{${values.map((value) => `"${value}"`).join(',')}}`}::text[]`;

function nationalAdministrator(rootId: string): Actor {
  return new Actor(
    crypto.randomUUID(),
    'bench',
    'Thử tải',
    `/${rootId}/`,
    [{ role: 'administrator', organizationId: rootId, organizationPath: `/${rootId}/` }],
    false,
  );
}

type SearchQuery = Parameters<typeof searchPeople>[2];
type AuditQuery = Parameters<typeof listAuditEntries>[2];

const bench: Bench = {
  id: 'P8',
  title:
    'national-size reads: person search, report figures at every depth, a province ranked, audit log filtered',
  async run({ quick, serverUrl, log }) {
    const scale = quick ? 0.01 : Number(process.env.BENCH_SCALE ?? '1');
    const samples = quick ? 30 : 300;
    const reportSamples = quick ? 12 : 100;
    const rootSamples = quick ? 3 : 20;
    const size = treeSize(scale);
    const database = await freshDatabase(serverUrl, 'tuphebinh_bench_p8');
    const opened = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 4 });
    try {
      const { db } = opened;
      const tree = await timed(() => generateNationalTree(db, size));
      const rootId = tree.result;
      const peopleMade = await timed(() =>
        db.execute(sql`
          insert into people (workplace_id, code, full_name, name_search, birth_date, employment_type,
                              is_party_member, organization_id)
          select wid, 'NV' || g,
                 (${textArray(FAMILY)})[a] || ' ' || (${textArray(MIDDLE)})[b] || ' ' || (${textArray(GIVEN)})[c],
                 (${textArray(FAMILY.map(foldVietnamese))})[a] || ' ' || (${textArray(MIDDLE.map(foldVietnamese))})[b] || ' ' || (${textArray(GIVEN.map(foldVietnamese))})[c],
                 date '1960-01-01' + g * 523 % 14000, 'permanent',
                 g <= ${MEMBERS_PER_WORKPLACE}, case when g <= ${MEMBERS_PER_WORKPLACE} then oid end
          from (select w.id as wid, w.organization_id as oid, g,
                       1 + floor(random() * ${FAMILY.length})::int as a,
                       1 + floor(random() * ${MIDDLE.length})::int as b,
                       1 + floor(random() * ${GIVEN.length})::int as c
                from workplaces w cross join generate_series(1, ${PEOPLE_PER_WORKPLACE}::int) g) r`),
      );
      const planMade = await timed(async () => {
        const planId = await publishNationalPlan(db, rootId);
        await recordNationalMeetings(db, rootId, planId);
        return planId;
      });
      const planId = planMade.result;
      const auditCount = Math.round(AUDIT_ENTRIES_FULL * scale);
      const auditMade = await timed(() =>
        db.execute(sql`
          insert into audit_entries (action, target_type, target_id, organization_path, at)
          select (${textArray(ACTIONS)})[1 + floor(random() * ${ACTIONS.length})::int], 'person', p.id::text, o.path,
                 now() - random() * interval '365 days'
          from (select id, workplace_id from people order by random() limit ${auditCount}::int) p
          join workplaces w on w.id = p.workplace_id join organizations o on o.id = w.organization_id`),
      );
      await db.execute(sql`analyze`);
      const [counts] = await queryRows<{ people: number; audit: number; meetings: number; opinions: number }>(
        db,
        sql`select (select count(*) from people)::int as people, (select count(*) from audit_entries)::int as audit,
                   (select count(*) from meetings)::int as meetings, (select count(*) from feedback)::int as opinions`,
      );
      log(
        `cây ${ms(tree.ms)}, ${counts?.people} người ${ms(peopleMade.ms)}, kế hoạch và ${counts?.meetings} buổi họp ${ms(planMade.ms)}, ${counts?.audit} mục nhật ký ${ms(auditMade.ms)}`,
      );

      const actor = nationalAdministrator(rootId);
      const random = seededRandom(8);
      const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
      const byDepth = await queryRows<{ depth: number; ids: string[] }>(
        db,
        sql`select depth, (array_agg(id order by random()))[1:50] as ids from organizations group by depth order by depth`,
      );
      const personIds = (
        await queryRows<{ id: string }>(
          db,
          sql`select id from people order by random() limit ${samples}::int`,
        )
      ).map((row) => row.id);

      const primaryKey = summarize(
        await timeEach(personIds, (id) => db.execute(sql`select * from people where id = ${id}`)),
      );
      const anchor = `person by primary key: ${p(primaryKey)}`;
      const base = { value: primaryKey.p95, of: 'the primary key' };
      /** Times `work` on every item after two untimed warm-up runs, and checks the p95 against `limit`. */
      const measure = async <T>(
        what: string,
        items: readonly T[],
        work: (item: T) => Promise<unknown>,
        limit = P95_LIMIT_MS,
      ) => {
        for (const item of items.slice(0, 2)) await work(item);
        const summary = summarize(await timeEach(items, work));
        log(`${what}: ${p(summary)}`);
        return limitRow({
          what,
          measured: summary.p95,
          limit,
          label: 'p95',
          figure: p(summary),
          base,
          anchor,
        });
      };
      const rows: BenchRow[] = [];

      for (const { depth, ids } of byDepth) {
        const searches = Array.from({ length: samples }, () => ({
          organizationId: pick(ids),
          q: pick(QUERIES),
        }));
        rows.push(
          await measure(`person search by part of the name, from depth ${depth}`, searches, (search) =>
            searchPeople(db, actor, { ...search, page: 1, pageSize: 20 } as SearchQuery),
          ),
        );
      }
      for (const { depth, ids } of byDepth) {
        const root = depth === 0;
        const organizations = Array.from({ length: root ? rootSamples : reportSamples }, () => pick(ids));
        rows.push(
          await measure(
            `report figures of an organization at depth ${depth}${root ? ' (the root: every workplace of the country)' : ''}`,
            organizations,
            (organizationId) => getReport(db, actor, planId, organizationId),
            root ? ROOT_REPORT_LIMIT_MS : P95_LIMIT_MS,
          ),
        );
      }
      const provinces = byDepth.find((level) => level.depth === 1)?.ids ?? [];
      let ranked = 0;
      rows.push(
        await measure(
          'year-end ranking of a province (every organization below it, ranked)',
          Array.from({ length: reportSamples }, () => pick(provinces)),
          async (organizationId) => {
            const scope = await yearEndScope(db, actor, planId, organizationId);
            ranked = (await yearEndOrganizations(db, scope)).length;
          },
        ),
      );
      const listAudit = (query: Record<string, string>) =>
        listAuditEntries(db, actor, { page: 1, pageSize: 50, ...query } as AuditQuery);
      rows.push(
        await measure('audit log filtered by person (target)', personIds, (id) =>
          listAudit({ targetId: id }),
        ),
      );
      rows.push(
        await measure(
          'audit log filtered by action, whole country',
          Array.from({ length: samples }, () => pick(ACTIONS)),
          (action) => listAudit({ action }),
        ),
      );
      return {
        rows,
        notes: [
          `Country at scale ${scale}: ${size.provinces} provinces, ${size.districts} district/bloc committees, ${size.bases} base organizations, ${size.cells} workplaces, ${counts?.people} people (${PEOPLE_PER_WORKPLACE} a workplace, ${MEMBERS_PER_WORKPLACE} of them party members; names drawn from Vietnamese family, middle and given names), ${counts?.audit} audit entries over a year.`,
          `A published national plan: ${counts?.meetings} meetings (every workplace past "pending"), attendance of their members, ${counts?.opinions} oral opinions, compilations with points and remediation items for minutes signed and later. The last province ranked ${ranked} organizations.`,
          `Read as a national administrator through the services the routes call: searchPeople (the page of 20 and its count), getReport (live figures of the subtree, its children's reports, the sum check), yearEndScope + yearEndOrganizations, listAuditEntries (the page of 50). ${samples} samples a search or audit row, ${reportSamples} a report or ranking row, ${rootSamples} for the root's report, each after two untimed runs; the queries ${QUERIES.map((query) => `"${query}"`).join(', ')}.`,
        ],
      };
    } finally {
      await opened.close();
      await database.drop();
    }
  },
};

export default bench;
