import { readFileSync, writeFileSync } from 'node:fs';
import { openDatabase } from '../src/db/client.js';
import { readConfig } from '../src/server/config.js';
import { demoWorkbook, loadDemoFromWorkbook } from '../src/server/demo/workbook.js';
import { lockDataDir, pgliteDir } from '../src/server/server-database.js';

/**
 * Issue 16: the demo organization as a province workbook.
 *   npm run demo:workbook -- [file.xlsx]          writes the workbook (default so-nhap-demo.xlsx)
 *   npm run demo:workbook -- --load [file.xlsx]   loads an empty database (DATABASE_URL, else the
 *                                                 embedded one in DATA_DIR) through the import:
 *                                                 root, administrator "admin", then the workbook
 */
const args = process.argv.slice(2);
const load = args.includes('--load');
const file = args.find((arg) => !arg.startsWith('--'));

if (!load) {
  const target = file ?? 'so-nhap-demo.xlsx';
  writeFileSync(target, await demoWorkbook());
  console.log(`Đã ghi sổ nhập của tổ chức mẫu: ${target}`);
} else {
  const config = readConfig();
  const content = file ? readFileSync(file) : undefined;
  const release = config.DATABASE_URL ? () => {} : lockDataDir(config.DATA_DIR);
  const database = config.DATABASE_URL
    ? await openDatabase({ kind: 'postgres', url: config.DATABASE_URL, poolSize: 2 })
    : await openDatabase({ kind: 'pglite', dataDir: pgliteDir(config) });
  try {
    const preview = await loadDemoFromWorkbook(database.db, content);
    const { organizations, workplaces, people } = preview.counts;
    console.log(
      `Đã nhập qua sổ: ${organizations.create} tổ chức, ${workplaces.create} cơ quan, ${people.create} người. ` +
        'Đăng nhập: admin / demo12345 (đổi mật khẩu ngay nếu không phải máy thử).',
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  } finally {
    await database.close();
    release();
  }
}
