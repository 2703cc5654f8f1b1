import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SelfCriticismStatusView } from '../../src/contract/self-criticisms.js';
import { selfCriticismTemplate } from '../../src/documents/self-criticism-template.js';
import { COMMENT_MISSING } from '../../src/domain/self-criticism.js';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import {
  api,
  type E2eServer,
  launchBrowser,
  OFFICE,
  publishDemoPlan,
  signIn,
  startServer,
} from './support.js';

const TEMPLATE = selfCriticismTemplate('without_office', 2026);
const WRITTEN = {
  politicalIdeology: 'Luôn chấp hành nghiêm đường lối của Đảng, chính sách pháp luật của Nhà nước.',
  ethicsLifestyle: 'Giữ gìn lối sống giản dị, gần gũi đồng nghiệp.',
  duties: 'Hoàn thành tốt nhiệm vụ văn thư, lưu trữ được giao.',
  discipline: 'Chấp hành đúng giờ giấc, nội quy cơ quan.',
  shortcomings: 'Có lúc chậm trễ trong xử lý văn bản đến.',
};
const FIXED_SHORTCOMINGS =
  'Có lúc chậm trễ trong xử lý văn bản đến; nguyên nhân: chưa sắp xếp thời gian hợp lý.';
const REMEDIES = 'Lập sổ theo dõi văn bản đến, xử lý trong ngày.';

/** Waits for the autosave to answer after typing, then for the page to say so. */
async function typeAndSave(page: Page, type: () => Promise<void>) {
  const saved = page.waitForResponse(
    (response) => response.request().method() === 'PATCH' && response.url().includes('/self-criticisms/'),
  );
  await type();
  expect((await saved).status()).toBe(200);
  await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/^Đã lưu lúc \d{2}:\d{2}$/);
}

/** A Mantine select's input (its option list carries the same label). */
const versionPicker = (page: Page, label: string) =>
  page.locator('input').and(page.getByLabel(label, { exact: true }));

