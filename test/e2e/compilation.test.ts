import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import { type E2eServer, launchBrowser, signIn, startServer } from './support.js';

const BLOC = 'Đảng ủy Khối các cơ quan và doanh nghiệp';
const SLOW = 'Giải quyết hồ sơ của người dân còn chậm';
const SLOW_AGAIN = 'Giải quyết hồ sơ của người dân còn chậm trễ';
const DISSENT = 'Đồng chí không hề chậm, hồ sơ tồn là do thiếu người.';
const PROPOSAL = 'Chi bộ nên công khai tiến độ giải quyết hồ sơ.';

const api = (server: E2eServer, path: string) => `${server.baseUrl}/api/v1${path}`;

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
    const board = await browser.newPage();
    await signIn(board, server.baseUrl, 'bantochuc', DEMO_PASSWORD);
    const roots = await (await board.request.get(api(server, '/organizations'))).json();
    const bloc = roots.items.find((organization: { name: string }) => organization.name === BLOC);
    const template = await board.request.get(
      api(server, `/plans/template?organizationId=${bloc.id}&year=2026`),
    );
    const created = await board.request.post(api(server, '/plans'), {
      data: {
        ...(await template.json()),
        number: '05',
        place: 'Trà Vinh',
        annualTheme: 'Đoàn kết, kỷ cương',
      },
    });
    expect(created.status()).toBe(201);
    const plan = await created.json();
    const published = await board.request.post(api(server, `/plans/${plan.id}/publish`), {
      data: { version: plan.version },
    });
    expect(published.status()).toBe(200);
    await board.close();

    const admin = await browser.newPage();
    await signIn(admin, server.baseUrl, 'admin', DEMO_PASSWORD);
    const accounts = await (await admin.request.get(api(server, '/accounts?q=thuky'))).json();
    const thuky = accounts.items.find((account: { username: string }) => account.username === 'thuky');
    await admin.close();
    const member = await browser.newPage();
    await signIn(member, server.baseUrl, 'dangvien', DEMO_PASSWORD);
    const mine = await (await member.request.get(api(server, '/self-criticisms/mine'))).json();
    const workplaceId = mine.items[0].workplaceId as string;
    const dangvien = mine.items[0].id as string;
    await member.close();

    committeePage = await (await browser.newContext()).newPage();
    await signIn(committeePage, server.baseUrl, 'chiuy.vp', DEMO_PASSWORD);
    const request = committeePage.request;
    const scheduled = await request.post(api(server, `/plans/${plan.id}/workplaces/${workplaceId}/meeting`), {
      data: {
        startsAt: `${plan.meetingsDueOn}T08:00:00+07:00`,
        endsAt: `${plan.meetingsDueOn}T11:00:00+07:00`,
        place: 'Hội trường Sở Y tế',
        chairName: 'Bí thư Chi bộ Văn phòng Sở Y tế',
        secretaryAccountId: thuky.id,
        delegates: [],
      },
    });
    expect(scheduled.status(), await scheduled.text()).toBe(201);
    const meetingId = (await scheduled.json()).id as string;
    meetingPath = `/ke-hoach/${plan.id}/co-quan/${workplaceId}/hop`;
    const meetingUrl = api(server, `/meetings/${meetingId}`);
    const version = async () => (await (await request.get(meetingUrl)).json()).version as number;
    const attendance = await (await request.get(`${meetingUrl}/attendance`)).json();
    const marked = await request.put(`${meetingUrl}/attendance`, {
      data: {
        version: attendance.version,
        members: attendance.members.map((row: { selfCriticismId: string }) => ({
          selfCriticismId: row.selfCriticismId,
          present: true,
        })),
        massesPresent: 12,
      },
    });
    expect(marked.status(), await marked.text()).toBe(200);
    const move = async (step: string) => {
      const moved = await request.put(`${meetingUrl}/agenda`, { data: { step, version: await version() } });
      expect(moved.status(), await moved.text()).toBe(200);
    };
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
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận chốt' }).click();
    await expect.poll(() => page.getByText('Đã chốt', { exact: false }).count()).toBeGreaterThan(0);
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
