import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../config.js';
import { DataDirBusyError, lockDataDir, pgliteDir } from '../server-database.js';
import { BackupError } from './errors.js';
import { type BackupOutcome, dumpPglite, OPEN_WINDOWS_SQL, requestBackup } from './pglite-control.js';
import { checkPgTools, runTool, scalar, toolConnection } from './postgres-tools.js';

export type BackupConfig = Pick<Config, 'DATA_DIR' | 'DATABASE_URL'>;

/** `backups/tuphebinh-postgres-20261203-1405.dump`, stamped in Vietnam time. */
export function defaultBackupFile(config: BackupConfig, now = new Date()): string {
  const stamp = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 19).replace(/[-:]/g, '');
  const name = config.DATABASE_URL
    ? `tuphebinh-postgres-${stamp.replace('T', '-')}.dump`
    : `tuphebinh-nhung-${stamp.replace('T', '-')}.tar.gz`;
  return resolve('backups', name);
}

/**
 * R2: a copy of the whole database in one file. PostgreSQL: `pg_dump` in its custom format (one
 * consistent snapshot, however long the dump takes). Embedded: the data directory as of one
 * instant, taken by the running server if there is one, else by opening the directory here.
 */
export async function backupDatabase(
  config: BackupConfig,
  target: string,
): Promise<BackupOutcome & { file: string }> {
  const file = resolve(target);
  mkdirSync(dirname(file), { recursive: true });
  if (config.DATABASE_URL) return { file, ...(await dumpPostgres(config.DATABASE_URL, file)) };
  return { file, ...(await dumpEmbedded(config.DATA_DIR, file)) };
}

/** docs/ANONYMITY.md: a copy taken while a phone-form window is open holds ballots not yet unlinked. */
export function openWindowsWarning(openWindows: number): string | null {
  if (openWindows === 0) return null;
  return (
    `CẢNH BÁO: khi sao lưu đang có ${openWindows} cửa sổ nhận phiếu điện thoại chưa đóng. Bản sao lưu này còn ` +
    'chứa liên kết giữa phiếu và mã (xem docs/ANONYMITY.md): hãy giữ nó chặt như chính cơ sở dữ liệu và hủy nó ' +
    'khi đã có bản sao lưu sau khi các cửa sổ đóng.'
  );
}

async function dumpPostgres(url: string, file: string): Promise<BackupOutcome> {
  await checkPgTools(url, ['pg_dump']);
  const openWindows = Number(await scalar(url, OPEN_WINDOWS_SQL));
  const { dbname, env } = toolConnection(url);
  const partial = `${file}.partial`;
  const run = await runTool('pg_dump', ['--format=custom', `--file=${partial}`, `--dbname=${dbname}`], env);
  if (run.code !== 0) {
    rmSync(partial, { force: true });
    throw new BackupError(`pg_dump không sao lưu được cơ sở dữ liệu:\n${run.stderr}`);
  }
  renameSync(partial, file);
  return { bytes: statSync(file).size, openWindows };
}

async function dumpEmbedded(dataDir: string, file: string): Promise<BackupOutcome> {
  const dir = pgliteDir({ DATA_DIR: dataDir });
  if (!existsSync(dir) || readdirSync(dir).length === 0) {
    throw new BackupError(`Chưa có cơ sở dữ liệu nhúng trong ${dir}: không có gì để sao lưu.`);
  }
  let release: () => void;
  try {
    release = lockDataDir(dataDir);
  } catch (error) {
    // A server holds the directory: it takes the copy itself, between two of its statements.
    if (error instanceof DataDirBusyError) return requestBackup(dataDir, file);
    throw error;
  }
  try {
    const client = new PGlite({ dataDir: dir });
    await client.waitReady;
    try {
      return await dumpPglite(client, file);
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

export const backupKindLabel = (config: BackupConfig) =>
  config.DATABASE_URL
    ? 'PostgreSQL tại DATABASE_URL'
    : `cơ sở dữ liệu nhúng trong ${join(config.DATA_DIR, 'pglite')}`;
