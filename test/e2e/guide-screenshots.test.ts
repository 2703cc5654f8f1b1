import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import { GUIDE_CHAPTERS } from '../../src/web/guide-content.js';
import {
  checkPage,
  demoScheduledMeeting,
  type E2eServer,
  launchBrowser,
  OFFICE,
  signIn,
  startServer,
} from './support.js';

/**
 * QUALITY U6: the user guide's pictures are taken here from the demo, at 1366×768, so they show the
 * interface as it is; each page is also checked for U2 (axe-core) and U3 (no English) at 1366 and
 * 360 px. The pictures go to docs/guide/anh, which the server serves at /huong-dan/anh.
 */
const GUIDE_IMAGES = join(import.meta.dirname, '../../docs/guide/anh');

describe('the user guide, with its pictures taken from the demo', () => {
  let server: E2eServer;
  let browser: Browser;
  let planId = '';
  let meetingId = '';
  let meetingPath = '';
  const taken = new Set<string>();

  beforeAll(async () => {
    mkdirSync(GUIDE_IMAGES, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    const scheduled = await demoScheduledMeeting(browser, server, {
      number: '03',
      annualTheme: 'Đoàn kết, kỷ cương',
    });
    meetingId = scheduled.meetingId;
    meetingPath = scheduled.meetingPath;
    planId = meetingPath.split('/')[2]!;
    await scheduled.committeePage.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Signs in as `username` in a 1366×768 window, opens `path`, checks it, and shoots it as `image`. */
  async function visit(
    username: string,
    path: string,
    image?: string,
    ready?: (page: Page) => Promise<void>,
  ) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, username, DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}${path}`);
    await ready?.(page);
    await checkPage(page, `${path} (${username}, 1366 px)`);
    if (image) {
      await page.screenshot({ path: join(GUIDE_IMAGES, `${image}.png`) });
      taken.add(image);
    }
    await page.setViewportSize({ width: 360, height: 740 });
    await checkPage(page, `${path} (${username}, 360 px)`);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      `${path} fits 360 px`,
    ).toBe(true);
    await context.close();
  }

  it('the organization board: plans and progress', async () => {
    await visit('bantochuc', '/ke-hoach', 'ban-to-chuc-ke-hoach', (page) =>
      page.getByRole('heading', { name: 'Kế hoạch', exact: true }).waitFor(),
    );
    await visit('bantochuc', `/ke-hoach/${planId}/tien-do`, 'ban-to-chuc-tien-do', (page) =>
      page.getByTestId('progress-row').first().waitFor(),
    );
  });

  it('the committee: the reports of a workplace and its meeting', async () => {
    const workplace = meetingPath.split('/')[4]!;
    await visit(
      'chiuy.vp',
      `/ke-hoach/${planId}/co-quan/${workplace}/tu-phe-binh`,
      'cap-uy-ban-tu-phe-binh',
      (page) => page.getByText('Chưa mở').first().waitFor(),
    );
    await visit('chiuy.vp', meetingPath, 'cap-uy-buoi-hop', (page) =>
      page
        .getByRole('heading', { name: `Buổi tự phê bình và phê bình trước quần chúng: ${OFFICE}` })
        .waitFor(),
    );
  });

  it('the secretary: the live agenda, on a member', async () => {
    await visit('thuky', `/hop/${meetingId}/truc-tiep`, 'thu-ky-ghi-y-kien', async (page) => {
      await page.getByRole('button', { name: 'Bắt đầu buổi họp' }).click();
      await page.getByRole('button', { name: 'Sang phần (2) Nội dung' }).click();
      await page.getByTestId('current-member').waitFor();
    });
  });

  it('the member: their report', async () => {
    await visit('dangvien', '/tu-phe-binh', undefined, (page) =>
      page.getByRole('link', { name: 'Mở' }).first().waitFor(),
    );
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'dangvien', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/tu-phe-binh`);
    await page.getByRole('link', { name: 'Mở' }).first().click();
    await page.getByRole('heading', { name: /^Bản tự phê bình: / }).waitFor();
    const path = new URL(page.url()).pathname;
    await context.close();
    await visit('dangvien', path, 'dang-vien-ban-tu-phe-binh', (page) =>
      page.getByRole('heading', { name: /^Bản tự phê bình: / }).waitFor(),
    );
  });

  it('the non-member: their meetings and written feedback', async () => {
    await visit('quanchung', '/hop', 'quan-chung-cuoc-hop', (page) =>
      page.getByRole('heading', { name: 'Cuộc họp của tôi' }).waitFor(),
    );
    await visit('quanchung', '/gop-y');
  });

  it('the administrator: accounts, settings, the tree', async () => {
    await visit('admin', '/tai-khoan', 'quan-tri-tai-khoan', (page) =>
      page.getByText('bantochuc').first().waitFor(),
    );
    await visit('admin', '/cai-dat');
    await visit('admin', '/');
  });

  it('the guide is served, names a picture for every step that has one, and prints', async () => {
    const wanted = GUIDE_CHAPTERS.flatMap((chapter) => chapter.steps.flatMap((step) => step.image ?? []));
    expect([...taken].sort()).toEqual([...new Set(wanted)].sort());
    await visit('dangvien', '/huong-dan', undefined, async (page) => {
      await page.getByRole('heading', { name: 'Hướng dẫn sử dụng' }).waitFor();
      for (const chapter of GUIDE_CHAPTERS) {
        await page.getByRole('heading', { name: chapter.title, exact: true }).waitFor();
      }
      // Every picture loads (served from docs/guide/anh).
      await expect
        .poll(() =>
          page.evaluate(() =>
            [...document.images].every((image) => image.complete && image.naturalWidth > 0),
          ),
        )
        .toBe(true);
      expect(await page.locator('main img').count()).toBe(wanted.length);
    });
    // The help icon of any page opens the guide at the chapter about it.
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'thuky', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/hop/${meetingId}/truc-tiep`);
    await page.getByRole('link', { name: 'Hướng dẫn sử dụng' }).click();
    await page.getByRole('heading', { name: 'Hướng dẫn sử dụng' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#thu-ky');
    // Printable: the menu and header are left out on paper.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Trình đơn chính' }).isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await context.close();
  });
});
