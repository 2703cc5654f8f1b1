import { ensurePgliteSnapshot } from '../src/db/pglite-snapshot.js';

/** Runs once before the database test files: builds the migrated PGlite snapshot they load. */
export default async function setup(): Promise<void> {
  process.env.TEST_PGLITE_SNAPSHOT = await ensurePgliteSnapshot();
}
