import { spawn, spawnSync } from 'node:child_process';
import pg from 'pg';
import { BackupError } from './errors.js';

export type PgTool = 'pg_dump' | 'pg_restore' | 'psql';

/**
 * The PostgreSQL server's major version, and a check that `tool` is installed and not older:
 * pg_dump refuses a newer server, and a dump of a newer one may not restore.
 */
export async function checkPgTools(url: string, tools: PgTool[]): Promise<void> {
  const serverMajor = Math.floor(Number(await scalar(url, 'show server_version_num')) / 10_000);
  for (const tool of tools) {
    const run = spawnSync(tool, ['--version'], { encoding: 'utf8' });
    const installHint =
      `Hãy cài gói công cụ khách của PostgreSQL ${serverMajor} (Debian/Ubuntu: ` +
      `apt-get install postgresql-client-${serverMajor}, hoặc postgresql-client nếu bản của hệ điều hành đủ mới) rồi thử lại.`;
    if (run.error || run.status !== 0) {
      throw new BackupError(`Không tìm thấy chương trình ${tool} trên máy này. ${installHint}`);
    }
    const major = Number(/(\d+)(?:\.\d+)?/.exec(run.stdout)?.[1] ?? 0);
    if (major < serverMajor) {
      throw new BackupError(
        `${tool} trên máy này là bản ${major}, cũ hơn máy chủ PostgreSQL (bản ${serverMajor}). ${installHint}`,
      );
    }
  }
}

export async function scalar(url: string, statement: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(
      `Không kết nối được PostgreSQL tại DATABASE_URL (${(error as Error).message}). Kiểm tra máy chủ cơ sở dữ liệu đang chạy.`,
    );
  }
  try {
    const result = await client.query(statement);
    return String(Object.values(result.rows[0] ?? {})[0] ?? '');
  } finally {
    await client.end();
  }
}

/**
 * A connection URL split for the command-line tools: the password goes through PGPASSWORD, never
 * on the command line (where `ps` would show it to every user of the machine).
 */
export function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

/** Runs a tool to the end; its standard error becomes part of the message when it fails. */
export function runTool(
  tool: PgTool,
  args: string[],
  env: NodeJS.ProcessEnv,
  stdout?: NodeJS.WritableStream,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    if (stdout) child.stdout.pipe(stdout, { end: false });
    else child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', (error) => reject(new BackupError(`Không chạy được ${tool}: ${error.message}`)));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: out, stderr: err.trim() }));
  });
}
