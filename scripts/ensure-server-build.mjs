// Compiles the server (TypeScript under src/) to JavaScript in dist/server with esbuild when it is
// missing or older than its sources, so that `npm start` serves with plain `node`: no TypeScript
// compiler or loader in the serving process (faster start, less memory). Packages stay in
// node_modules (not bundled); files read at run time are found through src/paths.ts.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { ROOT, withBuildLock } from './tools.mjs';

const OUT = join(ROOT, 'dist/server');
/** Every command that runs compiled: the server, the demo reset, the backup and the restore. */
export const ENTRIES = {
  main: 'src/server/main.ts',
  'demo-reset': 'src/server/demo-reset.ts',
  backup: 'src/server/backup/backup-cli.ts',
  restore: 'src/server/backup/restore-cli.ts',
};
const STAMP = join(OUT, '.built');
/** What the bundle is made of (the web app, the light pages and the tests are not in it). */
const SOURCES = ['src', 'package.json', 'package-lock.json', 'scripts/ensure-server-build.mjs'];
const NOT_IN_BUNDLE = /(\.test\.tsx?$)|(^src\/(web|form|supervise|light)\/)|(^src\/db\/migrations\/)/;

function newestSource() {
  let newest = { file: null, time: 0 };
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stats = statSync(path);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else if (!NOT_IN_BUNDLE.test(relative(ROOT, path)) && stats.mtimeMs > newest.time) {
      newest = { file: path, time: stats.mtimeMs };
    }
  };
  for (const source of SOURCES) visit(join(ROOT, source));
  return newest;
}

function reasonToBuild() {
  if (!existsSync(STAMP) || Object.keys(ENTRIES).some((name) => !existsSync(join(OUT, `${name}.js`)))) {
    return 'chưa có bản biên dịch máy chủ (dist/server)';
  }
  const newest = newestSource();
  if (newest.time > statSync(STAMP).mtimeMs) {
    return `mã nguồn máy chủ đã thay đổi (${relative(ROOT, newest.file)} mới hơn bản biên dịch)`;
  }
  return null;
}

async function buildIfNeeded() {
  const reason = reasonToBuild();
  if (!reason) return 0;
  console.log(`Đang biên dịch máy chủ bằng esbuild: ${reason}…`);
  const started = Date.now();
  try {
    // Chunks carry a hash in their name and old ones are left in place: a server still running the
    // previous build (another instance on this machine) can still load its lazy parts.
    await build({
      absWorkingDir: ROOT,
      entryPoints: ENTRIES,
      outdir: OUT,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      sourcemap: true,
      chunkNames: 'chunks/[name]-[hash]',
      logLevel: 'warning',
      legalComments: 'none',
    });
  } catch {
    console.error('Biên dịch máy chủ thất bại (xem lỗi của esbuild ở trên).');
    return 1;
  }
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  console.log(`Đã biên dịch xong máy chủ sau ${((Date.now() - started) / 1000).toFixed(1)} giây.`);
  return 0;
}

process.exitCode = await withBuildLock('server', buildIfNeeded);
