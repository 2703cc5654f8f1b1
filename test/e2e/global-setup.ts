import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensurePgliteSnapshot } from '../../src/db/pglite-snapshot.js';

/** Browser tests drive the built web app; build it once, and fail loudly when Chromium is missing. */
export default async function setup(): Promise<void> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium))
    throw new Error(`Chromium is required for browser tests but was not found at ${chromium}`);
  execFileSync('node', ['scripts/ensure-web-build.mjs'], { stdio: 'inherit' });
  process.env.TEST_PGLITE_SNAPSHOT = await ensurePgliteSnapshot();
}
