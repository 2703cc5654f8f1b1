import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentXml, docxParagraphs } from '../../src/documents/read-exports.js';
import { vietnamDate } from '../../src/domain/meetings.js';
import { WEB_DIST } from '../../src/server/app.js';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import { codesOnSheet } from '../../src/server/phone-forms/test-helpers.js';
import {
  demoAccountId,
  demoMember,
  type E2eServer,
  launchBrowser,
  OFFICE,
  publishDemoPlan,
  scheduleDemoMeeting,
  signIn,
  startServer,
} from './support.js';

const DAY = 24 * 60 * 60_000;
const P5_BUDGET_BYTES = 100 * 1024;

const dayAfter = (days: number) => vietnamDate(new Date(Date.now() + days * DAY));

/** Chromium's "Slow 3G" profile (DevTools): 2 s latency, about 50 KB/s each way. */
async function slow3g(page: Page) {
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 2000,
    downloadThroughput: ((500 * 1000) / 8) * 0.8,
    uploadThroughput: ((500 * 1000) / 8) * 0.8,
  });
}

describe('anonymous phone forms in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let planId = '';
  let workplaceId = '';
  let committee: BrowserContext;
  let codes: string[] = [];
  const opinions = ['Ý kiến điện thoại một', 'Ý kiến điện thoại hai', 'Ý kiến điện thoại ba'];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    planId = (
      await publishDemoPlan(browser, server, {
        number: '03',
        place: 'Trà Vinh',
        meetingsDueOn: dayAfter(10),
        baseReportsDueOn: dayAfter(15),
        upwardReportDueOn: dayAfter(20),
      })
    ).id;
    ({ workplaceId } = await demoMember(browser, server));
    const secretaryAccountId = await demoAccountId(browser, server, 'quanchung');
    committee = await browser.newContext({ acceptDownloads: true });
    const page = await committee.newPage();
    await signIn(page, server.baseUrl, 'chiuy.vp', DEMO_PASSWORD);
    await scheduleDemoMeeting(
      page.request,
      server,
      { planId, workplaceId, day: dayAfter(1), secretaryAccountId },
      { endsAt: `${dayAfter(1)}T11:30:00+07:00`, chairName: 'Bí thư Chi bộ' },
    );
    await page.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('P5: the phone page is its own light page within 100 KB compressed, served with a strict CSP', async () => {
    const html = await readFile(join(WEB_DIST, 'phieu.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map(([, path]) => path!);
    expect(assets.some((path) => path.endsWith('.js'))).toBe(true);
    expect(assets.some((path) => path.endsWith('.css'))).toBe(true);
    let total = gzipSync(html).length;
    for (const asset of assets) {
      const content = await readFile(join(WEB_DIST, asset));
      expect(content.toString('utf8')).not.toContain('react');
      total += gzipSync(content).length;
    }
    expect(total).toBeLessThanOrEqual(P5_BUDGET_BYTES);
    const served = await fetch(`${server.baseUrl}/phieu`);
    expect(served.status).toBe(200);
    expect(await served.text()).toBe(html);
    expect(served.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('the committee prints a QR sheet and opens the window', async () => {
    const page = await committee.newPage();
    await page.goto(`${server.baseUrl}/ke-hoach/${planId}/co-quan/${workplaceId}/hop`);
    await page.getByRole('tab', { name: 'Phiếu qua điện thoại' }).click();
    await page.getByText('Phiếu ẩn danh chỉ hiện sau khi đóng cửa sổ nhận phiếu').waitFor();
    await page.getByLabel('Số mã cần in').fill('3');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'In mã QR' }).click();
    codes = await codesOnSheet(await readFile((await (await download).path())!));
    expect(codes).toHaveLength(3);
    await page.getByText('Đã cấp 3 mã cho buổi họp này.').waitFor();
    // The same sheet for Word: a DOCX with codes of its own.
    const docx = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải tờ mã QR (DOCX)' }).click();
    const file = await docx;
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const sheet = docxParagraphs(await documentXml(await readFile((await file.path())!))).join('\n');
    expect(sheet.match(/\b[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}\b/g)).toHaveLength(3);
    await page.getByText('Đã cấp 6 mã cho buổi họp này.').waitFor();
    await page.getByRole('button', { name: 'Mở nhận phiếu' }).click();
    await page.getByText(/^Đang nhận phiếu, tự đóng lúc/).waitFor();
    await page.close();
  });

  it('three phones open the link, fill the form for a member and send it (one on slow 3G, one reloading mid-way, one sending while offline first)', async () => {
    const phones: BrowserContext[] = [];
    for (const [index, code] of codes.entries()) {
      const phone = await browser.newContext({
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      phones.push(phone);
      const page = await phone.newPage();
      if (index === 0) await slow3g(page);
      await page.goto(`${server.baseUrl}/phieu#${code}`);
      await page.getByText(OFFICE).waitFor({ timeout: 60_000 });
      await page.getByText(/Phiếu này ẩn danh/).waitFor();
      const start = page.getByRole('button', { name: /^Góp ý cho đồng chí / }).first();
      const name = (await start.textContent())!.replace('Góp ý cho đồng chí ', '');
      await start.click();
      const form = page.getByRole('form', { name: `Phiếu góp ý cho đồng chí ${name}` });
      await form
        .getByRole('group', { name: 'I- VỀ ƯU ĐIỂM' })
        .getByLabel('3. Thực hiện chức trách (nhiệm vụ được giao)')
        .fill(opinions[index]!);
      await form.getByLabel('Đề xuất', { exact: true }).fill(`Đề xuất ${index + 1}`);
      if (index === 1) {
        // What was typed survives a reload in the same tab until it is sent.
        await page.reload();
        await page.getByRole('button', { name: `Tiếp tục phiếu đang ghi cho đồng chí ${name}` }).click();
        expect(await form.getByLabel('Đề xuất', { exact: true }).inputValue()).toBe(`Đề xuất ${index + 1}`);
      }
      if (index === 2) {
        // A send that cannot reach the server keeps the form as typed, and goes through once back online.
        await phone.setOffline(true);
        await form.getByRole('button', { name: `Gửi phiếu góp ý cho đồng chí ${name}` }).click();
        await page.getByText(/Không kết nối được máy chủ/).waitFor();
        await phone.setOffline(false);
      }
      // Nothing is wider than the phone's screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await form.getByRole('button', { name: `Gửi phiếu góp ý cho đồng chí ${name}` }).click();
      await page.getByText(`✓ Đã gửi phiếu góp ý cho đồng chí ${name}.`).waitFor({ timeout: 60_000 });
      await page.reload();
      await page.getByText(`✓ Đã gửi phiếu góp ý cho đồng chí ${name}.`).waitFor({ timeout: 60_000 });
    }
    for (const phone of phones) await phone.close();
  });

  it('a second phone with a used code is refused for the same member, like before, and then remembers it', async () => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    const page = await phone.newPage();
    await page.goto(`${server.baseUrl}/phieu#${codes[0]}`);
    await page.getByText(/Phiếu này ẩn danh/).waitFor();
    // S6: the server does not say what this code has sent; this phone has sent nothing.
    expect(await page.getByText(/✓ Đã gửi/).count()).toBe(0);
    const start = page.getByRole('button', { name: /^Góp ý cho đồng chí / }).first();
    const name = (await start.textContent())!.replace('Góp ý cho đồng chí ', '');
    await start.click();
    const form = page.getByRole('form', { name: `Phiếu góp ý cho đồng chí ${name}` });
    await form.getByLabel('Đề xuất', { exact: true }).fill('Gửi lần hai bằng máy khác');
    await form.getByRole('button', { name: `Gửi phiếu góp ý cho đồng chí ${name}` }).click();
    await page.getByText(`✓ Đã gửi phiếu góp ý cho đồng chí ${name}.`).waitFor();
    await page.reload();
    await page.getByText(`✓ Đã gửi phiếu góp ý cho đồng chí ${name}.`).waitFor();
    await phone.close();
  });

  it('the committee closes the window and sees the three anonymous forms', async () => {
    const page = await committee.newPage();
    await page.goto(`${server.baseUrl}/ke-hoach/${planId}/co-quan/${workplaceId}/hop`);
    await page.getByRole('tab', { name: 'Phiếu qua điện thoại' }).click();
    await page.getByRole('button', { name: 'Đóng cửa sổ nhận phiếu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đóng cửa sổ nhận phiếu' });
    await dialog.getByRole('button', { name: 'Đóng cửa sổ nhận phiếu' }).click();
    await page
      .getByText('3 phiếu ẩn danh qua điện thoại, công bố cùng một lúc, xếp theo thứ tự ngẫu nhiên')
      .waitFor();
    for (const opinion of opinions) await page.getByText(opinion).waitFor();
    await page.close();
  });
});
