import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import { type E2eServer, launchBrowser, signIn, startServer } from './support.js';

/** Issue 13 in the browser: two-factor enrolment and sign-in, the own sessions, the setting that requires it. */
describe('account security in the browser', () => {
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

  /** Turns two-factor sign-in on from the open "Bảo mật tài khoản" page; answers the key and the recovery codes. */
  const enrol = async (page: Page) => {
    await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
    await expect.poll(() => page.getByAltText(/Mã QR/).isVisible()).toBe(true);
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
    // The code of the step before: accepted (phones drift), and it leaves the current one for signing in.
    await page.getByLabel('Mã 6 chữ số trên ứng dụng').first().click();
    await page.keyboard.type(totp.generate({ timestamp: Date.now() - 30_000 }));
    await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    const codes = await page.getByTestId('recovery-codes').locator('code').allTextContents();
    expect(codes).toHaveLength(10);
    await page.getByRole('button', { name: 'Tôi đã lưu các mã' }).click();
    return { totp, codes };
  };

  const signInWithCode = async (page: Page, username: string, code: string) => {
    await page.goto(`${server.baseUrl}/dang-nhap`);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByLabel('Mã xác thực').fill(code);
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('banner').getByRole('button', { name: 'Đăng xuất' }).waitFor();
  };

  it('enrols with the QR page, signs in with a generated code, and ends its own sessions', async () => {
    const office = await browser.newPage();
    await signIn(office, server.baseUrl, 'bantochuc', DEMO_PASSWORD);
    await office.getByRole('link', { name: 'Bảo mật tài khoản' }).click();
    const { totp, codes } = await enrol(office);
    await expect.poll(() => office.getByText('Đang bật').isVisible()).toBe(true);

    await office.getByRole('banner').getByRole('button', { name: 'Đăng xuất' }).click();
    await office.waitForURL(/\/dang-nhap$/);
    await office.getByLabel('Tên đăng nhập').fill('bantochuc');
    await office.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await office.getByRole('button', { name: 'Đăng nhập' }).click();
    await office.getByLabel('Mã xác thực').fill('000000');
    await office.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => office.getByRole('alert').textContent()).toMatch(/Mã xác thực không đúng/);
    await office.getByLabel('Mã xác thực').fill(totp.generate());
    await office.getByRole('button', { name: 'Xác nhận' }).click();
    await office.getByRole('banner').getByRole('button', { name: 'Đăng xuất' }).waitFor();

    const phoneContext = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const phone = await phoneContext.newPage();
    await signInWithCode(phone, 'bantochuc', codes[0]!);

    await office.goto(`${server.baseUrl}/bao-mat`);
    const rows = office.getByRole('table', { name: 'Các phiên đăng nhập' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    const other = rows.filter({ hasText: 'Đăng xuất' }).filter({ hasNotText: 'Máy này' });
    await other.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await phone.goto(`${server.baseUrl}/nhan-su`);
    await phone.waitForURL(/\/dang-nhap$/);

    await office.getByRole('button', { name: 'Đăng xuất khỏi mọi thiết bị' }).click();
    await office.getByRole('dialog').getByRole('button', { name: 'Đăng xuất khỏi mọi thiết bị' }).click();
    await office.waitForURL(/\/dang-nhap$/);
    await office.goto(`${server.baseUrl}/ke-hoach`);
    await office.waitForURL(/\/dang-nhap$/);
    await phoneContext.close();
    await office.close();
  });

  it('makes an administrator set it up before anything else once the settings require it', async () => {
    const page = await browser.newPage();
    await signIn(page, server.baseUrl, 'admin', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/cai-dat`);
    await page.getByLabel(/Bắt buộc quản trị viên và Ban Tổ chức/).check();
    await page.getByRole('button', { name: 'Lưu cài đặt bảo mật' }).click();
    await expect.poll(() => page.getByText('Đã lưu cài đặt bảo mật.').isVisible()).toBe(true);
    await page.getByRole('banner').getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/dang-nhap$/);

    await signIn(page, server.baseUrl, 'admin', DEMO_PASSWORD);
    await expect.poll(() => page.getByText('Bắt buộc với vai trò của bạn').isVisible()).toBe(true);
    await expect(page.getByRole('navigation', { name: 'Trình đơn chính' }).count()).resolves.toBe(0);
    await enrol(page);
    await page.getByRole('navigation', { name: 'Trình đơn chính' }).waitFor();
    await page.goto(`${server.baseUrl}/nhan-su`);
    await expect.poll(() => page.getByRole('heading', { name: 'Tìm nhân sự' }).isVisible()).toBe(true);
    await page.close();
  });
});
