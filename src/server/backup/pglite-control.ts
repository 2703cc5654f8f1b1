import { existsSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { BackupError } from './errors.js';

/**
 * R2: the embedded database belongs to the one server process that opened it (a second opener
 * would corrupt it), so `npm run backup` asks that process for the copy through a Unix socket in
 * DATA_DIR (mode 0600: only the account running the server reaches it). The copy is PGlite's
 * `dumpDataDir`, taken between two statements (PGlite runs one at a time): the files and the
 * write-ahead log as of that instant, which PostgreSQL opens like after a power cut — every
 * committed transaction in, nothing half-written.
 */
export function controlSocketPath(dataDir: string): string {
  return join(dataDir, 'pglite-control.sock');
}

interface Request {
  command: 'backup';
  file: string;
}
/** What a backup wrote, and how many phone-form windows were open then (docs/ANONYMITY.md). */
export interface BackupOutcome {
  bytes: number;
  openWindows: number;
}
type Reply = ({ ok: true } & BackupOutcome) | { ok: false; message: string };

export const OPEN_WINDOWS_SQL = `select count(*)::int as n from meetings
  where form_window_opened_at is not null and form_window_closed_at is null`;

/** Writes the gzip tar of the whole data directory to `file` (through a temporary name). */
export async function dumpPglite(client: PGlite, file: string): Promise<BackupOutcome> {
  const openWindows = (await client.query<{ n: number }>(OPEN_WINDOWS_SQL)).rows[0]?.n ?? 0;
  // Pages on disk as of now: only what runs between this and the copy is replayed from the log
  // when the copy opens (a sequence replayed from the log would jump ahead by up to 32).
  await client.exec('checkpoint');
  const dump = await client.dumpDataDir('gzip');
  const bytes = Buffer.from(await dump.arrayBuffer());
  const partial = `${file}.partial`;
  try {
    writeFileSync(partial, bytes, { mode: 0o600 });
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupError(`Không ghi được tệp sao lưu ${file}: ${(error as Error).message}`);
  }
  return { bytes: bytes.length, openWindows };
}

/** The running server's side: answers backup requests until the database closes. */
export async function serveControlSocket(client: PGlite, dataDir: string): Promise<() => Promise<void>> {
  const path = controlSocketPath(dataDir);
  // A socket file left by a killed server: this process holds the data directory's lock now.
  if (existsSync(path)) unlinkSync(path);
  const server: Server = createServer((socket) => {
    let input = '';
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: string) => {
      input += chunk;
      if (!input.includes('\n') && input.length < 10_000) return;
      socket.removeAllListeners('data');
      answer(input.split('\n')[0] ?? '').then((reply) => socket.end(`${JSON.stringify(reply)}\n`));
    });
  });
  const answer = async (line: string): Promise<Reply> => {
    try {
      const request = JSON.parse(line) as Request;
      if (request.command !== 'backup' || typeof request.file !== 'string') {
        return { ok: false, message: 'Yêu cầu không hợp lệ.' };
      }
      return { ok: true, ...(await dumpPglite(client, request.file)) };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ path, readableAll: false, writableAll: false }, () => resolve());
    });
  } catch (error) {
    // The server still serves (a path longer than a socket may have, a read-only directory); only
    // the online backup is missing, and `npm run backup` says so.
    console.warn(
      `Không mở được ${path} cho lệnh sao lưu khi máy chủ đang chạy (${(error as Error).message}). ` +
        'Muốn sao lưu cơ sở dữ liệu nhúng thì dừng máy chủ rồi chạy npm run backup, hoặc đặt DATA_DIR ngắn hơn.',
    );
    return async () => {};
  }
  server.unref();
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      rmSync(path, { force: true });
    });
}

/** `npm run backup`'s side: asks the server running on `dataDir` for a copy into `file`. */
export function requestBackup(dataDir: string, file: string): Promise<BackupOutcome> {
  return new Promise((resolve, reject) => {
    const socket = connect(controlSocketPath(dataDir));
    let output = '';
    socket.setEncoding('utf8');
    socket.on('connect', () =>
      socket.write(`${JSON.stringify({ command: 'backup', file } satisfies Request)}\n`),
    );
    socket.on('data', (chunk: string) => {
      output += chunk;
    });
    socket.on('error', (error) =>
      reject(
        new BackupError(
          `Máy chủ đang dùng cơ sở dữ liệu nhúng nhưng không trả lời yêu cầu sao lưu (${error.message}). ` +
            'Hãy khởi động lại máy chủ bằng phiên bản mới rồi thử lại, hoặc dừng máy chủ rồi sao lưu.',
        ),
      ),
    );
    socket.on('end', () => {
      try {
        const reply = JSON.parse(output) as Reply;
        if (reply.ok) resolve({ bytes: reply.bytes, openWindows: reply.openWindows });
        else reject(new BackupError(`Máy chủ không sao lưu được: ${reply.message}`));
      } catch {
        reject(new BackupError('Máy chủ trả lời yêu cầu sao lưu không đúng dạng.'));
      }
    });
  });
}
