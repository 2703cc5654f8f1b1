import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../../src/db/client.js';
import { foldVietnamese } from '../../src/domain/text.js';
import { listAuditEntries } from '../../src/server/audit/entries.js';
import { Actor } from '../../src/server/auth/actor.js';
import { searchPeople } from '../../src/server/people/service.js';
import { type Bench, type BenchRow, freshDatabase, ms, p } from '../harness.js';
import { generateNationalTree, treeSize } from '../national-tree.js';
import { seededRandom, summarize, timed, timeEach } from '../stats.js';

/**
 * National-size reads beyond progress (issue 17, item 5) on a generated country: 63 provinces,
 * 300 000 workplaces, 5.5 million people with Vietnamese names, a year of audit entries (scaled
 * by BENCH_SCALE; `--quick` 1 %). Finding a person by any part of the name, diacritics ignored,
 * from every depth of the tree; the audit log filtered by person and by action. Each p95 beside
 * the primary-key read of a person in the same run. Target p95 ≤ 100 ms.
 */
const P95_LIMIT_MS = 100;
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

const bench: Bench = {
  id: 'P8',
  title: 'national-size reads: person search by any part of the name, audit log filtered',
  async run({ quick, serverUrl, log }) {
    const scale = quick ? 0.01 : Number(process.env.BENCH_SCALE ?? '1');
    const samples = quick ? 60 : 300;
    const size = treeSize(scale);
    const database = await freshDatabase(serverUrl, 'tuphebinh_bench_p8');
    const opened = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 4 });
    try {
      const { db } = opened;
      const tree = await timed(() => generateNationalTree(db, size));
      const rootId = tree.result;
      const peopleMade = await timed(() =>
        db.execute(sql`
          insert into people (workplace_id, code, full_name, name_search, birth_date, employment_type)
          select wid, 'NV' || g,
                 (${textArray(FAMILY)})[a] || ' ' || (${textArray(MIDDLE)})[b] || ' ' || (${textArray(GIVEN)})[c],
                 (${textArray(FAMILY.map(foldVietnamese))})[a] || ' ' || (${textArray(MIDDLE.map(foldVietnamese))})[b] || ' ' || (${textArray(GIVEN.map(foldVietnamese))})[c],
                 date '1960-01-01' + g * 523 % 14000, 'permanent'
          from (select w.id as wid, g,
                       1 + floor(random() * ${FAMILY.length})::int as a,
                       1 + floor(random() * ${MIDDLE.length})::int as b,
                       1 + floor(random() * ${GIVEN.length})::int as c
                from workplaces w cross join generate_series(1, ${PEOPLE_PER_WORKPLACE}::int) g) r`),
      );
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
      const [counts] = await queryRows<{ people: number; audit: number }>(
        db,
        sql`select (select count(*) from people)::int as people, (select count(*) from audit_entries)::int as audit`,
      );
      log(
        `cây ${ms(tree.ms)}, ${counts?.people} người ${ms(peopleMade.ms)}, ${counts?.audit} mục nhật ký ${ms(auditMade.ms)}`,
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
      const rows: BenchRow[] = [];
      const row = (what: string, timings: number[], limit = P95_LIMIT_MS): BenchRow => {
        const summary = summarize(timings);
        const passed = summary.p95 <= limit;
        log(`${what}: ${p(summary)}`);
        return {
          what,
          figure: `${p(summary)} (${(summary.p95 / primaryKey.p95).toFixed(0)}× the primary key)`,
          anchor,
          target: `p95 ≤ ${ms(limit)}`,
          passed,
          ...(passed ? {} : { reason: `p95 ${ms(summary.p95)} over ${ms(limit)}` }),
        };
      };
      for (const { depth, ids } of byDepth) {
        const searches = Array.from({ length: samples }, () => ({
          organizationId: pick(ids),
          q: pick(QUERIES),
        }));
        await timeEach(searches.slice(0, 5), (search) =>
          searchPeople(db, actor, { ...search, page: 1, pageSize: 20 } as Parameters<typeof searchPeople>[2]),
        );
        rows.push(
          row(
            `person search by part of the name, from depth ${depth}`,
            await timeEach(searches, (search) =>
              searchPeople(db, actor, { ...search, page: 1, pageSize: 20 } as Parameters<
                typeof searchPeople
              >[2]),
            ),
          ),
        );
      }
      const listAudit = (query: Record<string, string>) =>
        listAuditEntries(db, actor, { page: 1, pageSize: 50, ...query } as Parameters<
          typeof listAuditEntries
        >[2]);
      rows.push(
        row(
          'audit log filtered by person (target)',
          await timeEach(personIds, (id) => listAudit({ targetId: id })),
        ),
      );
      rows.push(
        row(
          'audit log filtered by action, whole country',
          await timeEach(
            Array.from({ length: samples }, () => pick(ACTIONS)),
            (action) => listAudit({ action }),
          ),
        ),
      );
      return {
        rows,
        notes: [
          `Country at scale ${scale}: ${size.provinces} provinces, ${size.districts} district/bloc committees, ${size.bases} base organizations, ${size.cells} workplaces, ${counts?.people} people (${PEOPLE_PER_WORKPLACE} a workplace, names drawn from Vietnamese family, middle and given names), ${counts?.audit} audit entries over a year. Searches as a national administrator through the services the routes call (searchPeople, listAuditEntries: the page of 20/50 and the total count), ${samples} a row, the queries ${QUERIES.map((query) => `"${query}"`).join(', ')}.`,
          'Not measured yet (issue 17 item 5): the report figures of an organization at every depth and the year-end ranking of a province.',
        ],
      };
    } finally {
      await opened.close();
      await database.drop();
    }
  },
};

export default bench;
