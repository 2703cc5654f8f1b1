import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import {
  demoScheduledMeeting,
  type E2eServer,
  launchBrowser,
  markAllPresent,
  moveAgenda,
  signIn,
  startServer,
} from './support.js';

const SLOW = 'Giải quyết hồ sơ của người dân còn chậm';
const SLOW_AGAIN = 'Giải quyết hồ sơ của người dân còn chậm trễ';
const DISSENT = 'Đồng chí không hề chậm, hồ sơ tồn là do thiếu người.';
const PROPOSAL = 'Chi bộ nên công khai tiến độ giải quyết hồ sơ.';

/** Picks an option of a Mantine select inside `scope`, found by its label. */
async function choose(page: Page, scope: ReturnType<Page['locator']>, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('the committee compiles a meeting’s opinions, keeping a dissenting one, and finalizes', () => {
  let server: E2eServer;
  let browser: Browser;
  let committeePage: Page;
  let meetingPath = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const meeting = await demoScheduledMeeting(browser, server, {
      number: '05',
      place: 'Trà Vinh',
      annualTheme: 'Đoàn kết, kỷ cương',
    });
    ({ committeePage, meetingPath } = meeting);
    const { meetingId, meetingUrl, dangvien } = meeting;
    const request = committeePage.request;
    await markAllPresent(request, server, meetingId, 12);
    const move = (step: string) => moveAgenda(request, server, meetingId, step);
    await move('opening');
    const opinion = async (fields: object) => {
      const recorded = await request.post(`${meetingUrl}/feedback`, {
        data: {
          id: crypto.randomUUID(),
          selfCriticismId: dangvien,
          area: 'duties',
          kind: 'shortcoming',
          speakerName: 'Ông Lê Văn Ba',
          dissenting: false,
          ...fields,
        },
      });
      expect(recorded.status(), await recorded.text()).toBe(201);
    };
    await opinion({ text: SLOW });
    await opinion({ text: SLOW_AGAIN, speakerName: null });
    await opinion({ text: DISSENT, kind: 'strength', dissenting: true, speakerName: 'Bà Trần Thị Mai' });
    await opinion({ text: PROPOSAL, selfCriticismId: null, area: 'proposals', kind: 'proposal' });
    await move('content');
    await move('closing');
    await move('done');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('drafts the compilation with the near-duplicates grouped and the dissenting opinion marked', async () => {
    const page = committeePage;
    await page.goto(`${server.baseUrl}${meetingPath}`);
    await page.getByRole('tab', { name: 'Tổng hợp ý kiến' }).click();
    await page.getByRole('button', { name: 'Lập bản tổng hợp ý kiến' }).click();
    const points = page.getByTestId('compilation-point');
    await expect.poll(() => points.count()).toBe(3);
    const grouped = points.filter({ hasText: SLOW_AGAIN });
    await expect.poll(() => grouped.getByText('2 ý kiến').count()).toBe(1);
    await expect.poll(() => grouped.getByText('không ghi tên', { exact: false }).count()).toBe(1);
    const dissenting = points.filter({ hasText: DISSENT });
    await expect.poll(() => dissenting.getByText('Có ý kiến trái chiều').count()).toBe(1);
  });

  it('classifies and concludes every point, one explained with a reason, then finalizes after confirming', async () => {
    const page = committeePage;
    const points = page.getByTestId('compilation-point');
    const conclude = async (text: string, responsibility: string, conclusion: string, reason?: string) => {
      const point = points.filter({ hasText: text });
      await choose(page, point, 'Trách nhiệm', responsibility);
      await choose(page, point, 'Kết luận của chi ủy', conclusion);
      if (reason) await point.getByLabel('Lý do giải trình').fill(reason);
      await point.getByRole('button', { name: 'Lưu điểm' }).click();
      await expect
        .poll(async () => point.getByLabel('Kết luận của chi ủy', { exact: true }).inputValue())
        .toBe(conclusion);
    };
    await conclude(SLOW_AGAIN, 'Trách nhiệm cá nhân', 'Tiếp thu');
    await conclude(
      DISSENT,
      'Trách nhiệm cá nhân',
      'Giải trình',
      'Ý kiến trái chiều được ghi nhận, giữ nguyên.',
    );
    await conclude(PROPOSAL, 'Trách nhiệm tập thể', 'Tiếp thu');
    await expect.poll(() => page.getByText('Cả 3 điểm đã được phân loại và kết luận.').count()).toBe(1);
    await page.getByRole('button', { name: 'Chốt bản tổng hợp' }).click();
    // The report's number from the cell's register, printed Số 07-BC/CB.
    await page.getByRole('dialog').getByLabel('Số báo cáo tổng hợp').fill('07');
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận chốt' }).click();
    await expect.poll(() => page.getByText('Đã chốt', { exact: false }).count()).toBeGreaterThan(0);
    await page.getByText(/Đã chốt.* — số 07/).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Lưu điểm' }).count()).toBe(0);
    // The dissenting opinion is still there, marked, after finalizing.
    await expect
      .poll(() => points.filter({ hasText: DISSENT }).getByText('Ý kiến trái chiều', { exact: true }).count())
      .toBe(1);
    const pdf = await page.request.get(
      `${server.baseUrl}${await page.getByRole('link', { name: /PDF/ }).getAttribute('href')}`,
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
  });

  it('shows the member the points about them under "Ý kiến góp ý về tôi"', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, server.baseUrl, 'dangvien', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Ý kiến góp ý về tôi' }).click();
    await expect.poll(() => page.getByText(DISSENT).count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByText('Giải trình: Ý kiến trái chiều được ghi nhận', { exact: false }).count())
      .toBe(1);
    expect(await page.getByText(PROPOSAL).count()).toBe(0);
  });
});
