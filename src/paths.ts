import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout's root, found from wherever this module runs: `src/paths.ts` under tsx and vitest,
 * or bundled into `dist/server/*.js` by `npm start`. Files read at run time (migrations, fonts,
 * the built web app) are found from here, never relative to the module, so both layouts work.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Không tìm thấy thư mục gốc của tuphebinh (package.json).');
    dir = parent;
  }
}

export const ROOT = findRoot();
/** The SQL migrations, read at start by both the sources and the compiled server. */
export const MIGRATIONS_DIR = join(ROOT, 'src/db/migrations');
/** The built web app (`vite build`). */
export const WEB_DIST_DIR = join(ROOT, 'dist/web');
/** The compiled server (`scripts/ensure-server-build.mjs`). */
export const SERVER_DIST_DIR = join(ROOT, 'dist/server');
/** The fonts embedded in every PDF. */
export const FONTS_DIR = join(ROOT, 'assets/fonts');
