import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

const require = createRequire(import.meta.url);

/** The command-line entry of an installed package, run with this same Node. */
export function binOf(pkg, name = pkg) {
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const { bin } = require(manifestPath);
  return join(dirname(manifestPath), typeof bin === 'string' ? bin : bin[name]);
}

/**
 * Runs `work` holding dist/.<name>-build-lock: two processes started together (test runs, two
 * instances) must not both empty and fill the same build; the second waits for the first. A lock
 * older than 5 minutes is taken as left by a killed process.
 */
export async function withBuildLock(name, work) {
  const lock = join(ROOT, `dist/.${name}-build-lock`);
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
