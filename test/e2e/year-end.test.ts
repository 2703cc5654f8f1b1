import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import { HEADER_ROW, MEMBER_HEADERS, ORGANIZATION_HEADERS } from '../../src/server/year-end/workbooks.js';
import { type E2eServer, launchBrowser, publishDemoPlan, signIn, startServer } from './support.js';

const CELL = 'Chi bộ Văn phòng Sở Y tế';

async function downloadSheet(page: Page, button: string): Promise<ExcelJS.Worksheet> {
  const downloaded: Promise<Download> = page.waitForEvent('download');
  await page.getByRole('link', { name: button }).click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await (await downloaded).path())!)) as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe('year end in the browser', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await publishDemoPlan(browser, server, { number: '03', place: 'Trà Vinh' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a cell committee opens Tổng kết năm on its own cell, sees its members and downloads both tables', async () => {
    const page = await browser.newPage();
    await signIn(page, server.baseUrl, 'chiuy.vp', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Tổng kết năm' }).click();
    await page.getByRole('heading', { name: 'Tổng kết năm' }).waitFor();
    const members = page.getByRole('table', { name: 'Kết quả của từng đảng viên' });
    await members.waitFor();
    const rows = members.locator('tbody tr');
    const shown = await rows.count();
    expect(shown).toBeGreaterThan(0);
    expect(await rows.first().textContent()).toContain(CELL);
    expect(await rows.first().textContent()).toContain('Chưa ghi nhận');

    const memberSheet = await downloadSheet(page, 'Tải danh sách đảng viên (Excel)');
    expect(memberSheet.getRow(HEADER_ROW).values).toEqual([undefined, ...MEMBER_HEADERS]);
    expect(memberSheet.rowCount).toBe(HEADER_ROW + shown);
    expect(memberSheet.getRow(HEADER_ROW + 1).getCell(2).value).toBe(CELL);

    await page.getByRole('tab', { name: 'Tổ chức' }).click();
    const ranking = page.getByRole('table', { name: 'Bảng xếp hạng các tổ chức' });
    await ranking.waitFor();
    const first = ranking.locator('tbody tr').first();
    expect(await first.textContent()).toContain(CELL);
    expect(await first.getByText(/^(Chưa thực hiện|Chưa đến hạn)$/).count()).toBeGreaterThan(0);
    const rankingSheet = await downloadSheet(page, 'Tải bảng xếp hạng (Excel)');
    expect(rankingSheet.getRow(HEADER_ROW).values).toEqual([undefined, ...ORGANIZATION_HEADERS]);
    expect(rankingSheet.getRow(HEADER_ROW + 1).getCell(2).value).toBe(CELL);
    await page.close();
  });

  it('keeps the menu entry from a member', async () => {
    const page = await browser.newPage();
    await signIn(page, server.baseUrl, 'dangvien', DEMO_PASSWORD);
    expect(await page.getByRole('link', { name: 'Tổng kết năm' }).count()).toBe(0);
    await page.close();
  });
});
