import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import { codesOnSheet } from '../../src/server/phone-forms/test-helpers.js';
import { releaseAnonymousComments } from '../../src/server/remediation/comment-box.js';
import {
  api,
  demoScheduledMeeting,
  type E2eServer,
  launchBrowser,
  markAllPresent,
  moveAgenda,
  signIn,
  startServer,
} from './support.js';

const SLOW = 'Giải quyết hồ sơ của người dân còn chậm';
const PROPOSAL = 'Chi bộ nên công khai tiến độ giải quyết hồ sơ.';
const MEMBER_ACTION = 'Giải quyết hồ sơ trong ngày, báo cáo chi bộ hằng tháng.';
const CELL_ACTION = 'Niêm yết tiến độ giải quyết hồ sơ tại trụ sở.';
const COMMENT = 'Đề nghị niêm yết cả trên trang thông tin của Sở.';

/** A day `days` from today in Vietnam, as yyyy-mm-dd. */
const dayFromToday = (days: number) =>
  new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('the remediation plan supervised by the masses', () => {
  let server: E2eServer;
  let browser: Browser;
  let committeePage: Page;
  let meetingPath = '';
  let code = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const meeting = await demoScheduledMeeting(browser, server, {
      number: '07',
      place: 'Trà Vinh',
      annualTheme: 'Kỷ cương',
    });
    ({ committeePage, meetingPath } = meeting);
    const { meetingId, meetingUrl, dangvien } = meeting;
    const request = committeePage.request;
    const sheet = await request.post(`${meetingUrl}/phone-codes/sheet.pdf`, { data: { count: 2 } });
    expect(sheet.status()).toBe(200);
    code = (await codesOnSheet(Buffer.from(await sheet.body())))[0] ?? '';
    await markAllPresent(request, server, meetingId, 12);
    const move = (step: string) => moveAgenda(request, server, meetingId, step);
    await move('opening');
    for (const fields of [
      { text: SLOW, selfCriticismId: dangvien, area: 'duties', kind: 'shortcoming' },
      { text: PROPOSAL, selfCriticismId: null, area: 'proposals', kind: 'proposal' },
    ]) {
      const recorded = await request.post(`${meetingUrl}/feedback`, {
        data: { id: crypto.randomUUID(), speakerName: 'Ông Lê Văn Ba', dissenting: false, ...fields },
      });
      expect(recorded.status(), await recorded.text()).toBe(201);
    }
    await move('content');
    await move('closing');
    await move('done');
    const compiled = await request.post(`${meetingUrl}/compilation`);
    expect(compiled.status(), await compiled.text()).toBe(201);
    const points = (
      (await compiled.json()) as {
        targets: { areas: { points: { id: string; text: string; version: number }[] }[] }[];
      }
    ).targets.flatMap((target) => target.areas.flatMap((area) => area.points));
    for (const point of points) {
      const individual = point.text === SLOW;
      const concluded = await request.patch(api(server, `/compilation-points/${point.id}`), {
        data: {
          version: point.version,
          responsibility: individual ? 'individual' : 'collective',
          responsibleSelfCriticismId: individual ? dangvien : null,
          conclusion: 'accepted',
        },
      });
      expect(concluded.status(), await concluded.text()).toBe(200);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the committee builds the plan from the accepted points on the meeting page', async () => {
    const page = committeePage;
    await page.goto(`${server.baseUrl}${meetingPath}`);
    await page.getByRole('tab', { name: 'Kế hoạch khắc phục' }).click();
    const add = async (point: string, action: string, days: number) => {
      await page.getByRole('combobox', { name: 'Ý kiến đã tiếp thu' }).click();
      await page.getByRole('option', { name: point }).click();
      await page.getByLabel('Nội dung khắc phục').fill(action);
      await page.getByLabel('Thời hạn').fill(dayFromToday(days));
      await page.getByRole('button', { name: 'Thêm việc khắc phục' }).click();
      await expect
        .poll(() => page.getByTestId('remediation-item').filter({ hasText: action }).count())
        .toBe(1);
    };
    await add(SLOW, MEMBER_ACTION, 30);
    await add(PROPOSAL, CELL_ACTION, 14);
    const memberItem = page.getByTestId('remediation-item').filter({ hasText: MEMBER_ACTION });
    await expect.poll(() => memberItem.getByText('Chưa thực hiện').count()).toBe(1);
    const deadline = dayFromToday(30).split('-').reverse().join('/');
    await expect.poll(() => memberItem.getByText(`Thời hạn: ${deadline}`, { exact: false }).count()).toBe(1);
  });

  it('a non-member opens the plan with their code on a 360 px phone and comments anonymously', async () => {
    const phone = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    await phone.goto(`${server.baseUrl}/giam-sat`);
    await phone.getByLabel('Mã trên phiếu nhận tại buổi họp (10 ký tự)').fill(code.toLowerCase());
    await phone.getByRole('button', { name: 'Xem kế hoạch khắc phục' }).click();
    const item = phone.getByRole('region', { name: 'Việc 2' });
    await expect.poll(() => item.getByText(CELL_ACTION, { exact: false }).count()).toBe(1);
    await item.getByLabel('Ý kiến của bạn về việc này').fill(COMMENT);
    await item.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await expect.poll(() => phone.getByText('Đã gửi ý kiến của bạn', { exact: false }).count()).toBe(1);
    // S6: an anonymous comment is shown from the next day, with the day's others in random order.
    await phone.getByText('Ý kiến sẽ hiện từ ngày mai', { exact: false }).waitFor();
    expect(await phone.getByText(COMMENT, { exact: false }).count()).toBe(0);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await phone.close();
  });

  it('the member marks their item done from "Kế hoạch khắc phục"', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, server.baseUrl, 'dangvien', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Kế hoạch khắc phục' }).click();
    const item = page.getByTestId('remediation-item').filter({ hasText: MEMBER_ACTION });
    await item.getByLabel('Ghi chú tiến độ').fill('Đã giải quyết hết hồ sơ tồn đọng.');
    await item.getByRole('combobox', { name: 'Tình trạng' }).click();
    await page.getByRole('option', { name: 'Đã hoàn thành' }).click();
    await item.getByRole('button', { name: 'Ghi tiến độ' }).click();
    await expect.poll(() => item.getByText('Đã hoàn thành', { exact: true }).count()).toBeGreaterThan(0);
    await expect
      .poll(() => item.getByText('Đã giải quyết hết hồ sơ tồn đọng.', { exact: false }).count())
      .toBe(1);
  });

  it('the next day the committee sees the anonymous comment and answers it', async () => {
    const page = committeePage;
    await releaseAnonymousComments(server.app.db, new Date(Date.now() + 24 * 60 * 60_000));
    await page.reload();
    await page.getByRole('tab', { name: 'Kế hoạch khắc phục' }).click();
    const item = page.getByTestId('remediation-item').filter({ hasText: CELL_ACTION });
    await expect.poll(() => item.getByText(COMMENT, { exact: false }).count()).toBe(1);
    await item.getByLabel('Trả lời của cấp ủy').fill('Cấp ủy sẽ đăng trên trang thông tin trong tuần.');
    await item.getByRole('button', { name: 'Trả lời' }).click();
    await expect.poll(() => item.getByText('Cấp ủy trả lời', { exact: false }).count()).toBe(1);
    const memberItem = page.getByTestId('remediation-item').filter({ hasText: MEMBER_ACTION });
    await expect
      .poll(() => memberItem.getByText('Đã hoàn thành', { exact: true }).count())
      .toBeGreaterThan(0);
  });
});
