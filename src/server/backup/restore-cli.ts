import { readConfig } from '../config.js';
import { DataDirBusyError } from '../server-database.js';
import { backupKindLabel } from './backup.js';
import { BackupError } from './errors.js';
import { restoreDatabase } from './restore.js';

/** `npm run restore -- FILE [--yes]`: puts a backup made by `npm run backup` back. */
try {
  const config = readConfig();
  const file = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
  if (!file) throw new BackupError('Thiếu tên tệp sao lưu. Cách dùng: npm run restore -- TỆP [--yes]');
  console.log(`Đang khôi phục ${file} vào ${backupKindLabel(config)}…`);
  const { replaced } = await restoreDatabase(config, file, { confirmed: process.argv.includes('--yes') });
  console.log('Đã khôi phục xong. Khởi động máy chủ: npm start');
  if (replaced) console.log(`Dữ liệu cũ được giữ lại trong ${replaced} (xóa thư mục này khi không cần).`);
} catch (error) {
  const known = error instanceof BackupError || error instanceof DataDirBusyError;
  console.error(known ? (error as Error).message : `Khôi phục thất bại:\n${(error as Error).stack ?? error}`);
  process.exitCode = 1;
}
