import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import {
  demoAccountId,
  demoMember,
  type E2eServer,
  launchBrowser,
  publishDemoPlan,
  scheduleDemoMeeting,
  signIn,
  startServer,
} from './support.js';

/** A day `days` from today in Vietnam, as yyyy-mm-dd. */
const dayFromToday = (days: number) =>
  new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const shown = (isoDay: string) => isoDay.split('-').reverse().join('/');

describe('"Việc cần làm": the home page of each demo account shows its tasks', () => {
  let server: E2eServer;
  let browser: Browser;
  const meetingDay = dayFromToday(5);

  /** Signs in as `username` at the given width; the home page is where sign-in lands. */
  async function home(username: string, width = 1366): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: width > 800 ? 768 : 740 } });
    await signIn(page, server.baseUrl, username, DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Việc cần làm', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    return page;
  }
  const task = (page: Page, title: string) => page.getByRole('link', { name: title, exact: true });

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('before any plan: every account lands on its home page, which says nothing is due', async () => {
    for (const username of ['admin', 'dangvien', 'quanchung']) {
      const page = await home(username);
      await page.getByText('Không có việc nào đến hạn.', { exact: false }).waitFor();
      await expect
        .poll(() => page.getByTestId('task-bell').getAttribute('aria-label'))
        .toBe('Việc cần làm: không có việc nào đến hạn');
      await page.close();
    }
  });

  it('after the plan and the meeting: each role sees its own tasks with deadlines in dd/mm/yyyy', async () => {
    const year = Number(dayFromToday(0).slice(0, 4));
    const plan = await publishDemoPlan(
      browser,
      server,
      {
        number: '03',
        year,
        meetingsDueOn: dayFromToday(10),
        baseReportsDueOn: dayFromToday(15),
        upwardReportDueOn: dayFromToday(20),
      },
      year,
    );
    const secretaryAccountId = await demoAccountId(browser, server, 'thuky');
    const { workplaceId, selfCriticismId } = await demoMember(browser, server);
    const committee = await home('chiuy.vp');
    await scheduleDemoMeeting(committee.request, server, {
      planId: plan.id,
      workplaceId,
      day: meetingDay,
      secretaryAccountId,
    });

    // The cell committee, also a party member: the meeting to hold, and its own report to write.
    await committee.reload();
    await task(committee, 'Tổ chức buổi tự phê bình và phê bình').waitFor();
    await task(committee, 'Viết và gửi bản tự phê bình').waitFor();
    await task(committee, 'Gửi báo cáo kết quả lên cấp trên').waitFor();
    const menu = committee.getByRole('navigation', { name: 'Trình đơn chính' });
    await menu.getByRole('link', { name: 'Bản tự phê bình của tôi' }).waitFor();
    await committee.close();

    // The member: the report to write, due on the meeting day, and the way to it.
    const member = await home('dangvien');
    const write = task(member, 'Viết và gửi bản tự phê bình');
    await write.waitFor();
    const card = member.locator('[data-task="self-criticism-write"]');
    expect(await card.textContent()).toContain(`Hạn: ${shown(meetingDay)}`);
    expect(await card.textContent()).toContain('Còn 5 ngày');
    await task(member, 'Dự buổi tự phê bình và phê bình trước quần chúng').waitFor();
    await expect
      .poll(() => member.getByTestId('task-bell').getAttribute('aria-label'))
      .toBe('Việc cần làm: 2 việc chưa xong');
    await write.click();
    await member.waitForURL(new RegExp(`/tu-phe-binh/${selfCriticismId}$`));
    await member.close();

    // The non-member secretary keeps the meeting and finds it in the menu.
    const secretary = await home('thuky');
    await task(secretary, 'Làm thư ký buổi tự phê bình và phê bình').waitFor();
    const secretaryMenu = secretary.getByRole('navigation', { name: 'Trình đơn chính' });
    await secretaryMenu.getByRole('link', { name: 'Cuộc họp của tôi' }).waitFor();
    await secretary.close();

    // A non-member of the workplace is invited; no "Cuộc họp của tôi" that would list nothing.
    const masses = await home('quanchung');
    await task(masses, 'Được mời dự buổi góp ý cho đảng viên').waitFor();
    expect(
      await masses
        .getByRole('navigation', { name: 'Trình đơn chính' })
        .getByRole('link', { name: 'Cuộc họp của tôi' })
        .count(),
    ).toBe(0);
    await masses.close();

    // The base committee and the organization board: their reports up the tree.
    for (const username of ['capuy.syt', 'bantochuc']) {
      const page = await home(username);
      await task(page, 'Gửi báo cáo kết quả lên cấp trên').waitFor();
      expect(
        await page.getByText(`Hạn: ${shown(dayFromToday(username === 'bantochuc' ? 20 : 15))}`).count(),
      ).toBe(1);
      await page.close();
    }

    // The administrator has no part in the process: still nothing due.
    const admin = await home('admin');
    await admin.getByText('Không có việc nào đến hạn.', { exact: false }).waitFor();
    await admin.close();
  });

  it('fits a phone: at 360 px the tasks do not scroll sideways', async () => {
    const page = await home('chiuy.vp', 360);
    await task(page, 'Tổ chức buổi tự phê bình và phê bình').waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
