import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import { type E2eServer, launchBrowser, signIn, startServer } from './support.js';

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg/onload="window.__pwned=1">',
];

/** S2: markup typed into names is shown as text in the browser and never runs. */
describe('hostile names in the browser', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows markup in organization and workplace names literally, without running it', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(page, server.baseUrl, 'admin', DEMO_PASSWORD);
    const roots = await (await page.request.get(`${server.baseUrl}/api/v1/organizations`)).json();
    const rootId = roots.items[0].id as string;

    const created = await page.request.post(`${server.baseUrl}/api/v1/organizations`, {
      data: {
        parentId: rootId,
        kind: 'cell',
        name: PAYLOADS[0],
        shortName: '',
        headerSuperior: '',
        headerIssuer: '',
      },
    });
    expect(created.status()).toBe(201);
    const organizationId = (await created.json()).id as string;
    for (const name of PAYLOADS.slice(1)) {
      const workplace = await page.request.post(`${server.baseUrl}/api/v1/workplaces`, {
        data: { organizationId, name, address: PAYLOADS[0] },
      });
      expect(workplace.status()).toBe(201);
    }

    await page.goto(`${server.baseUrl}/to-chuc/${organizationId}`);
    for (const payload of PAYLOADS) {
      await page.getByText(payload, { exact: true }).first().waitFor();
    }
    await page.goto(`${server.baseUrl}/cay-to-chuc`);
    await page.getByText(PAYLOADS[0]!, { exact: true }).first().waitFor();

    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