async function confirmDialog(page: Page, title: string, button: string) {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('self-criticism reports in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let planId = '';
  let workplaceId = '';
  let reportUrl = '';
  let member: BrowserContext;
  let committee: BrowserContext;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    planId = (
      await publishDemoPlan(browser, server, {
        number: '03',
        place: 'Trà Vinh',
        annualTheme: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
        manifestationsText:
          '1. Phai nhạt lý tưởng cách mạng.\n2. Nói không đi đôi với làm.\n3. Ngại học tập lý luận chính trị.',
      })
    ).id;
    member = await browser.newContext();
    committee = await browser.newContext();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a member writes the report, it saves as they type and survives a reload, and goes to the committee once complete', async () => {
    const page = await member.newPage();
    await signIn(page, server.baseUrl, 'dangvien', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Bản tự phê bình của tôi' }).click();
    await page.getByRole('heading', { name: 'Bản tự phê bình của tôi' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: OFFICE });
    await expect.poll(() => row.textContent()).toContain('Kế hoạch Số 03-KH/ĐUK (2026)');
    expect(await row.textContent()).toContain('Chưa mở');
    await row.getByRole('link', { name: 'Mở' }).click();
    await page.getByRole('heading', { name: /^Bản tự phê bình: / }).waitFor();
    reportUrl = page.url();
    // Opened by its member: no longer "Chưa mở", though nothing is saved yet.
    await page.getByText(/chưa lưu lần nào/).waitFor();
    expect(await page.getByText('Chưa mở', { exact: true }).count()).toBe(0);
    await page.getByText(TEMPLATE.guidance.duties[0]!).waitFor();
    await page.getByText('Chưa viết', { exact: true }).first().waitFor();

    await typeAndSave(page, async () => {
      await page.getByLabel(TEMPLATE.headings.politicalIdeology).fill(WRITTEN.politicalIdeology);
      await page.getByLabel(TEMPLATE.headings.ethicsLifestyle).fill(WRITTEN.ethicsLifestyle);
      await page.getByLabel(TEMPLATE.headings.duties).fill(WRITTEN.duties);
      await page.getByLabel(TEMPLATE.headings.discipline).fill(WRITTEN.discipline);
      await page.getByLabel('II- VỀ KHUYẾT ĐIỂM, HẠN CHẾ').fill(WRITTEN.shortcomings);
    });
    await page.reload();
    await expect
      .poll(() => page.getByLabel(TEMPLATE.headings.politicalIdeology).inputValue())
      .toBe(WRITTEN.politicalIdeology);
    expect(await page.getByLabel('II- VỀ KHUYẾT ĐIỂM, HẠN CHẾ').inputValue()).toBe(WRITTEN.shortcomings);

    await typeAndSave(page, () => page.getByRole('radio', { name: 'Không có biểu hiện nào' }).check());
    await page.getByRole('button', { name: 'Gửi cấp ủy' }).click();
    await confirmDialog(page, 'Gửi cấp ủy', 'Gửi cấp ủy');
    await page.getByText('Mục "III. Phương hướng, biện pháp khắc phục" chưa được viết.').first().waitFor();

    await typeAndSave(page, () => page.getByLabel(/^III- PHƯƠNG HƯỚNG/).fill(REMEDIES));
    await page.getByRole('button', { name: 'Gửi cấp ủy' }).click();
    await confirmDialog(page, 'Gửi cấp ủy', 'Gửi cấp ủy');
    await page.getByText('Đã gửi bản tự phê bình đến cấp ủy.').waitFor();
    await page.getByText('Đã nộp', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Gửi cấp ủy' }).count()).toBe(0);
    await page.getByText(REMEDIES).waitFor();
    const mine = await (await page.request.get(api(server, '/self-criticisms/mine'))).json();
    workplaceId = mine.items[0].workplaceId;
    await page.close();
  });

  it('the cell committee opens the workplace list from the plan and returns the report with a reason', async () => {
    const page = await committee.newPage();
    await signIn(page, server.baseUrl, 'chiuy.vp', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/ke-hoach/${planId}?tab=co-quan`);
    const officeRow = page
      .getByTestId('plan-workplace')
      .filter({ has: page.getByRole('link', { name: OFFICE, exact: true }) });
    await expect.poll(() => officeRow.textContent()).toMatch(/1 chờ duyệt/);
    await page.getByRole('link', { name: OFFICE, exact: true }).click();
    await page.getByRole('heading', { name: `Bản tự phê bình: ${OFFICE}` }).waitFor();
    expect(page.url()).toContain(`/ke-hoach/${planId}/co-quan/${workplaceId}/tu-phe-binh`);
    await expect.poll(() => page.getByTestId('count-submitted').textContent()).toContain('1');
    const row = page.getByTestId('self-criticism-row').filter({ hasText: 'Đã nộp' });
    expect(await row.textContent()).toContain('Không có chức vụ');
    const zip = await page
      .getByRole('link', { name: 'Tải tất cả bản tự phê bình (ZIP)' })
      .getAttribute('href');
    expect((await page.request.get(`${server.baseUrl}${zip}`)).status()).toBe(200);
    await row.getByRole('link').click();
    await page.getByText(WRITTEN.duties).waitFor();
    expect(page.url()).toBe(reportUrl);

    await page.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trả lại bản tự phê bình' });
    await dialog.getByLabel('Lý do trả lại').fill('Mục khuyết điểm cần nêu rõ nguyên nhân.');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Trả lại để sửa', { exact: true }).first().waitFor();
    await page.close();
  });

  it('the member sees the reason, fixes the section offline without losing it, and submits again', async () => {
    const page = await member.newPage();
    await page.goto(reportUrl);
    const returned = page.getByRole('alert').filter({ hasText: 'Cấp ủy đã trả lại để sửa' });
    await expect.poll(() => returned.textContent()).toContain('Mục khuyết điểm cần nêu rõ nguyên nhân.');
    await member.setOffline(true);
    await page.getByLabel('II- VỀ KHUYẾT ĐIỂM, HẠN CHẾ').fill(FIXED_SHORTCOMINGS);
    await expect
      .poll(() => page.getByTestId('save-status').textContent())
      .toBe('Chưa lưu — mất kết nối, sẽ thử lại');
    await page.close();
    await member.setOffline(false);

    const reopened = await member.newPage();
    const saved = reopened.waitForResponse((response) => response.request().method() === 'PATCH');
    await reopened.goto(reportUrl);
    await reopened.getByText('Đã khôi phục nội dung chưa lưu').waitFor();
    expect(await reopened.getByLabel('II- VỀ KHUYẾT ĐIỂM, HẠN CHẾ').inputValue()).toBe(FIXED_SHORTCOMINGS);
    expect((await saved).status()).toBe(200);
    await expect.poll(() => reopened.getByTestId('save-status').textContent()).toMatch(/^Đã lưu lúc/);
    await reopened.getByRole('button', { name: 'Gửi cấp ủy' }).click();
    await confirmDialog(reopened, 'Gửi cấp ủy', 'Gửi cấp ủy');
    await reopened.getByText('Đã gửi bản tự phê bình đến cấp ủy.').waitFor();
    await reopened.close();
  });

  it('the committee accepts, writes the summary, and the versions show each step and what changed', async () => {
    const page = await committee.newPage();
    await page.goto(reportUrl);
    await page.getByText(FIXED_SHORTCOMINGS).waitFor();
    await page.getByRole('button', { name: 'Chấp nhận' }).click();
    await confirmDialog(page, 'Thông qua bản tự phê bình', 'Chấp nhận');
    await page.getByText('Đã thông qua', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Tóm tắt' }).click();
    const summary = page.getByRole('dialog', { name: 'Tóm tắt' });
    await summary.getByLabel('Chức trách, nhiệm vụ').fill('Văn thư, lưu trữ');
    await summary.getByLabel('Ưu điểm chính').fill('Hoàn thành tốt nhiệm vụ văn thư.');
    await summary.getByLabel('Khuyết điểm, hạn chế chính').fill('Có lúc chậm xử lý văn bản đến.');
    await summary.getByRole('button', { name: 'Lưu tóm tắt' }).click();
    await summary.waitFor({ state: 'detached' });
    await page.getByText('Hoàn thành tốt nhiệm vụ văn thư.').waitFor();

    const versions = page.getByTestId('self-criticism-version');
    await expect
      .poll(async () => (await versions.allTextContents()).join('|'))
      .toMatch(/Gửi cấp ủy.*Trả lại.*Gửi cấp ủy.*Thông qua.*Tóm tắt/);
    // The list starts at 1: the draft as publishing made it.
    expect(await versions.first().textContent()).toMatch(/^1Lập bản trống khi ban hành kế hoạch/);
    const listed = await (
      await page.request.get(
        api(server, `${new URL(reportUrl).pathname.replace('/tu-phe-binh', '/self-criticisms')}/versions`),
      )
    ).json();
    const submits = listed.items.filter((item: { action: string }) => item.action === 'submitted');
    expect(submits).toHaveLength(2);
    await versionPicker(page, 'Từ phiên bản').click();
    await page.getByRole('option', { name: `Phiên bản ${submits[0].version}: Gửi cấp ủy` }).click();
    await versionPicker(page, 'Đến phiên bản').click();
    await page.getByRole('option', { name: `Phiên bản ${submits[1].version}: Gửi cấp ủy` }).click();
    await page.getByRole('button', { name: 'So sánh' }).click();
    const change = page
      .getByTestId('version-diff')
      .getByRole('row')
      .filter({ hasText: 'II. Về khuyết điểm, hạn chế' });
    await expect.poll(() => change.textContent()).toContain(FIXED_SHORTCOMINGS);
    expect(await change.textContent()).toContain(WRITTEN.shortcomings);

    for (const [format, type] of [
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['pdf', 'application/pdf'],
    ] as const) {
      const href = await page.getByRole('link', { name: `Tải ${format.toUpperCase()}` }).getAttribute('href');
      const download = await page.request.get(`${server.baseUrl}${href}`);
      expect(download.status()).toBe(200);
      expect(download.headers()['content-type']).toContain(type);
    }
    await page.close();
  });

  it('a report on the form for members with office is not accepted before the committee writes its comment', async () => {
    const page = await committee.newPage();
    const me = await (await page.request.get(api(server, '/me'))).json();
    const reportId = reportUrl.split('/').pop();
    const listed = await page.request.get(api(server, `/self-criticisms?planId=${planId}&pageSize=200`));
    const reports: SelfCriticismStatusView[] = (await listed.json()).items;
    const cellId = reports.find((report) => report.id === reportId)?.cellId;
    const officer = reports.find(
      (report) =>
        report.template === 'with_office' && report.cellId === cellId && report.fullName !== me.displayName,
    );
    if (!officer) throw new Error('the demo cell has no other member with office');

    const admin = await browser.newContext();
    await signIn(await admin.newPage(), server.baseUrl, 'admin', DEMO_PASSWORD);
    const account = await admin.request.post(api(server, '/accounts'), {
      data: {
        username: 'pho.chanhvanphong',
        displayName: officer.fullName,
        password: 'Tam-Thoi-Kiem-Thu-2026',
        homeOrganizationId: officer.cellId,
        personId: officer.personId,
        roles: [{ role: 'member', organizationId: officer.cellId }],
      },
    });
    expect(account.status(), await account.text()).toBe(201);
    await admin.close();

    const author = (await browser.newContext()).request;
    await author.post(api(server, '/sessions'), {
      data: { username: 'pho.chanhvanphong', password: 'Tam-Thoi-Kiem-Thu-2026' },
    });
    const changed = await author.put(api(server, '/me/password'), {
      data: { currentPassword: 'Tam-Thoi-Kiem-Thu-2026', newPassword: 'Mat-Khau-Rieng-Cua-Toi-2026' },
    });
    expect(changed.status(), await changed.text()).toBeLessThan(300);
    const saved = await author.patch(api(server, `/self-criticisms/${officer.id}`), {
      data: {
        version: officer.version,
        content: { ...WRITTEN, remedies: REMEDIES },
        manifestationAnswer: { none: true, items: [] },
      },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    const submitted = await author.post(api(server, `/self-criticisms/${officer.id}/submit`), {
      data: { version: (await saved.json()).version },
    });
    expect(submitted.status(), await submitted.text()).toBe(200);

    await page.goto(`${server.baseUrl}/tu-phe-binh/${officer.id}`);
    await page.getByRole('heading', { name: 'NHẬN XÉT CỦA CẤP ỦY', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Chấp nhận' }).click();
    await confirmDialog(page, 'Thông qua bản tự phê bình', 'Chấp nhận');
    await page.getByText(COMMENT_MISSING).waitFor();
    expect(await page.getByText('Đã nộp', { exact: true }).count()).toBeGreaterThan(0);

    await page.getByLabel('Nhận xét của cấp ủy').fill('Đồng chí gương mẫu, cần sâu sát cơ sở hơn.');
    await page.getByRole('button', { name: 'Lưu nhận xét' }).click();
    await page.getByText('Đã lưu nhận xét của cấp ủy.').waitFor();
    await page.getByRole('button', { name: 'Chấp nhận' }).click();
    await confirmDialog(page, 'Thông qua bản tự phê bình', 'Chấp nhận');
    await page.getByText('Đã thông qua', { exact: true }).first().waitFor();
    await page.close();
  });
});
