import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { MIGRATIONS_FOLDER, openDatabase } from './client.js';

/**
 * Creating a PGlite database costs seconds (initdb in WebAssembly); loading a migrated snapshot
 * costs about one. Tests and the demo reset load this snapshot, rebuilt when a migration changes.
 */
export async function ensurePgliteSnapshot(): Promise<string> {
  const file = join(tmpdir(), `tuphebinh-pglite-${migrationsHash()}.tar`);
  if (existsSync(file)) return file;
  const database = await openDatabase({ kind: 'pglite' });
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  writeFileSync(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  writeFileSync(file, readFileSync(`${file}.tmp`));
  return file;
}

export function loadPgliteSnapshot(file: string): Blob {
  return new Blob([readFileSync(file)]);
}

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(MIGRATIONS_FOLDER).sort()) {
    if (name.endsWith('.sql')) hash.update(name).update(readFileSync(join(MIGRATIONS_FOLDER, name)));
  }
  return hash.digest('hex').slice(0, 16);
}
