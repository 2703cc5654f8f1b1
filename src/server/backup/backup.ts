import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../config.js';
import { DataDirBusyError, lockDataDir, pgliteDir } from '../server-database.js';
import { BackupError } from './errors.js';
import { dumpPglite, requestBackup } from './pglite-control.js';
import { checkPgTools, runTool, toolConnection } from './postgres-tools.js';

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
): Promise<{ file: string; bytes: number }> {
  const file = resolve(target);
  mkdirSync(dirname(file), { recursive: true });
  if (config.DATABASE_URL) return { file, bytes: await dumpPostgres(config.DATABASE_URL, file) };
  return { file, bytes: await dumpEmbedded(config.DATA_DIR, file) };
}

async function dumpPostgres(url: string, file: string): Promise<number> {
  await checkPgTools(url, ['pg_dump']);
  const { dbname, env } = toolConnection(url);
  const partial = `${file}.partial`;
  const run = await runTool('pg_dump', ['--format=custom', `--file=${partial}`, `--dbname=${dbname}`], env);
  if (run.code !== 0) {
    rmSync(partial, { force: true });
    throw new BackupError(`pg_dump không sao lưu được cơ sở dữ liệu:\n${run.stderr}`);
  }
  renameSync(partial, file);
  return statSync(file).size;
}

async function dumpEmbedded(dataDir: string, file: string): Promise<number> {
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
