import {
  closeSync,
  createWriteStream,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir, pgliteDir } from '../server-database.js';
import type { BackupConfig } from './backup.js';
import { BackupError } from './errors.js';
import { checkPgTools, runTool, scalar, toolConnection } from './postgres-tools.js';

type BackupKind = 'postgres' | 'pglite';

const CORRUPT = (file: string) =>
  `Tệp ${file} bị hỏng hoặc không trọn vẹn (có thể bị cắt cụt khi sao chép): không khôi phục gì, cơ sở dữ liệu giữ nguyên.`;
const FOREIGN = (file: string) =>
  `Tệp ${file} không phải bản sao lưu của tuphebinh (tạo bằng "npm run backup"): không khôi phục gì, cơ sở dữ liệu giữ nguyên.`;

/** What a backup file is, from its first bytes: a pg_dump custom archive or a gzip (embedded copy). */
export function backupKindOf(file: string): BackupKind | null {
  if (!existsSync(file)) throw new BackupError(`Không tìm thấy tệp sao lưu ${file}.`);
  const head = Buffer.alloc(5);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 5, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  return null;
}

/**
 * R2: puts a backup back. The file is checked whole before anything is touched; a database that
 * already holds data is replaced only with `confirmed` (`--yes`), and then in one step: on
 * PostgreSQL one transaction (drop and reload), embedded a directory swapped in once the copy opened.
 */
export async function restoreDatabase(
  config: BackupConfig,
  source: string,
  { confirmed }: { confirmed: boolean },
): Promise<{ replaced: string | null }> {
  const file = resolve(source);
  const kind = backupKindOf(file);
  if (kind === null) throw new BackupError(FOREIGN(file));
  const target: BackupKind = config.DATABASE_URL ? 'postgres' : 'pglite';
  if (kind !== target) {
    throw new BackupError(
      kind === 'postgres'
        ? `Tệp ${file} là bản sao lưu PostgreSQL (pg_dump) nhưng máy chủ đang cấu hình cơ sở dữ liệu nhúng. Đặt DATABASE_URL tới cơ sở dữ liệu PostgreSQL cần khôi phục rồi chạy lại.`
        : `Tệp ${file} là bản sao của cơ sở dữ liệu nhúng nhưng DATABASE_URL đang trỏ tới PostgreSQL. Bỏ DATABASE_URL (và đặt DATA_DIR) để khôi phục vào cơ sở dữ liệu nhúng.`,
    );
  }
  if (config.DATABASE_URL) {
    await restorePostgres(config.DATABASE_URL, file, confirmed);
    return { replaced: null };
  }
  return { replaced: await restoreEmbedded(config.DATA_DIR, file, confirmed) };
}

const REFUSE_NON_EMPTY = (what: string) =>
  `${what} đã có dữ liệu. Khôi phục sẽ THAY TOÀN BỘ dữ liệu hiện có bằng nội dung bản sao lưu. ` +
  'Nếu chắc chắn, hãy dừng máy chủ rồi chạy lại với --yes, ví dụ: npm run restore -- TỆP --yes';

async function restorePostgres(url: string, file: string, confirmed: boolean): Promise<void> {
  await checkPgTools(url, ['pg_restore', 'psql']);
  const { dbname, env } = toolConnection(url);
  // The table of contents is at the start of the file: a foreign dump has no migrations table.
  const list = await runTool('pg_restore', ['--list', file], env);
  if (list.code !== 0) throw new BackupError(CORRUPT(file));
  if (!/TABLE DATA drizzle __drizzle_migrations/.test(list.stdout)) throw new BackupError(FOREIGN(file));
  const tables = Number(
    await scalar(url, `select count(*) from pg_tables where schemaname in ('public', 'drizzle')`),
  );
  if (tables > 0 && !confirmed)
    throw new BackupError(REFUSE_NON_EMPTY('Cơ sở dữ liệu PostgreSQL tại DATABASE_URL'));
  // The whole archive is read into one SQL script first: a file cut short fails here, before the
  // database is touched. The script then runs as one transaction, dropping what was there.
  const work = mkdtempSync(join(tmpdir(), 'tuphebinh-restore-'));
  try {
    const script = join(work, 'restore.sql');
    const output = createWriteStream(script, { mode: 0o600 });
    output.write(
      [
        'drop schema if exists drizzle cascade;',
        'drop schema if exists public cascade;',
        'create schema public;',
        '',
      ].join('\n'),
    );
    const written = await runTool(
      'pg_restore',
      ['--no-owner', '--no-privileges', '--file=-', file],
      env,
      output,
    );
    await new Promise<void>((done, fail) =>
      output.end((error?: Error | null) => (error ? fail(error) : done())),
    );
    if (written.code !== 0) throw new BackupError(CORRUPT(file));
    const text = readFileSync(script, 'utf8');
    if (/^CREATE SCHEMA public;$/m.test(text)) {
      throw new BackupError(`${FOREIGN(file)} (bản sao lưu tạo lại lược đồ public).`);
    }
    const run = await runTool(
      'psql',
      [
        '--no-psqlrc',
        '--quiet',
        '--single-transaction',
        '--set=ON_ERROR_STOP=1',
        `--file=${script}`,
        `--dbname=${dbname}`,
      ],
      env,
    );
    if (run.code !== 0) {
      throw new BackupError(
        `Không khôi phục được (PostgreSQL báo lỗi, mọi thay đổi đã được hủy, cơ sở dữ liệu giữ nguyên):\n${run.stderr}`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The tar inside the gzip, checked whole: a cut file fails to inflate. */
function readEmbeddedCopy(file: string): Buffer {
  let tar: Buffer;
  try {
    tar = gunzipSync(readFileSync(file));
  } catch {
    throw new BackupError(CORRUPT(file));
  }
  // A tar's entry names sit in its 512-byte headers; a PostgreSQL data directory has PG_VERSION.
  if (!tar.includes(Buffer.from('PG_VERSION'))) throw new BackupError(FOREIGN(file));
  return tar;
}

async function restoreEmbedded(dataDir: string, file: string, confirmed: boolean): Promise<string | null> {
  const tar = readEmbeddedCopy(file);
  const release = lockDataDir(dataDir);
  const dir = pgliteDir({ DATA_DIR: dataDir });
  const staging = `${dir}.restoring`;
  try {
    const nonEmpty = existsSync(dir) && readdirSync(dir).length > 0;
    if (nonEmpty && !confirmed) throw new BackupError(REFUSE_NON_EMPTY(`Cơ sở dữ liệu nhúng trong ${dir}`));
    rmSync(staging, { recursive: true, force: true });
    // Opened once in a directory beside the target: it must start and hold tuphebinh's tables.
    try {
      const client = new PGlite({ dataDir: staging, loadDataDir: new Blob([new Uint8Array(tar)]) });
      try {
        await client.waitReady;
        await client.query('select count(*) from drizzle.__drizzle_migrations');
      } finally {
        if (!client.closed) await client.close().catch(() => {});
      }
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      if (error instanceof BackupError) throw error;
      throw new BackupError(FOREIGN(file));
    }
    let replaced: string | null = null;
    if (existsSync(dir)) {
      replaced = `${dir}.truoc-khoi-phuc-${Date.now()}`;
      renameSync(dir, replaced);
    }
    renameSync(staging, dir);
    if (replaced && !nonEmpty) {
      rmSync(replaced, { recursive: true, force: true });
      replaced = null;
    }
    return replaced;
  } finally {
    release();
  }
}
