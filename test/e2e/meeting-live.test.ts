import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveView, OpinionEntry } from '../../src/contract/feedback.js';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import {
  api,
  demoAccountId,
  demoMember,
  type E2eServer,
  launchBrowser,
  markAllPresent,
  publishDemoPlan,
  scheduleDemoMeeting,
  signIn,
  startServer,
} from './support.js';

const FIRST = 'Đồng chí luôn đến sớm, chuẩn bị tài liệu chu đáo cho các cuộc họp.';
const SECOND = 'Đề nghị đồng chí trả lời văn bản của người dân nhanh hơn.';
const CHOSEN = 'Đồng chí chưa khắc phục việc chậm nộp báo cáo đã được góp ý năm trước.';
const OFFLINE = ['Ý kiến gõ khi mất mạng thứ nhất.', 'Ý kiến gõ khi mất mạng thứ hai.'];

const focused = (page: Page, name: string) =>
  page
    .getByRole('form', { name: 'Ghi ý kiến phát biểu' })
    .getByRole('radio', { name, exact: true })
    .evaluate((element) => element === document.activeElement);

/**
 * Types an opinion with the keyboard only, from the kind (where the cursor waits): Space picks
 * "Ưu điểm", Tab and two arrows "Chức trách, nhiệm vụ", Tab the text, Tab the speaker, Ctrl+Enter.
 */
async function typeOpinion(page: Page, text: string, speaker?: string) {
  await expect.poll(() => focused(page, 'Ưu điểm')).toBe(true);
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  const box = page.getByLabel('Nội dung ý kiến');
  await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.type(text);
  if (speaker) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(speaker);
  }
  await page.keyboard.press('Control+Enter');
  // Saved: the box is empty, nothing is chosen, and the cursor is back on the kind for the next one.
  await expect.poll(() => box.inputValue()).toBe('');
  await expect.poll(() => focused(page, 'Ưu điểm')).toBe(true);
  expect(await page.getByRole('radio', { name: 'Ưu điểm', exact: true }).isChecked()).toBe(false);
}

const entryCard = (page: Page, id: string) => page.locator(`[data-entry-id="${id}"]`);

