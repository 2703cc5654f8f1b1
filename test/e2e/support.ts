import { type Browser, chromium, type Page } from 'playwright-core';
import { openDatabase } from '../../src/db/client.js';
import { loadPgliteSnapshot } from '../../src/db/pglite-snapshot.js';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { loadDemo } from '../../src/server/demo/load.js';
import type { App } from '../../src/server/http/types.js';

export interface E2eServer {
  app: App;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real server with the built web app and the demo organization, on an ephemeral port. */
export async function startServer(): Promise<E2eServer> {
  const snapshot = process.env.TEST_PGLITE_SNAPSHOT;
  const database = await openDatabase({
    kind: 'pglite',
    snapshot: snapshot ? loadPgliteSnapshot(snapshot) : undefined,
  });
  await loadDemo(database.db);
  const app = await buildApp({ config: testConfig({ LOG_LEVEL: 'warn' }), db: database.db });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Debian's Chromium, headless, with the flags this machine needs (no network beyond loopback). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}
