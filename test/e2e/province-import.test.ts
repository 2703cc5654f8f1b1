import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/server/province/columns.js';
import { variedProvince } from '../../src/server/province/workbook-fixtures.js';
import {
  BLOC,
  checkPage,
  downloadFrom,
  type E2eServer,
  launchBrowser,
  signedInPage,
  startServer,
} from './support.js';

type Rows = ReturnType<typeof variedProvince>;

/** The downloaded template, its example rows replaced by `rows` (the template's own column order). */
async function filledTemplate(template: Buffer, rows: Partial<Rows>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ExcelJS.Buffer);
  for (const [key, name] of [
    ['organizations', 'Tổ chức đảng'],
    ['workplaces', 'Cơ quan, đơn vị'],
    ['people', 'Nhân sự'],
  ] as const) {
    const sheet = workbook.getWorksheet(name)!;
    expect(sheet.getRow(1).getCell(1).value).toBe(COLUMNS[key][0]!.header);
    sheet.spliceRows(2, 1);
    for (const row of rows[key] ?? []) sheet.addRow(COLUMNS[key].map((column) => row[column.key] ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function upload(page: Page, content: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Tệp .xlsx' }).click();
  await (await chooser).setFiles({
    name: 'so-nhap.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: content,
  });
  await page.getByRole('button', { name: 'Kiểm tra (chưa ghi gì)' }).click();
}

/** The counts table as text rows: sheet, created, changed, unchanged. */
async function counts(page: Page): Promise<string[]> {
  const table = page.getByTestId('workbook-counts');
  await table.waitFor();
  return (await table.locator('tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
}

describe('the page "Nhập sổ Excel" (issue 16)', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await signedInPage(browser, server, 'admin');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('downloads the template, previews a valid workbook, applies it after a confirmation and shows the result', async () => {
    await page.goto(`${server.baseUrl}/nhap-so`);
    await page.getByRole('heading', { name: 'Nhập tổ chức, cơ quan và nhân sự từ sổ Excel' }).waitFor();
    await checkPage(page, 'Nhập sổ Excel, chưa chọn tổ chức');
    await page.getByRole('textbox', { name: 'Nhập vào tổ chức' }).click();
    await page
      .getByRole('option', { name: 'Đảng bộ tỉnh Trà Vinh' })
      .getByRole('button', { name: 'Mở nhánh' })
      .click();
    await page.getByRole('option', { name: BLOC }).click();

    const template = await downloadFrom(page, 'Tải sổ mẫu (.xlsx)');
    // Big enough that applying it takes a moment: the progress bar shows.
    const rows = variedProvince(600, 'E2E');
    await upload(page, await filledTemplate(template.content, rows));
    expect(await counts(page)).toEqual([
      `Tổ chức đảng ${rows.organizations.length} 0 0`,
      `Cơ quan, đơn vị ${rows.workplaces.length} 0 0`,
      `Nhân sự ${rows.people.length} 0 0`,
    ]);
    await page.getByTestId('workbook-changes').waitFor();
    await checkPage(page, 'Nhập sổ Excel, bản xem trước');

    await page.getByRole('button', { name: 'Nhập (tất cả hoặc không gì cả)' }).click();
    const confirm = page.getByRole('dialog', { name: 'Nhập sổ vào hệ thống' });
    await confirm.getByText(`Nhân sự: thêm ${rows.people.length}, sửa 0`).waitFor();
    await checkPage(page, 'Nhập sổ Excel, hộp xác nhận');
    // The page's polls are held back a moment, so the applying state stays on screen to be checked.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/v1/province-imports/*', async (route) => {
      if (route.request().method() === 'GET') await held;
      await route.continue();
    });
    await confirm.getByRole('button', { name: 'Xác nhận nhập' }).click();
    await page.getByRole('progressbar', { name: 'Tiến độ nhập' }).waitFor();
    await page.getByText('Đang ghi vào hệ thống').waitFor();
    await checkPage(page, 'Nhập sổ Excel, đang ghi');
    release();
    await page.unrouteAll({ behavior: 'wait' });

    await page.getByText('Đã nhập xong').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('progressbar', { name: 'Tiến độ nhập' }).count()).toBe(0);
    await checkPage(page, 'Nhập sổ Excel, đã nhập');

    // Written: the same file again is all "unchanged".
    await upload(page, await filledTemplate(template.content, rows));
    await expect
      .poll(() => counts(page), { timeout: 60_000 })
      .toEqual([
        `Tổ chức đảng 0 0 ${rows.organizations.length}`,
        `Cơ quan, đơn vị 0 0 ${rows.workplaces.length}`,
        `Nhân sự 0 0 ${rows.people.length}`,
      ]);
  }, 300_000);

  it('lists the errors of a wrong workbook by sheet, row and column, in Vietnamese, and offers no apply', async () => {
    const template = await downloadFrom(page, 'Tải sổ mẫu (.xlsx)');
    const wrong = await filledTemplate(template.content, {
      organizations: [
        { code: 'SAI-1', name: 'Chi bộ Sai', kind: 'Chi bộ trực thuộc', parentCode: 'KHONG-CO' },
      ],
      workplaces: [{ code: 'SAI-CQ', name: 'Cơ quan Sai', organizationCode: 'SAI-1', address: null }],
      people: [
        {
          staffCode: 'SAI-NV',
          fullName: 'Lê Văn Sai',
          birthDate: '31/02/1980',
          workplaceCode: 'SAI-CQ',
          employmentType: 'Biên chế',
        },
      ],
    });
    await upload(page, wrong);
    const errors = page.getByTestId('workbook-errors');
    await errors.waitFor();
    const lines = (await errors.locator('tbody tr').allInnerTexts()).map((row) =>
      row.replace(/\s+/g, ' ').trim(),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Tổ chức đảng 2 Mã tổ chức cấp trên Không có tổ chức cấp trên mã "KHONG-CO"/),
        expect.stringMatching(/^Nhân sự 2 Ngày sinh \(dd\/mm\/yyyy\) Ngày sinh không hợp lệ/),
      ]),
    );
    await page.getByText(/Tệp có \d+ lỗi/).waitFor();
    expect(await page.getByRole('button', { name: 'Nhập (tất cả hoặc không gì cả)' }).count()).toBe(0);
    await checkPage(page, 'Nhập sổ Excel, tệp có lỗi');
  }, 120_000);
});