describe('the live meeting page in two browsers', () => {
  let server: E2eServer;
  let browser: Browser;
  let meetingId = '';
  let secretary: BrowserContext;
  let chair: BrowserContext;
  let secretaryPage: Page;
  let chairPage: Page;

  const live = async (): Promise<LiveView> =>
    (await chairPage.request.get(api(server, `/meetings/${meetingId}/live`))).json();
  const entryWith = async (text: string) =>
    (await live()).entries.filter((entry: OpinionEntry) => entry.text === text);

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const plan = await publishDemoPlan(browser, server, {
      number: '04',
      place: 'Trà Vinh',
      annualTheme: 'Đoàn kết, kỷ cương',
    });

    const secretaryAccountId = await demoAccountId(browser, server, 'thuky');
    const { workplaceId } = await demoMember(browser, server);
    chair = await browser.newContext();
    chairPage = await chair.newPage();
    await signIn(chairPage, server.baseUrl, 'chiuy.vp', DEMO_PASSWORD);
    meetingId = await scheduleDemoMeeting(
      chairPage.request,
      server,
      { planId: plan.id, workplaceId, day: plan.meetingsDueOn, secretaryAccountId },
      { delegates: ['Đại diện Đảng ủy Sở Y tế'] },
    );
    await markAllPresent(chairPage.request, server, meetingId, 12);

    secretary = await browser.newContext();
    secretaryPage = await secretary.newPage();
    await signIn(secretaryPage, server.baseUrl, 'thuky', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('walks the agenda: the opening shows the counts from attendance, the content shows the member', async () => {
    await secretaryPage.goto(`${server.baseUrl}/hop/${meetingId}/truc-tiep`);
    await chairPage.goto(`${server.baseUrl}/hop/${meetingId}/truc-tiep`);
    await secretaryPage.getByRole('button', { name: 'Bắt đầu buổi họp' }).click();
    await expect.poll(() => secretaryPage.getByTestId('opening-masses').textContent()).toContain('12');
    await expect.poll(() => chairPage.getByTestId('opening-masses').isVisible()).toBe(true);
    await secretaryPage.getByRole('button', { name: 'Sang phần (2) Nội dung' }).click();
    await secretaryPage.getByTestId('current-member').waitFor();
    await expect.poll(() => chairPage.getByTestId('current-member').isVisible()).toBe(true);
  });

  it('the secretary types opinions with the keyboard only and the chair sees them', async () => {
    await secretaryPage.getByRole('radio', { name: 'Ưu điểm', exact: true }).focus();
    await typeOpinion(secretaryPage, FIRST, 'Bà Nguyễn Thị Mai');
    await typeOpinion(secretaryPage, SECOND);
    await expect.poll(() => chairPage.getByText(FIRST).count()).toBe(1);
    await expect.poll(() => chairPage.getByText(SECOND).count()).toBe(1);
    const [first] = await entryWith(FIRST);
    expect(first).toMatchObject({
      speakerName: 'Bà Nguyễn Thị Mai',
      kind: 'strength',
      area: 'duties',
      channel: 'oral',
    });
    const [second] = await entryWith(SECOND);
    expect(second?.speakerName).toBeNull();
  });

  it('saves nothing until kind and area are chosen; a saved opinion shows at once, with a toast', async () => {
    const form = secretaryPage.getByRole('form', { name: 'Ghi ý kiến phát biểu' });
    const heard = (await secretaryPage.getByTestId('current-member').getByRole('heading').textContent())!;
    const name = heard.replace('Đồng chí ', '');
    // One member in focus: the form offers them or the collective, and no other member.
    const targets = form.getByRole('radiogroup', { name: 'Góp ý cho' }).getByRole('radio');
    expect(await targets.count()).toBe(2);
    expect(await form.getByRole('radio', { name: `Đồng chí ${name}` }).isChecked()).toBe(true);

    await form.getByLabel('Nội dung ý kiến').fill(CHOSEN);
    await form.getByRole('button', { name: 'Ghi ý kiến (Ctrl+Enter)' }).click();
    await form.getByText('Chọn loại ý kiến.').waitFor();
    await form.getByRole('radio', { name: 'Khuyết điểm, hạn chế' }).check();
    await form.getByRole('button', { name: 'Ghi ý kiến (Ctrl+Enter)' }).click();
    await form.getByText('Chọn lĩnh vực của ý kiến.').waitFor();
    expect(await entryWith(CHOSEN)).toHaveLength(0);

    // Labels are whole: no area name is cut.
    const longest = form.getByText('Khắc phục khuyết điểm năm trước', { exact: true });
    expect(await longest.evaluate((label) => label.scrollWidth <= label.clientWidth)).toBe(true);
    await form.getByRole('radio', { name: 'Khắc phục khuyết điểm năm trước' }).check();
    await form.getByRole('button', { name: 'Ghi ý kiến (Ctrl+Enter)' }).click();
    await secretaryPage.getByText(`Đã ghi ý kiến về đồng chí ${name}.`).last().waitFor();
    await expect.poll(() => secretaryPage.getByText(CHOSEN, { exact: true }).count()).toBe(1);
    await expect.poll(async () => (await entryWith(CHOSEN))[0]?.area).toBe('remedying');
    expect((await entryWith(CHOSEN))[0]?.kind).toBe('shortcoming');
    await secretaryPage.getByRole('radio', { name: 'Ưu điểm', exact: true }).focus();
  });

  it('keeps opinions typed offline, across a reload, and sends each exactly once', async () => {
    await secretary.setOffline(true);
    for (const text of OFFLINE) await typeOpinion(secretaryPage, text);
    await expect
      .poll(() => secretaryPage.getByTestId('queue-banner').textContent())
      .toContain('2 ý kiến đang chờ gửi');
    await expect.poll(() => secretaryPage.getByText('đang gửi', { exact: true }).count()).toBe(2);

    const blocked = '**/api/v1/meetings/*/feedback';
    await secretaryPage.route(blocked, (route) => route.abort());
    await secretary.setOffline(false);
    await secretaryPage.reload();
    await expect
      .poll(() => secretaryPage.getByTestId('queue-banner').textContent())
      .toContain('2 ý kiến đang chờ gửi');
    for (const text of OFFLINE) expect(await entryWith(text)).toHaveLength(0);

    await secretaryPage.unroute(blocked);
    await expect.poll(() => secretaryPage.getByTestId('queue-banner').count(), { timeout: 20_000 }).toBe(0);
    for (const text of [FIRST, SECOND, ...OFFLINE]) expect(await entryWith(text)).toHaveLength(1);
    await expect.poll(() => chairPage.getByText(OFFLINE[1]!).count()).toBe(1);
  });

  it('an edit of the same entry on both devices is detected, and the second chooses to overwrite', async () => {
    const [first] = await entryWith(FIRST);
    const id = first!.id;
    await entryCard(chairPage, id).getByRole('button', { name: 'Sửa' }).click();
    await entryCard(secretaryPage, id).getByRole('button', { name: 'Sửa' }).click();

    await entryCard(secretaryPage, id).getByLabel('Nội dung ý kiến').fill('Bản thư ký sửa.');
    await entryCard(secretaryPage, id).getByRole('button', { name: 'Lưu sửa đổi' }).click();
    await expect.poll(async () => (await entryWith('Bản thư ký sửa.')).length).toBe(1);

    const chairCard = entryCard(chairPage, id);
    await chairCard.getByLabel('Nội dung ý kiến').fill('Bản chủ trì sửa.');
    await chairCard.getByRole('button', { name: 'Lưu sửa đổi' }).click();
    const conflict = chairCard.getByRole('alert');
    await expect.poll(() => conflict.textContent()).toContain('Ý kiến này vừa được sửa trên máy khác');
    expect(await conflict.textContent()).toContain('Bản thư ký sửa.');
    await chairCard.getByRole('button', { name: 'Ghi đè bằng bản của tôi' }).click();
    await expect.poll(async () => (await entryWith('Bản chủ trì sửa.'))[0]?.version).toBe(3);
    await expect.poll(() => secretaryPage.getByText('Bản chủ trì sửa.').count()).toBe(1);
  });
});
