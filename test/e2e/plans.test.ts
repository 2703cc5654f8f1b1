import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import { type E2eServer, launchBrowser, signIn, startServer } from './support.js';

const BLOC = 'Đảng ủy Khối các cơ quan và doanh nghiệp';
const HEALTH = 'Đảng bộ Sở Y tế';

/** The row of a table that names `text` in one of its cells. */
const rowWith = (page: Page, text: string) =>
  page.getByRole('row').filter({ has: page.getByRole('cell', { name: text, exact: true }) });

describe('plans, progress and concerns in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let planUrl = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the bloc board writes a plan from the template, pastes its manifestation list and publishes it', async () => {
    const page = await browser.newPage();
    await signIn(page, server.baseUrl, 'bantochuc', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await page.getByRole('heading', { name: 'Kế hoạch', level: 2 }).waitFor();
    await page.getByText('Chưa có kế hoạch nào.').waitFor();

    await page.getByRole('button', { name: 'Soạn kế hoạch mới' }).click();
    const create = page.getByRole('dialog', { name: 'Soạn kế hoạch mới' });
    await expect.poll(() => create.getByLabel('Tổ chức ban hành').inputValue()).toBe(BLOC);
    await create.getByLabel('Năm').fill('2026');
    await create.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.getByRole('button', { name: 'Lưu kế hoạch' }).waitFor();
    planUrl = page.url().replace(/\?.*$/, '');

    await page.getByLabel('Số', { exact: true }).fill('03');
    await page.getByLabel('Nơi ban hành').fill('Trà Vinh');
    await page.getByLabel('Ngày ban hành').fill('21/10/2026');
    await page
      .getByLabel('Chuyên đề năm')
      .fill('Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh');

    await page.getByRole('button', { name: 'Dán danh sách' }).click();
    const paste = page.getByRole('dialog', { name: 'Dán danh sách biểu hiện' });
    await paste
      .getByLabel('Danh sách')
      .fill(
        [
          '1. Phai nhạt lý tưởng cách mạng.',
          '2) Dao động, giảm sút niềm tin vào mục tiêu, lý tưởng.',
          '',
          '3. Nói không đi đôi với làm.',
          '4- Ngại học tập lý luận chính trị.',
        ].join('\n'),
      );
    await paste.getByRole('button', { name: 'Thay danh mục' }).click();
    await paste.waitFor({ state: 'detached' });
    const list = page.getByLabel('Danh mục biểu hiện suy thoái (mỗi biểu hiện một dòng)');
    await expect.poll(() => list.inputValue()).toContain('Phai nhạt lý tưởng cách mạng.\nDao động');
    await page.getByText('4 biểu hiện', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await page.getByText('Đã lưu kế hoạch.').waitFor();
    await page.getByText('Số 03-KH/ĐUK', { exact: true }).first().waitFor();
    await page.getByText(/4 biểu hiện$/).waitFor();
    await page.getByRole('button', { name: 'Xem danh mục' }).click();
    await page.getByText('Nói không đi đôi với làm.', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Ban hành' }).click();
    const confirm = page.getByRole('dialog', { name: 'Ban hành kế hoạch' });
    await confirm.getByText(/có phải tổ chức tự phê bình/).waitFor();
    await confirm.getByRole('button', { name: 'Ban hành' }).click();
    await page.getByText(/cơ quan, đơn vị phải tổ chức;/).waitFor();

    await page.getByRole('tab', { name: 'Cơ quan phải họp' }).click();
    await page.getByRole('tab', { name: 'Cơ quan phải họp', selected: true }).waitFor();
    const inspection = rowWith(page, 'Thanh tra Sở Y tế');
    await expect.poll(() => inspection.textContent()).toContain('Không phải tổ chức');
    expect(await inspection.getByRole('cell').nth(2).textContent()).toMatch(/^3/);
    const office = rowWith(page, 'Văn phòng Sở Y tế');
    await expect.poll(() => office.textContent()).toContain('Phải tổ chức');
    expect(await office.getByRole('cell').nth(2).textContent()).toMatch(/^10/);

    const docx = await page.request.get(
      `${server.baseUrl}/api/v1/plans/${planUrl.split('/').pop()}/document.docx`,
    );
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toContain(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const pdf = await page.request.get(
      `${server.baseUrl}/api/v1/plans/${planUrl.split('/').pop()}/document.pdf`,
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await page.close();
  });
});
