import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { type Database, openDatabase } from '../db/client.js';
import { serveControlSocket } from './backup/pglite-control.js';
import type { Config } from './config.js';

/** Where the embedded database of a server keeps its files. */
export function pgliteDir(config: Pick<Config, 'DATA_DIR'>): string {
  return join(config.DATA_DIR, 'pglite');
}

/** The database the server runs on: PostgreSQL at DATABASE_URL, or PGlite in DATA_DIR/pglite. */
export async function openServerDatabase(
  config: Pick<Config, 'DATA_DIR' | 'DATABASE_URL'>,
  options: { snapshot?: Blob } = {},
): Promise<Database> {
  if (config.DATABASE_URL) return openDatabase({ kind: 'postgres', url: config.DATABASE_URL });
  const release = lockDataDir(config.DATA_DIR);
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir: pgliteDir(config), ...options });
    // R2: `npm run backup` asks this process for a consistent copy while it serves.
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const stopControl = await serveControlSocket(client, config.DATA_DIR);
    return {
      ...database,
      async close() {
        try {
          await stopControl();
          await database.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export class DataDirBusyError extends Error {}

/**
 * PGlite opens the same directory twice without complaint, and two writers corrupt it: a lock file
 * with the holder's process id keeps a second server (or a demo reset) out while one is running.
 * A lock left by a killed process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'pglite.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => releaseLock(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      if (holder !== null && holder !== process.pid && isRunning(holder)) {
        throw new DataDirBusyError(
          `Cơ sở dữ liệu nhúng trong ${dataDir} đang được tiến trình ${holder} sử dụng (máy chủ đang chạy?). ` +
            `Hãy dừng máy chủ trước rồi thử lại. Nếu chắc chắn không còn tiến trình nào dùng, hãy xóa tệp ${file}.`,
        );
      }
      try {
        unlinkSync(file);
      } catch {
        // Another process took the stale lock over first; the next attempt sees its id.
      }
    }
  }
  throw new DataDirBusyError(`Không giành được khóa ${file}; hãy thử lại.`);
}

function readHolder(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseLock(file: string): void {
  try {
    if (readHolder(file) === process.pid) unlinkSync(file);
  } catch {
    // Already gone: nothing to release.
  }
}
