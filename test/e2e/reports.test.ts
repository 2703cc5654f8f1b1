import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import { BLOC, type E2eServer, launchBrowser, publishDemoPlan, signIn, startServer } from './support.js';

const HEALTH = 'Đảng bộ Sở Y tế';
const OFFICE_CELL = 'Chi bộ Văn phòng Sở Y tế';

/** Opens the organization's own report from the reports page and submits it after the confirmation. */
async function submitOwnReport(
  page: Page,
  server: E2eServer,
  planId: string,
  organization: string,
  results: string,
) {
  await page.goto(`${server.baseUrl}/bao-cao?planId=${planId}`);
  await page.getByRole('link', { name: `Mở báo cáo của ${organization}` }).click();
  await page.getByRole('heading', { name: `Báo cáo của ${organization}` }).waitFor();
  await page.getByLabel('Đánh giá kết quả').fill(results);
  // Issue 11: every section is written before a report is submitted.
  await page.getByLabel('Ưu điểm').fill('Nghiêm túc.');
  await page.getByLabel('Hạn chế').fill('Chưa đầy đủ.');
  await page.getByLabel('Đề xuất, kiến nghị').fill('Không.');
  await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nộp báo cáo' });
  await dialog.getByRole('button', { name: 'Nộp báo cáo' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText(/^Đã nộp ngày \d{2}\/\d{2}\/\d{4}$/).waitFor();
  await expect.poll(() => page.getByLabel('Đánh giá kết quả').inputValue()).toBe(results);
}

/** The state badge in the row of an organization in the reports table. */
const stateOf = (page: Page, organization: string) =>
  page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: organization, exact: true }) })
    .getByText(/^(Đúng hạn|Trễ hạn|Chưa nộp|Chưa đến hạn)$/);

describe('reports up the tree in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let planId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // Deadlines already past: the reports are late or missing whatever day the test runs.
    planId = (
      await publishDemoPlan(
        browser,
        server,
        {
          number: '03',
          year: 2025,
          meetingsDueOn: '2025-11-15',
          baseReportsDueOn: '2025-11-20',
          upwardReportDueOn: '2025-11-30',
        },
        2025,
      )
    ).id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a cell committee submits its report late after a confirmation', async () => {
    const page = await browser.newPage();
    await signIn(page, server.baseUrl, 'chiuy.vp', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await page.getByRole('heading', { name: 'Báo cáo', exact: true }).waitFor();
    await submitOwnReport(page, server, planId, OFFICE_CELL, 'Chi bộ tổ chức 1 buổi tự phê bình.');
    await expect.poll(() => page.getByText('Trễ hạn', { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByLabel('Đánh giá kết quả').getAttribute('readonly')).not.toBeNull();
    await page.close();
  });

  it('the base committee sees its cells’ states and submits its own report', async () => {
    const page = await browser.newPage();
    await signIn(page, server.baseUrl, 'capuy.syt', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/bao-cao?planId=${planId}`);
    await expect.poll(() => stateOf(page, OFFICE_CELL).textContent()).toBe('Trễ hạn');
    await expect
      .poll(() => stateOf(page, 'Chi bộ Trung tâm Kiểm soát bệnh tật').textContent())
      .toBe('Chưa nộp');
    await submitOwnReport(page, server, planId, HEALTH, 'Đảng bộ tổ chức đủ các buổi theo kế hoạch.');
    await page.close();
  });

  it('the bloc sees one late and the missing reports, with the counts', async () => {
    const page = await browser.newPage();
    await signIn(page, server.baseUrl, 'bantochuc', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await page.getByText(`Tổ chức nhận báo cáo: ${BLOC}`).waitFor();
    await expect.poll(() => stateOf(page, HEALTH).textContent()).toBe('Trễ hạn');
    await expect.poll(() => stateOf(page, 'Đảng bộ Sở Giáo dục và Đào tạo').textContent()).toBe('Chưa nộp');
    await page.getByText('Trễ hạn: 1', { exact: true }).waitFor();
    await expect.poll(() => page.getByText(/^Chưa nộp: [1-9]\d*$/).count()).toBe(1);
    await page.getByRole('link', { name: HEALTH, exact: true }).click();
    await page.getByRole('heading', { name: `Báo cáo của ${HEALTH}` }).waitFor();
    expect(await page.getByRole('button', { name: 'Nộp báo cáo' }).count()).toBe(0);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Tải DOCX' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.docx$/);
    await page.close();
  });
});
