import { existsSync, renameSync, rmSync } from 'node:fs';
import pg from 'pg';
import { type Database, openDatabase } from '../db/client.js';
import { ensurePgliteSnapshot, loadPgliteSnapshot } from '../db/pglite-snapshot.js';
import { type Config, readConfig } from './config.js';
import { formatDemoAccounts } from './demo/accounts.js';
import { loadDemo } from './demo/load.js';
import { DataDirBusyError, lockDataDir, pgliteDir } from './server-database.js';

/**
 * `npm run demo:reset`: starts the database over with only the demo organization in it.
 * The embedded database is moved aside (kept as one backup); PostgreSQL loses its schemas, so it asks for --yes.
 */
async function resetDemo(config: Config, confirmed: boolean): Promise<void> {
  if (config.DATABASE_URL) {
    if (!confirmed) {
      throw new UserError(
        'Lệnh này XÓA TOÀN BỘ dữ liệu trong cơ sở dữ liệu PostgreSQL tại DATABASE_URL (lược đồ public và drizzle) ' +
          'rồi nạp dữ liệu mẫu. Hãy dừng máy chủ đang dùng cơ sở dữ liệu này, rồi xác nhận bằng:\n' +
          '  npm run demo:reset -- --yes',
      );
    }
    await dropSchemas(config.DATABASE_URL);
    await loadInto(await openDatabase({ kind: 'postgres', url: config.DATABASE_URL, poolSize: 2 }));
    return;
  }
  const release = lockDataDir(config.DATA_DIR);
  try {
    const dir = pgliteDir(config);
    if (existsSync(dir)) {
      const backup = `${dir}.bak`;
      rmSync(backup, { recursive: true, force: true });
      renameSync(dir, backup);
      console.log(`Dữ liệu cũ được chuyển sang ${backup} (xóa thư mục này nếu không cần).`);
    }
    const snapshot = loadPgliteSnapshot(await ensurePgliteSnapshot());
    await loadInto(await openDatabase({ kind: 'pglite', dataDir: dir, snapshot }));
  } finally {
    release();
  }
}

async function loadInto(database: Database): Promise<void> {
  try {
    const accounts = await loadDemo(database.db);
    console.log(`Đã nạp lại dữ liệu mẫu.\n${formatDemoAccounts(accounts)}`);
  } finally {
    await database.close();
  }
}

async function dropSchemas(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('drop schema if exists drizzle cascade');
    await client.query('drop schema if exists public cascade');
    await client.query('create schema public');
  } finally {
    await client.end();
  }
}

class UserError extends Error {}

function readConfigOrFail(): Config {
  try {
    return readConfig();
  } catch (error) {
    throw new UserError((error as Error).message);
  }
}

try {
  await resetDemo(readConfigOrFail(), process.argv.includes('--yes'));
} catch (error) {
  const known = error instanceof UserError || error instanceof DataDirBusyError;
  console.error(
    known ? (error as Error).message : `Không đặt lại được dữ liệu mẫu:\n${(error as Error).stack ?? error}`,
  );
  process.exitCode = 1;
}
