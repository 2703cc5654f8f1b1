import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { openDatabase, queryRows } from '../src/db/client.js';
import { organizations } from '../src/db/schema/index.js';
import { Actor } from '../src/server/auth/actor.js';
import { createRootOrganization, insertAccount } from '../src/server/bootstrap.js';
import { applyWorkbook } from '../src/server/province/apply.js';
import { checkWorkbook } from '../src/server/province/check.js';
import { COLUMNS, SHEET_NAMES } from '../src/server/province/columns.js';
import { readProvinceWorkbook } from '../src/server/province/read.js';
import { ms, seededRandom, summarize } from './stats.js';

/**
 * Issue 16, QUALITY: a province-size workbook (2 000 organizations, 6 000 workplaces, 120 000
 * people) previewed and applied on PostgreSQL in under 60 s each, while the server stays
 * responsive (event-loop delay and `select 1` latency sampled throughout), beside ExcelJS reading
 * the same file bare. `npx tsx bench/province-import.ts` alone, or from `npm run bench`.
 */
export interface ProvinceSize {
  organizations: number;
  workplaces: number;
  people: number;
}

export const PROVINCE: ProvinceSize = { organizations: 2_000, workplaces: 6_000, people: 120_000 };
const LIMIT_MS = 60_000;

export const scaledProvince = (scale: number): ProvinceSize => ({
  organizations: Math.round(PROVINCE.organizations * scale),
  workplaces: Math.round(PROVINCE.workplaces * scale),
  people: Math.round(PROVINCE.people * scale),
});

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Hoàng', 'Phan', 'Võ', 'Đặng', 'Bùi'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Hữu', 'Thanh', 'Quốc', 'Kim'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Hà',
  'Hùng',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phúc',
  'Sơn',
  'Tâm',
  'Vy',
];

