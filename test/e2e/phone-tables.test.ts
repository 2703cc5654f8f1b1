import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import {
  api,
  checkPage,
  type DemoPlan,
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

/** SCREENSHOTS=dir: keep a picture of every page checked, at each width (to look at by eye). */
const SHOTS = process.env.SCREENSHOTS;

/**
 * Issue 15 item 5: every table of the web app fits a 360 px phone (rows become cards, each cell
 * named by its column) and a 1366 px screen; nothing on these pages scrolls sideways.
 */
describe('tables fit a phone: at 360 px no page with a table scrolls sideways', () => {
  let server: E2eServer;
  let browser: Browser;
  let plan: DemoPlan;
  let workplaceId: string;
  let selfCriticismId: string;
  const pages = new Map<string, Page>();

  /** A page signed in as `username` at `width`, kept for the next visits at that width. */
  async function as(username: string, width: number): Promise<Page> {
    const key = `${username}@${width}`;
    const kept = pages.get(key);
    if (kept) return kept;
    const context = await browser.newContext({ viewport: { width, height: width > 800 ? 768 : 740 } });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, username, DEMO_PASSWORD);
    pages.set(key, page);
    return page;
  }

  /** What scrolls sideways: the document, and every box around a table. */
  async function sidewaysOverflow(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const found: string[] = [];
      const root = document.scrollingElement ?? document.documentElement;
      if (root.scrollWidth > window.innerWidth)
        found.push(`trang rộng ${root.scrollWidth}px > ${window.innerWidth}px`);
      for (const table of Array.from(document.querySelectorAll('table'))) {
        const name = table.getAttribute('aria-label') ?? table.getAttribute('data-testid') ?? 'bảng';
        if (table.getBoundingClientRect().right > window.innerWidth + 1)
          found.push(`${name}: vượt mép phải (${Math.round(table.getBoundingClientRect().right)}px)`);
        for (let box = table.parentElement; box && box !== document.body; box = box.parentElement) {
          if (box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== 'visible')
            found.push(`${name}: hộp cuộn ngang ${box.scrollWidth}px > ${box.clientWidth}px`);
        }
      }
      return found;
    });
  }

  /**
   * Opens `path` as `username` at `width`, waits for `ready` (a table by default), then checks that
   * nothing scrolls sideways, that on a phone every body cell names its column, and U2/U3.
   */
  async function visit(
    username: string,
    path: string,
    where: string,
    { width = 360, ready }: { width?: number; ready?: (page: Page) => Promise<unknown> } = {},
  ): Promise<Page> {
    const page = await as(username, width);
    await page.goto(`${server.baseUrl}${path}`);
    await (ready ? ready(page) : page.locator('table').first().waitFor());
    await checkPage(page, `${where} (${width}px)`);
    expect(await sidewaysOverflow(page), `${where} at ${width}px`).toEqual([]);
    if (width <= 400) {
      // Each row is a card: the header row is hidden and each cell with a value shows its column.
      const unnamed = await page.evaluate(() =>
        Array.from(document.querySelectorAll('table.card-table tbody td'))
          // Cells shown (a closed accordion keeps its panel rendered but hidden, unnamed until opened).
          .filter((cell) => cell.checkVisibility())
          .filter((cell) => (cell as HTMLTableCellElement).colSpan <= 1 && cell.textContent?.trim())
          .filter((cell) => !cell.getAttribute('data-label'))
          .map((cell) => cell.textContent?.trim().slice(0, 40)),
      );
      expect(unnamed, `${where}: cells without their column's name`).toEqual([]);
      const headers = await page
        .locator('table.card-table thead')
        .evaluateAll((heads) => heads.filter((head) => getComputedStyle(head).display !== 'none').length);
      expect(headers, `${where}: header rows shown on a phone`).toBe(0);
    }
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${where}-${width}.png`, fullPage: true });
    return page;
  }

  beforeAll(async () => {
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    plan = await publishDemoPlan(browser, server, { number: '07' });
    ({ workplaceId, selfCriticismId } = await demoMember(browser, server));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the organization board reaches an unscheduled workplace through the progress and sees its name', async () => {
    const page = await visit('bantochuc', `/ke-hoach/${plan.id}/tien-do`, 'ban-to-chuc-tien-do', {
      ready: (page) => page.getByTestId('progress-row').first().waitFor(),
    });
    // Down the tree to the cell, then its workplace's meeting: not scheduled yet.
    for (const name of ['Đảng bộ Sở Y tế', 'Chi bộ Văn phòng Sở Y tế']) {
      await page.getByTestId('progress-row').getByRole('button', { name }).click();
      await page.getByRole('heading', { name: `Tiến độ thực hiện: ${name}` }).waitFor();
    }
    await page.getByRole('link', { name: `Buổi họp của ${OFFICE}` }).click();
    await page
      .getByRole('heading', { name: `Buổi tự phê bình và phê bình trước quần chúng: ${OFFICE}` })
      .waitFor();
    await expect
      .poll(() => page.getByTestId('meeting-unscheduled').textContent())
      .toBe(`${OFFICE} chưa có lịch họp.`);
    await checkPage(page, 'ban-to-chuc-buoi-hop-chua-lap-lich');
    expect(await sidewaysOverflow(page)).toEqual([]);
    // The same page at 1366 px.
    const wide = await as('bantochuc', 1366);
    await wide.goto(`${server.baseUrl}/ke-hoach/${plan.id}/co-quan/${workplaceId}/hop`);
    await wide.getByText(`${OFFICE} chưa có lịch họp.`).waitFor();
  });

  it('the administrator: accounts, people, audit, plans, an organization, a workplace, personal data, sessions', async () => {
    const admin = await as('admin', 360);
    const roots = await (await admin.request.get(api(server, '/organizations'))).json();
    // The administrator's top organization (the province): its children and committee are tables.
    const top = roots.items[0];
    const accounts = await (await admin.request.get(api(server, '/accounts?q=dangvien'))).json();
    const personId = accounts.items.find(
      (item: { username: string }) => item.username === 'dangvien',
    ).personId;
    for (const width of [360, 1366]) {
      await visit('admin', '/tai-khoan', 'tai-khoan', { width });
      await visit('admin', '/nhan-su', 'nhan-su', { width });
      await visit('admin', '/nhat-ky', 'nhat-ky', { width });
      await visit('admin', '/ke-hoach', 'ke-hoach', { width });
      await visit('admin', `/to-chuc/${top.id}`, 'to-chuc', { width });
      await visit('admin', `/co-quan/${workplaceId}`, 'co-quan', { width });
      await visit('admin', `/nhan-su/${personId}/du-lieu-ca-nhan`, 'du-lieu-ca-nhan', { width });
      await visit('admin', '/bao-mat', 'bao-mat', { width });
    }
  }, 300_000);

  it('the organization board: progress, the plan, year end, reports and concerns', async () => {
    for (const width of [360, 1366]) {
      await visit('bantochuc', `/ke-hoach/${plan.id}/tien-do`, 'tien-do', { width });
      await visit('bantochuc', `/ke-hoach/${plan.id}?tab=co-quan`, 'ke-hoach-co-quan', {
        width,
        ready: (page) => page.getByTestId('plan-workplace').first().waitFor(),
      });
      await visit('bantochuc', '/tong-ket', 'tong-ket', { width });
      await visit('bantochuc', `/bao-cao?planId=${plan.id}`, 'bao-cao', { width });
    }
  }, 300_000);

  it('the cell committee, the member and the secretary: reports, versions, the meeting and its attendance', async () => {
    const secretaryAccountId = await demoAccountId(browser, server, 'thuky');
    const committee = await as('chiuy.vp', 360);
    await scheduleDemoMeeting(committee.request, server, {
      planId: plan.id,
      workplaceId,
      day: plan.meetingsDueOn,
      secretaryAccountId,
    });
    for (const width of [360, 1366]) {
      await visit('chiuy.vp', `/ke-hoach/${plan.id}/co-quan/${workplaceId}/tu-phe-binh`, 'ban-tu-phe-binh', {
        width,
      });
      await visit('chiuy.vp', `/ke-hoach/${plan.id}/co-quan/${workplaceId}/hop`, 'diem-danh', {
        width,
        ready: (page) => page.getByTestId('attendance-row').first().waitFor(),
      });
      await visit('dangvien', '/tu-phe-binh', 'tu-phe-binh-cua-toi', { width });
      await visit('dangvien', `/tu-phe-binh/${selfCriticismId}`, 'ban-tu-phe-binh-phien-ban', {
        width,
        ready: (page) => page.getByRole('cell', { name: 'Lập bản trống khi ban hành kế hoạch' }).waitFor(),
      });
      await visit('chiuy.vp', '/hop', 'hop-cap-uy', { width });
      await visit('thuky', '/hop', 'hop-thu-ky', { width });
    }
  }, 300_000);
});
