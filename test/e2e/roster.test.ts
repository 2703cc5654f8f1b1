import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import { type E2eServer, launchBrowser, signIn, startServer } from './support.js';

type RosterRow = Record<string, string>;

/** A roster file made from the server's own template, so the columns are exactly the ones it expects. */
async function rosterFile(page: Page, baseUrl: string, rows: RosterRow[]): Promise<Buffer> {
  const template = await page.request.get(`${baseUrl}/api/v1/roster-template`);
  expect(template.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await template.body()) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet('Danh sách')!;
  const columnOf = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => {
    columnOf.set(String(cell.value), column);
  });
  rows.forEach((values, index) => {
    const row = sheet.getRow(index + 2);
    for (const [header, value] of Object.entries(values)) {
      const column = columnOf.get(header);
      if (!column) throw new Error(`The template has no column "${header}"`);
      row.getCell(column).value = value;
    }
    row.commit();
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Chọn tệp Excel').click();
  await (await chooser).setFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
}

/** Opens a tree node unless it is already open (a lone root opens by itself). */
async function expandNode(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name, exact: true }).waitFor();
  const collapse = page.getByRole('button', { name: `Thu gọn ${name}`, exact: true });
  if (await collapse.isVisible()) return;
  await page.getByRole('button', { name: `Mở rộng ${name}`, exact: true }).click();
  await collapse.waitFor();
}

/** The closed phone menu slides off the left edge rather than disappearing. */
async function isOnScreen(page: Page, name: string): Promise<boolean> {
  const box = await page.getByRole('link', { name }).boundingBox();
  return box !== null && box.x >= 0 && box.x + box.width > 0;
}

async function hasHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

describe('workplace roster in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let workplaceUrl = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('browses the tree to an exempt workplace, refuses a bad roster, then imports one that requires a meeting', async () => {
    const page = await browser.newPage();
    await signIn(page, server.baseUrl, 'admin', DEMO_PASSWORD);
    // Everyone lands on "Việc cần làm"; the tree has its own page.
    await page.goto(`${server.baseUrl}/cay-to-chuc`);

    await expandNode(page, 'Đảng bộ tỉnh Trà Vinh');
    await expandNode(page, 'Đảng ủy Khối các cơ quan và doanh nghiệp');
    await expandNode(page, 'Đảng bộ Sở Y tế');
    await page.getByRole('link', { name: 'Chi bộ các phòng Nghiệp vụ Sở Y tế', exact: true }).click();
    await page.getByRole('heading', { name: 'Chi bộ các phòng Nghiệp vụ Sở Y tế' }).waitFor();
    await page.getByRole('link', { name: 'Thanh tra Sở Y tế', exact: true }).click();
    await page.getByRole('heading', { name: 'Thanh tra Sở Y tế', level: 2 }).waitFor();
    workplaceUrl = page.url();

    const eligibility = page.getByTestId('eligibility');
    await expect.poll(() => eligibility.textContent()).toContain('Không phải tổ chức họp');
    const countedBefore = Number(
      /Số quần chúng được tính: (\d+)/.exec((await eligibility.textContent()) ?? '')?.[1],
    );
    expect(countedBefore).toBeLessThan(5);

    const badFile = await rosterFile(page, server.baseUrl, [
      {
        'Họ và tên': 'Huỳnh Văn Lợi',
        'Ngày sinh (dd/mm/yyyy)': '31/02/1990',
        'Loại lao động': 'Biên chế',
        'Đảng viên (Có/Không)': 'Không',
      },
      { 'Họ và tên': 'Thạch Thị Sa Rên', 'Loại lao động': 'Thời vụ', 'Đảng viên (Có/Không)': 'Không' },
    ]);
    await chooseFile(page, 'danh-sach-loi.xlsx', badFile);
    // A slow line keeps the upload on screen long enough to see its progress bar.
    const network = await page.context().newCDPSession(page);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 8_000,
    });
    await page.getByRole('button', { name: 'Nhập danh sách' }).click();
    await page.getByRole('progressbar', { name: 'Tiến độ tải lên' }).waitFor();
    await network.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const errorRows = await errors.locator('tbody tr').allTextContents();
    expect(errorRows.length).toBeGreaterThanOrEqual(2);
    expect(errorRows.some((row) => row.startsWith('2') && row.includes('Ngày sinh'))).toBe(true);
    expect(errorRows.some((row) => row.startsWith('3') && row.includes('Loại lao động'))).toBe(true);
    await expect.poll(() => eligibility.textContent()).toContain('Không phải tổ chức họp');

    const goodFile = await rosterFile(page, server.baseUrl, [
      {
        'Họ và tên': 'Huỳnh Văn Lợi',
        'Ngày sinh (dd/mm/yyyy)': '28/02/1990',
        'Giới tính (Nam/Nữ)': 'Nam',
        'Chức danh': 'Thanh tra viên',
        'Loại lao động': 'Biên chế',
        'Đảng viên (Có/Không)': 'Không',
      },
      {
        'Họ và tên': 'Thạch Thị Sa Rên',
        'Ngày sinh (dd/mm/yyyy)': '12/07/1994',
        'Giới tính (Nam/Nữ)': 'Nữ',
        'Chức danh': 'Chuyên viên',
        'Loại lao động': 'Biên chế',
        'Đảng viên (Có/Không)': 'Không',
      },
    ]);
    await chooseFile(page, 'danh-sach.xlsx', goodFile);
    await page.getByRole('button', { name: 'Nhập danh sách' }).click();
    await page.getByText('Đã nhập: 2 thêm mới, 0 cập nhật, 0 không đổi').waitFor();
    await expect(errors.count()).resolves.toBe(0);

    await eligibility.getByText('Phải tổ chức họp', { exact: true }).waitFor();
    await expect
      .poll(() => eligibility.textContent())
      .toContain(`Số quần chúng được tính: ${countedBefore + 2}`);
    await page.getByRole('cell', { name: 'Thạch Thị Sa Rên', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Xóa Thạch Thị Sa Rên' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xóa' }).click();
    await page.getByRole('cell', { name: 'Thạch Thị Sa Rên', exact: true }).waitFor({ state: 'detached' });
    await expect
      .poll(() => eligibility.textContent())
      .toContain(`Số quần chúng được tính: ${countedBefore + 1}`);
    await page.close();
  });

  it('fits a phone screen: no sideways scrolling, and the menu opens from the burger', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'admin', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/cay-to-chuc`);
    await page.getByRole('link', { name: 'Đảng bộ tỉnh Trà Vinh', exact: true }).waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);

    expect(await isOnScreen(page, 'Tìm nhân sự')).toBe(false);
    await page.getByRole('button', { name: 'Mở trình đơn' }).click();
    await expect.poll(() => isOnScreen(page, 'Tìm nhân sự')).toBe(true);

    await page.goto(workplaceUrl);
    await page.getByTestId('eligibility').waitFor();
    await page.getByTestId('eligibility').scrollIntoViewIfNeeded();
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await context.close();
  });
});
