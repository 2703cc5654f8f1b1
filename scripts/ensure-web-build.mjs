// Builds the web app with `vite build` when dist/web is missing or older than its sources, so that
// `npm start` on a fresh clone serves the interface without a separate build step.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { binOf, ROOT, withBuildLock } from './tools.mjs';

const BUILT = join(ROOT, 'dist/web/index.html');
const CONFIG = join(ROOT, 'vite.config.ts');
const SOURCES = ['src/web', 'src/form', 'src/contract', 'src/domain', 'vite.config.ts'];

/** The most recently changed source file, tests left out (they are not in the bundle). */
function newestSource() {
  let newest = { file: null, time: 0 };
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stats = statSync(path);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else if (!/\.test\.tsx?$/.test(path) && stats.mtimeMs > newest.time) {
      newest = { file: path, time: stats.mtimeMs };
    }
  };
  for (const source of SOURCES) visit(join(ROOT, source));
  return newest;
}

function reasonToBuild() {
  if (!existsSync(BUILT)) return 'chưa có bản dựng giao diện web (dist/web)';
  const newest = newestSource();
  if (newest.time > statSync(BUILT).mtimeMs) {
    return `mã nguồn giao diện đã thay đổi (${relative(ROOT, newest.file)} mới hơn bản dựng)`;
  }
  return null;
}

process.exit(await withBuildLock('web', buildIfNeeded));

function buildIfNeeded() {
  const reason = reasonToBuild();
  if (!reason) {
    console.log('Giao diện web đã được dựng và còn mới: bỏ qua bước dựng.');
    return 0;
  }
  if (!existsSync(CONFIG)) {
    console.error(
      `Không dựng được giao diện web: ${reason}, nhưng chưa có tệp vite.config.ts. ` +
        'Hãy lấy bản mã nguồn đầy đủ (git pull) rồi chạy lại.',
    );
    return 1;
  }
  console.log(`Đang dựng giao diện web bằng vite build: ${reason}…`);
  const started = Date.now();
  const build = spawnSync(process.execPath, [binOf('vite'), 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('Dựng giao diện web thất bại (xem lỗi của vite ở trên).');
    return build.status ?? 1;
  }
  console.log(`Đã dựng xong giao diện web sau ${((Date.now() - started) / 1000).toFixed(1)} giây.`);
  return 0;
}
