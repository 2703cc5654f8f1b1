import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../db/client.js';
import { buildApp } from './app.js';
import { bootstrapEmptyInstallation, isEmptyDatabase } from './bootstrap.js';
import { type Config, readConfig } from './config.js';
import { DEMO_PASSWORD, DEMO_USERNAMES, formatDemoAccounts } from './demo/accounts.js';
import { hasDemoAccounts, loadDemo } from './demo/load.js';
import type { App } from './http/types.js';
import { assertCodeKeyShared, CodeKeyMismatchError, loadCodeKey } from './phone-forms/codes.js';
import { scheduleAnonymitySweep } from './phone-forms/sweep.js';
import { DataDirBusyError, openServerDatabase } from './server-database.js';
import { scheduleReminders } from './tasks/reminders.js';

/** R6: two instances starting on one empty PostgreSQL database fill it once, not twice. */
const INITIAL_DATA_LOCK_KEY = 727_002;
/** A stop that hangs (a stuck connection) must not keep the process alive forever. */
const STOP_DEADLINE_MS = 10_000;

// Until the server listens there is nothing in flight: a signal just ends the start (the demo loads
// in one transaction, so an interrupted load leaves the database empty for the next start).
let stop = (signal: string): void => {
  console.error(`Nhận tín hiệu ${signal} khi đang khởi động: dừng.`);
  process.exit(1);
};
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(signal));

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const database = await openServerDatabase(config);
  let app: App | undefined;
  try {
    await prepareData(database, config);
    await assertCodeKeyShared(database.db, await loadCodeKey(config));
    app = await buildApp({ config, db: database.db });
    scheduleAnonymitySweep(app);
    scheduleReminders(app);
    await app.listen({ host: config.HOST, port: config.PORT });
  } catch (error) {
    await app?.close();
    await database.close();
    throw error;
  }
  stop = stopper(app, database);
  console.log(`Đang chạy tại ${publicUrl(config.HOST, (app.server.address() as AddressInfo).port)}`);
}

function readConfigOrExit(): Config {
  try {
    return readConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

/** An empty database gets the demo (embedded by default) or a bare root with a one-time administrator. */
async function prepareData(database: Database, config: Config): Promise<void> {
  const wantDemo = config.DEMO_DATA === 'on' || (config.DEMO_DATA === 'auto' && database.kind === 'pglite');
  const message = await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${INITIAL_DATA_LOCK_KEY})`);
    const db = tx as unknown as Db;
    if (!(await isEmptyDatabase(db))) {
      return (await hasDemoAccounts(db)) ? demoHint() : null;
    }
    if (wantDemo) {
      return `Đã nạp dữ liệu mẫu vào cơ sở dữ liệu trống.\n${formatDemoAccounts(await loadDemo(db))}`;
    }
    const admin = await bootstrapEmptyInstallation(db);
    return [
      'Cơ sở dữ liệu mới: đã tạo tổ chức gốc và tài khoản quản trị.',
      `  Tên đăng nhập: ${admin.username}`,
      `  Mật khẩu dùng một lần: ${admin.password}`,
      'Mật khẩu này chỉ hiện một lần; hệ thống sẽ yêu cầu đổi mật khẩu ở lần đăng nhập đầu tiên.',
    ].join('\n');
  });
  if (message) console.log(message);
}

function demoHint(): string {
  return (
    `Có dữ liệu mẫu: tài khoản ${DEMO_USERNAMES.join(', ')} (mật khẩu ${DEMO_PASSWORD} nếu chưa đổi). ` +
    'Chạy "npm run demo:reset" để nạp lại dữ liệu mẫu ban đầu.'
  );
}

/** R6: a signal stops taking new connections, lets requests in flight finish, then closes the database. */
function stopper(app: App, database: Database): (signal: string) => void {
  let stopping = false;
  return (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`Nhận tín hiệu ${signal}: đang dừng máy chủ, chờ các yêu cầu đang xử lý…`);
    // No new connection from here on (app.close() would stop listening only after its hooks ran);
    // Fastify's own close then finds the server closed, which it expects.
    app.server.close();
    setTimeout(() => {
      console.error(`Máy chủ không dừng được sau ${STOP_DEADLINE_MS / 1000} giây: buộc thoát.`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    // Keep-alive connections that finish their last request would hold the close until they time out.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    app
      .close()
      .finally(() => clearInterval(sweep))
      .then(() => database.close())
      .then(
        () => {
          console.log('Đã dừng máy chủ.');
          process.exit(0);
        },
        (error: unknown) => {
          console.error('Lỗi khi dừng máy chủ:', error);
          process.exit(1);
        },
      );
  };
}

function publicUrl(host: string, port: number): string {
  const local = ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host);
  return `http://${local ? 'localhost' : host}:${port}`;
}

function describeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return 'Không khởi động được máy chủ: cổng đã được một chương trình khác dùng. Đặt cổng khác, ví dụ: PORT=3001 npm start';
  }
  if (code === 'ECONNREFUSED') {
    return 'Không khởi động được máy chủ: không kết nối được PostgreSQL tại DATABASE_URL. Kiểm tra máy chủ cơ sở dữ liệu đang chạy.';
  }
  if (error instanceof CodeKeyMismatchError) return `Không khởi động được máy chủ: ${error.message}`;
  if (error instanceof DataDirBusyError) return `Không khởi động được máy chủ: ${error.message}`;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `Không khởi động được máy chủ:\n${detail}`;
}

main().catch((error: unknown) => {
  console.error(describeFailure(error));
  process.exit(1);
});
