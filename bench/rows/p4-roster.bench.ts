import ExcelJS from 'exceljs';
import { openDatabase } from '../../src/db/client.js';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { rosterFile, uploadRoster } from '../../src/server/people/roster-fixtures.js';
import { accountName, seedScopeTree, TestClient } from '../../src/server/test-support.js';
import { type Bench, freshDatabase, limitRow, ms, times } from '../harness.js';
import { seededRandom, timed } from '../stats.js';

/**
 * QUALITY P4: a 10 000-row roster XLSX imported through the API (upload, validation, one
 * transaction) and exported again, on PostgreSQL, beside ExcelJS reading and writing the same
 * file bare in the same run. Target: import ≤ 5 s.
 */
const IMPORT_LIMIT_MS = 5000;
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Ngọc', 'Minh', 'Thanh', 'Quốc'];
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
];
const TYPES = ['Biên chế', 'Hợp đồng dài hạn', 'Hợp đồng ngắn hạn'];

function rows(count: number): ExcelJS.CellValue[][] {
  const random = seededRandom(17);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, index) => {
    // A birth date of its own for every row (1 January 1960 onwards, one day apart): with random
    // dates, two of 10 000 people drawn from 1 344 names shared name and date, and the import
    // rightly refused the file as holding the same person twice.
    const born = new Date(Date.UTC(1960, 0, 1 + index));
    const day = born.getUTCDate();
    const month = born.getUTCMonth() + 1;
    const year = born.getUTCFullYear();
    return [
      `NV-${String(index + 1).padStart(5, '0')}`,
      `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
      `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`,
      pick(['Nam', 'Nữ']),
      'Chuyên viên',
      pick(TYPES),
      null,
      null,
      null,
      null,
      null,
      null,
    ];
  });
}

const bench: Bench = {
  id: 'P4',
  title: 'roster XLSX of 10 000 rows imported (validation included) and exported',
  async run({ quick, serverUrl, log }) {
    const count = quick ? 2_000 : 10_000;
    const limit = (IMPORT_LIMIT_MS * count) / 10_000;
    const database = await freshDatabase(serverUrl, 'tuphebinh_bench_p4');
    const opened = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 4 });
    const app = await buildApp({ config: testConfig(), db: opened.db, serveWeb: false });
    await app.ready();
    try {
      const context = { app, database: opened, close: async () => {} };
      const tree = await seedScopeTree(context, [{ role: 'committee', at: 'cellA1' }]);
      const committee = await TestClient.signIn(app, accountName('committee', 'cellA1'));
      const file = await rosterFile(rows(count));
      log(`tệp ${count} dòng: ${(file.length / 1024).toFixed(0)} KB`);

      const bareRead = await timed(async () => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
        return workbook;
      });
      const bareWrite = await timed(() => bareRead.result.xlsx.writeBuffer());
      const imported = await timed(() => uploadRoster(committee, tree.workplaces.wpA1, file));
      if (imported.result.statusCode !== 200)
        throw new Error(`import refused: ${imported.result.body.slice(0, 500)}`);
      const exported = await timed(() =>
        committee.get(`/api/v1/workplaces/${tree.workplaces.wpA1}/roster.xlsx`),
      );
      if (exported.result.statusCode !== 200)
        throw new Error(`export refused: ${exported.result.body.slice(0, 500)}`);
      const reimported = await timed(() => uploadRoster(committee, tree.workplaces.wpA1, file));
      log(`nhập ${ms(imported.ms)}, nhập lại (không đổi) ${ms(reimported.ms)}, xuất ${ms(exported.ms)}`);
      const anchor = `bare ExcelJS: read ${ms(bareRead.ms)}, write ${ms(bareWrite.ms)}`;
      const importRow = limitRow({
        what: `import of ${count} new people (upload, checks, one transaction)`,
        measured: imported.ms,
        limit,
        base: { value: bareRead.ms, of: 'bare read' },
        anchor,
        target: `≤ ${ms(limit)}${count === 10_000 ? '' : ` (5 s scaled to ${count} rows)`}`,
        why: `bare ExcelJS reading alone took ${ms(bareRead.ms)}`,
      });
      const reimportRow = limitRow({
        what: `the same file imported again (every row matched, nothing changes)`,
        measured: reimported.ms,
        limit,
        anchor,
      });
      return {
        rows: [
          importRow,
          { ...reimportRow, passed: reimportRow.passed && reimported.result.statusCode === 200 },
          {
            what: `export of the ${count} people`,
            figure: `${ms(exported.ms)} (${times(exported.ms, bareWrite.ms)} bare write)`,
            anchor,
            target: 'no target (shown)',
            passed: true,
          },
        ],
        notes: [
          `File of ${count} rows, ${(file.length / 1024).toFixed(0)} KB, made with ExcelJS; API through inject() on PostgreSQL.`,
        ],
      };
    } finally {
      await app.close();
      await opened.close();
      await database.drop();
    }
  },
};

export default bench;
