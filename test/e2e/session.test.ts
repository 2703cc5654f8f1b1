import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import { type E2eServer, launchBrowser, signIn, startServer } from './support.js';

describe('signing in and out in the browser', () => {
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

  it('refuses a wrong password with a Vietnamese message, then signs in and out', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/`);
    await page.waitForURL(/\/dang-nhap$/);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/mật khẩu/i);

    await signIn(page, server.baseUrl, 'admin', DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/dang-nhap$/);
    await page.goto(`${server.baseUrl}/nhan-su`);
    await page.waitForURL(/\/dang-nhap$/);
    await page.close();
  });
});
