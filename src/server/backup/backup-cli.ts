import { readConfig } from '../config.js';
import { DataDirBusyError } from '../server-database.js';
import { backupDatabase, backupKindLabel, defaultBackupFile, openWindowsWarning } from './backup.js';
import { BackupError } from './errors.js';

/** `npm run backup [-- FILE]`: the whole database into FILE (by default a dated file under ./backups). */
try {
  const config = readConfig();
  const target = process.argv.slice(2).find((arg) => !arg.startsWith('-')) ?? defaultBackupFile(config);
  console.log(`Đang sao lưu ${backupKindLabel(config)}…`);
  const { file, bytes, openWindows } = await backupDatabase(config, target);
  console.log(`Đã sao lưu vào ${file} (${(bytes / 1_048_576).toFixed(1)} MB).`);
  const warning = openWindowsWarning(openWindows);
  if (warning) console.warn(warning);
  console.log(`Khôi phục bằng: npm run restore -- ${file}`);
} catch (error) {
  const known = error instanceof BackupError || error instanceof DataDirBusyError;
  console.error(known ? (error as Error).message : `Sao lưu thất bại:\n${(error as Error).stack ?? error}`);
  process.exitCode = 1;
}
