import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadFrom, type E2eServer, launchBrowser, signedInPage, startServer } from './support.js';

/** Issue 13, S8 in the browser: an administrator finds a person and sees, downloads and (not yet) erases their data. */
describe("a person's data in the browser", () => {
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

  it('opens from the people search, downloads the workbook, and keeps erasure closed within the retention period', async () => {
    const page = await signedInPage(browser, server, 'admin');
    await page.goto(`${server.baseUrl}/nhan-su`);
    await page.getByLabel('Họ và tên').fill('Huỳnh Hồng Linh');
    await page.getByRole('link', { name: 'Xem dữ liệu cá nhân của Huỳnh Hồng Linh' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Dữ liệu cá nhân – Huỳnh Hồng Linh' }).isVisible())
      .toBe(true);
    await page.getByRole('button', { name: /Tài khoản/ }).waitFor();
    await expect
      .poll(() => page.getByRole('cell', { name: 'quanchung', exact: true }).isVisible())
      .toBe(true);
    const { content } = await downloadFrom(page, 'Tải Excel');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Thông tin')!.getCell('B2').value).toBe('Huỳnh Hồng Linh');
    await expect.poll(() => page.getByText(/Chưa hết thời hạn lưu giữ 24 tháng/).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Xóa dữ liệu cá nhân' }).isDisabled()).toBe(true);
    // A committee member has no way in: the link is not offered and the address answers with a refusal.
    const committee = await signedInPage(browser, server, 'capuy.syt');
    await committee.goto(page.url());
    await expect.poll(() => committee.getByRole('alert').textContent()).toMatch(/không có quyền/i);
    await page.close();
    await committee.close();
  });
});
