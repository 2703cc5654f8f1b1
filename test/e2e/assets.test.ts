import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/app.js';
import { type E2eServer, startServer } from './support.js';

/** P5: hashed assets compressed at build time and cached for a year; the pages revalidated every visit. */
describe('built web assets', () => {
  let server: E2eServer;
  let script: string;
  beforeAll(async () => {
    server = await startServer();
    const html = await readFile(join(WEB_DIST, 'index.html'), 'utf8');
    script = /src="(\/assets\/main-[^"]+\.js)"/.exec(html)?.[1] ?? '';
    expect(script).not.toBe('');
  });
  afterAll(async () => {
    await server?.close();
  });

  const get = (path: string, encoding: string) =>
    server.app.inject({ method: 'GET', url: path, headers: { 'accept-encoding': encoding } });

  it('sends the brotli twin to a browser that accepts it, immutable for a year', async () => {
    const original = await readFile(join(WEB_DIST, script));
    const response = await get(script, 'gzip, deflate, br');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers.vary).toContain('accept-encoding');
    expect(response.rawPayload.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(response.rawPayload).equals(original)).toBe(true);
  });

  it('sends gzip when brotli is not accepted, and the plain file when nothing is', async () => {
    const original = await readFile(join(WEB_DIST, script));
    const gzip = await get(script, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).equals(original)).toBe(true);
    const plain = await get(script, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(original)).toBe(true);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves every page with no-cache so a new build is picked up', async () => {
    for (const path of ['/', '/dang-nhap', '/phieu', '/giam-sat']) {
      const response = await get(path, 'br');
      expect(response.statusCode, path).toBe(200);
      expect(response.headers['cache-control'], path).toBe('no-cache');
      expect(response.headers['content-type'], path).toContain('text/html');
    }
  });
});