/** The workbook, written as a stream the way a register tool would; `version` changes names. */
export async function provinceWorkbook(size: ProvinceSize = PROVINCE, version = 0): Promise<Buffer> {
  const random = seededRandom(16);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (chunk: Buffer) => parts.push(chunk));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: true,
    useStyles: false,
  });
  const sheet = (key: keyof typeof COLUMNS) => {
    const added = writer.addWorksheet(SHEET_NAMES[key]);
    added.addRow(COLUMNS[key].map((column) => column.header)).commit();
    return added;
  };
  const bases = Math.max(1, Math.round(size.organizations / 100));
  const orgs = sheet('organizations');
  const cells: string[] = [];
  for (let index = 0; index < size.organizations; index++) {
    if (index < bases) {
      orgs
        .addRow([`DB-${index}`, `Đảng bộ cơ sở số ${index}${version ? ' (sửa)' : ''}`, 'Đảng bộ cơ sở', null])
        .commit();
    } else {
      const code = `CB-${index}`;
      cells.push(code);
      orgs.addRow([code, `Chi bộ số ${index}`, 'Chi bộ trực thuộc', `DB-${index % bases}`]).commit();
    }
  }
  orgs.commit();
  const wps = sheet('workplaces');
  for (let index = 0; index < size.workplaces; index++) {
    wps
      .addRow([
        `CQ-${index}`,
        `Cơ quan số ${index}`,
        cells[index % cells.length],
        `Số ${index} đường Trần Phú`,
      ])
      .commit();
  }
  wps.commit();
  const persons = sheet('people');
  for (let index = 0; index < size.people; index++) {
    const workplace = index % size.workplaces;
    const member = random() < 0.4;
    const year = 1960 + Math.floor(random() * 45);
    const day = `${String(1 + Math.floor(random() * 28)).padStart(2, '0')}/${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`;
    persons
      .addRow([
        `NV-${index}`,
        member ? `79${String(index).padStart(8, '0')}` : null,
        `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
        `${day}/${year}`,
        random() < 0.5 ? 'Nam' : 'Nữ',
        `CQ-${workplace}`,
        'Chuyên viên',
        random() < 0.8 ? 'Biên chế' : 'Hợp đồng dài hạn',
        member ? 'Có' : 'Không',
        member ? cells[workplace % cells.length] : null,
        null,
        null,
        'Không',
        null,
        `01/09/${2000 + (index % 24)}`,
        null,
        null,
        'Có',
      ])
      .commit();
  }
  persons.commit();
  await writer.commit();
  return Buffer.concat(parts);
}

/**
 * Samples how long the event loop and a trivial query wait while `work` runs. `longestStallMs` is
 * perf_hooks' monitorEventLoopDelay maximum: the longest the server could not answer anyone.
 */
async function responsiveness<T>(probe: () => Promise<unknown>, work: () => Promise<T>) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const loopDelays: number[] = [];
  const queryTimes: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const start = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 50));
      loopDelays.push(performance.now() - start - 50);
      const query = performance.now();
      await probe();
      queryTimes.push(performance.now() - query);
    }
  })();
  const start = performance.now();
  try {
    const result = await work();
    histogram.disable();
    return {
      result,
      ms: performance.now() - start,
      longestStallMs: histogram.max / 1e6,
      stallP99Ms: histogram.percentile(99) / 1e6,
      loop: summarize(loopDelays),
      query: summarize(queryTimes),
    };
  } finally {
    histogram.disable();
    running = false;
    await loop;
  }
}

export interface ProvinceImportFigures {
  size: ProvinceSize;
  fileBytes: number;
  excelJsLoadMs: number;
  excelJsStreamMs: number;
  previewMs: number;
  applyMs: number;
  /** perf_hooks monitorEventLoopDelay maximum during the preview and during the apply. */
  previewStallMs: number;
  applyStallMs: number;
  reimportPreviewMs: number;
  lines: string[];
  passed: boolean;
}

/** Runs the whole benchmark on a fresh database of the server at `serverUrl`. */
export async function provinceImportBench(
  serverUrl: string,
  size: ProvinceSize = PROVINCE,
): Promise<ProvinceImportFigures> {
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  const DATABASE = 'tuphebinh_bench_province';
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.query(`create database ${DATABASE}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${DATABASE}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
  try {
    const { db } = database;
    const root = await createRootOrganization(db, {
      kind: 'province',
      name: 'Đảng bộ tỉnh Thử tải',
      shortName: '',
      headerSuperior: '',
      headerIssuer: 'ĐẢNG BỘ TỈNH THỬ TẢI',
    });
    const accountId = await insertAccount(db, {
      username: 'bench-admin',
      displayName: 'Thử tải',
      password: 'mat-khau-thu-tai-16',
      homeOrganizationId: root,
      roles: [{ role: 'administrator', organizationId: root }],
    });
    const actor = new Actor(
      accountId,
      'bench-admin',
      'Thử tải',
      `/${root}/`,
      [{ role: 'administrator', organizationId: root, organizationPath: `/${root}/` }],
      false,
    );
    const [base] = await db.select().from(organizations).where(sql`${organizations.id} = ${root}`);

    const file = await provinceWorkbook(size);
    say(
      `Sổ nhập: ${size.organizations} tổ chức, ${size.workplaces} cơ quan, ${size.people} người — ${(file.length / 1_048_576).toFixed(1)} MB`,
    );
    let start = performance.now();
    await new ExcelJS.Workbook().xlsx.load(file as unknown as ExcelJS.Buffer);
    const excelJsLoadMs = performance.now() - start;
    say(`ExcelJS đọc trần cả tệp (xlsx.load): ${ms(excelJsLoadMs)}`);
    start = performance.now();
    let cells = 0;
    for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {})) {
      for await (const row of sheet) cells += row.cellCount;
    }
    const excelJsStreamMs = performance.now() - start;
    say(`ExcelJS đọc trần theo luồng (${cells} ô): ${ms(excelJsStreamMs)}`);

    const probe = () => queryRows(db, sql`select 1`);
    const preview = await responsiveness(probe, async () => {
      const read = await readProvinceWorkbook(file);
      const checked = await checkWorkbook(db, actor, base!, read);
      return { read, checked };
    });
    say(
      `Xem trước (đọc + kiểm tra): ${ms(preview.ms)}; lỗi ${preview.result.checked.preview.errorCount}; vòng sự kiện bị chặn lâu nhất ${ms(preview.longestStallMs)} (p99 ${ms(preview.stallP99Ms)}); select 1 p95 ${ms(preview.query.p95)}`,
    );
    const steps: string[] = [];
    const applyStart = performance.now();
    const applied = await responsiveness(probe, () =>
      applyWorkbook(db, actor, root, preview.result.read, (done, total) =>
        steps.push(`${done}/${total} @${ms(performance.now() - applyStart)}`),
      ),
    );
    if (process.env.BENCH_VERBOSE) console.log(steps.join('\n'));
    say(
      `Nhập (một giao dịch): ${ms(applied.ms)}; vòng sự kiện bị chặn lâu nhất ${ms(applied.longestStallMs)} (p99 ${ms(applied.stallP99Ms)}); select 1 p95 ${ms(applied.query.p95)}`,
    );
    const [{ count } = { count: 0 }] = await queryRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from people`,
    );
    say(`Số người trong cơ sở dữ liệu sau khi nhập: ${count}`);
    const edited = await provinceWorkbook(size, 1);
    const again = await responsiveness(probe, async () => {
      const read = await readProvinceWorkbook(edited);
      return checkWorkbook(db, actor, base!, read);
    });
    const counts = again.result.preview.counts;
    say(
      `Nhập lại tệp đã sửa — xem trước: ${ms(again.ms)}; tổ chức sửa ${counts.organizations.update}, người giữ nguyên ${counts.people.unchanged}`,
    );
    const passed = preview.ms < LIMIT_MS && applied.ms < LIMIT_MS && count === size.people;
    say(`Sổ nhập cả tỉnh (xem trước và nhập mỗi bước < 60 s): ${passed ? 'ĐẠT' : 'KHÔNG ĐẠT'}`);
    return {
      size,
      fileBytes: file.length,
      excelJsLoadMs,
      excelJsStreamMs,
      previewMs: preview.ms,
      applyMs: applied.ms,
      previewStallMs: preview.longestStallMs,
      applyStallMs: applied.longestStallMs,
      reimportPreviewMs: again.ms,
      lines,
      passed,
    };
  } finally {
    await database.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const serverUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  await provinceImportBench(serverUrl, scaledProvince(Number(process.env.BENCH_SCALE ?? '1')));
}
