import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import { type E2eServer, launchBrowser, OFFICE, signIn, startServer } from './support.js';

const BLOC = 'Đảng ủy Khối các cơ quan và doanh nghiệp';
const HEALTH = 'Đảng bộ Sở Y tế';

/** The row of a table that names `text` in one of its cells. */
const rowWith = (page: Page, text: string) =>
  page.getByRole('row').filter({ has: page.getByRole('cell', { name: text, exact: true }) });

describe('plans, progress and concerns in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let planUrl = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the bloc board writes a plan from the template, pastes its manifestation list, publishes it and moves a deadline with a reason', async () => {
    const page = await browser.newPage();
    await signIn(page, server.baseUrl, 'bantochuc', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await page.getByRole('heading', { name: 'Kế hoạch', level: 2 }).waitFor();
    await page.getByText('Chưa có kế hoạch nào.').waitFor();

    await page.getByRole('button', { name: 'Soạn kế hoạch mới' }).click();
    const create = page.getByRole('dialog', { name: 'Soạn kế hoạch mới' });
    await expect.poll(() => create.getByLabel('Tổ chức ban hành').inputValue()).toBe(BLOC);
    await create.getByLabel('Năm').fill('2026');
    await create.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.getByRole('button', { name: 'Lưu kế hoạch' }).waitFor();
    planUrl = page.url().replace(/\?.*$/, '');

    await page.getByLabel('Số', { exact: true }).fill('03');
    await page.getByLabel('Nơi ban hành').fill('Trà Vinh');
    await page.getByLabel('Ngày ban hành').fill('03/12/2026');
    await page.getByLabel('Họ và tên người ký').fill('Nguyễn Văn Ký');
    // Enter in a date field does not submit the plan form: it moves on to the next field.
    const writes: string[] = [];
    const onRequest = (request: Request) => {
      if (request.method() !== 'GET') writes.push(`${request.method()} ${request.url()}`);
    };
    page.on('request', onRequest);
    await page.getByLabel('Ngày ban hành').press('Enter');
    expect(await page.getByLabel('Ngày ban hành').evaluate((field) => field === document.activeElement)).toBe(
      false,
    );
    page.off('request', onRequest);
    expect(writes).toEqual([]);
    await page.getByRole('button', { name: 'Lưu kế hoạch' }).waitFor();
    await page
      .getByLabel('Chuyên đề năm')
      .fill('Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh');

    await page.getByRole('button', { name: 'Dán danh sách' }).click();
    const paste = page.getByRole('dialog', { name: 'Dán danh sách biểu hiện' });
    await paste
      .getByLabel('Danh sách')
      .fill(
        [
          '1. Phai nhạt lý tưởng cách mạng.',
          '2) Dao động, giảm sút niềm tin vào mục tiêu, lý tưởng.',
          '',
          '3. Nói không đi đôi với làm.',
          '4- Ngại học tập lý luận chính trị.',
        ].join('\n'),
      );
    await paste.getByRole('button', { name: 'Thay danh mục' }).click();
    await paste.waitFor({ state: 'detached' });
    const list = page.getByLabel('Danh mục biểu hiện suy thoái (mỗi biểu hiện một dòng)');
    await expect.poll(() => list.inputValue()).toContain('Phai nhạt lý tưởng cách mạng.\nDao động');
    await page.getByText('4 biểu hiện', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await page.getByText('Đã lưu kế hoạch.').waitFor();
    await page.getByText('Số 03-KH/ĐUK', { exact: true }).first().waitFor();
    // The preview prints what the document prints: the tree's header lines, DỰ THẢO on a draft,
    // the italic asides of the seed's text, and II followed by IV as in the seed.
    const preview = page.getByTestId('plan-document-header');
    await expect.poll(() => preview.textContent()).toContain('ĐẢNG BỘ TỈNH TRÀ VINH');
    expect(await preview.textContent()).toContain('ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP');
    await page.getByText('DỰ THẢO', { exact: true }).waitFor();
    await page.getByText('kể cả các ý kiến đóng góp trái chiều', { exact: true }).waitFor();
    expect(await page.getByTestId('plan-numbering-note').textContent()).toContain('Sau mục II là mục IV');
    await page.getByText(/4 biểu hiện$/).waitFor();
    await page.getByRole('button', { name: 'Xem danh mục' }).click();
    await page.getByText('Nói không đi đôi với làm.', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Ban hành' }).click();
    const confirm = page.getByRole('dialog', { name: 'Ban hành kế hoạch' });
    await confirm.getByText(/có phải tổ chức tự phê bình/).waitFor();
    await confirm.getByRole('button', { name: 'Ban hành' }).click();
    await page.getByText(/cơ quan, đơn vị phải tổ chức;/).waitFor();
    expect(await page.getByText('DỰ THẢO', { exact: true }).count()).toBe(0);

    await page.getByRole('tab', { name: 'Cơ quan phải họp' }).click();
    await page.getByRole('tab', { name: 'Cơ quan phải họp', selected: true }).waitFor();
    const inspection = rowWith(page, 'Thanh tra Sở Y tế');
    await expect.poll(() => inspection.textContent()).toContain('Không phải tổ chức');
    expect(await inspection.getByRole('cell').nth(2).textContent()).toMatch(/^3/);
    const office = rowWith(page, 'Văn phòng Sở Y tế');
    await expect.poll(() => office.textContent()).toContain('Phải tổ chức');
    expect(await office.getByRole('cell').nth(2).textContent()).toMatch(/^10/);

    await page.getByRole('tab', { name: 'Nội dung' }).click();
    const upwardBefore = (
      await page.request
        .get(`${server.baseUrl}/api/v1/plans/${planUrl.split('/').pop()}`)
        .then((r) => r.json())
    ).upwardReportDueOn
      .split('-')
      .reverse()
      .join('/');
    await page.getByRole('button', { name: 'Đổi thời hạn' }).click();
    const change = page.getByRole('dialog', { name: 'Đổi thời hạn' });
    await change.getByLabel('Thời hạn').click();
    await page.getByRole('option', { name: 'Hạn báo cáo về trên' }).click();
    await change.getByLabel('Ngày mới').fill('05/01/2027');
    await change.getByRole('button', { name: 'Đổi thời hạn' }).click();
    await change.getByText('Lý do thay đổi thời hạn không được để trống.').waitFor();
    await change.getByLabel('Lý do').fill('Trùng đợt kiểm tra cuối năm của Tỉnh ủy.');
    await change.getByRole('button', { name: 'Đổi thời hạn' }).click();
    await change.waitFor({ state: 'detached' });
    const history = rowWith(page, 'Trùng đợt kiểm tra cuối năm của Tỉnh ủy.');
    await expect.poll(() => history.textContent()).toContain(upwardBefore);
    expect(await history.textContent()).toContain('05/01/2027');

    const docx = await page.request.get(
      `${server.baseUrl}/api/v1/plans/${planUrl.split('/').pop()}/document.docx`,
    );
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toContain(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const pdf = await page.request.get(
      `${server.baseUrl}/api/v1/plans/${planUrl.split('/').pop()}/document.pdf`,
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await page.close();
  });

  it('a base committee corrects a workplace, derives the plan inside the parent deadlines after a refusal naming the field, and publishes it', async () => {
    const page = await browser.newPage();
    await signIn(page, server.baseUrl, 'capuy.syt', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    const planRow = page.getByRole('row').filter({ hasText: '03-KH/ĐUK' });
    await expect.poll(() => planRow.textContent()).toContain('Cấp trên ban hành');
    await planRow.getByRole('link').click();
    await page.getByRole('heading', { name: /Kế hoạch Số 03-KH\/ĐUK/ }).waitFor();

    await page.getByRole('tab', { name: 'Cơ quan phải họp' }).click();
    const inspection = rowWith(page, 'Thanh tra Sở Y tế');
    await inspection.getByRole('button', { name: 'Điều chỉnh' }).click();
    const correction = page.getByRole('dialog', { name: 'Điều chỉnh: Thanh tra Sở Y tế' });
    const requiredSwitch = correction.getByRole('switch', {
      name: 'Phải tổ chức tự phê bình trước quần chúng',
    });
    expect(await requiredSwitch.isChecked()).toBe(true);
    await correction.getByLabel('Lý do điều chỉnh').fill('Danh sách thiếu 2 hợp đồng dài hạn mới tuyển.');
    await correction.getByRole('button', { name: 'Điều chỉnh' }).click();
    await correction.waitFor({ state: 'detached' });
    await expect
      .poll(() => inspection.textContent())
      .toContain('Danh sách thiếu 2 hợp đồng dài hạn mới tuyển.');
    expect(await inspection.getByRole('cell').nth(3).textContent()).toBe('Phải tổ chức');

    await page.getByRole('tab', { name: 'Nội dung' }).click();
    await page.getByRole('button', { name: 'Cụ thể hóa kế hoạch' }).click();
    const derive = page.getByRole('dialog', { name: 'Cụ thể hóa kế hoạch' });
    await expect.poll(() => derive.getByLabel('Tổ chức cụ thể hóa').inputValue()).toBe(HEALTH);
    const meetings = derive.getByLabel('Hạn hoàn thành họp');
    const parentMeetings = await meetings.inputValue();
    expect(parentMeetings).toMatch(/^\d{2}\/\d{2}\/2026$/);
    await meetings.fill('31/12/2026');
    await derive.getByRole('button', { name: 'Tạo kế hoạch cụ thể hóa' }).click();
    await derive
      .getByText(/Hạn hoàn thành họp \(31\/12\/2026\) phải không muộn hơn hạn của kế hoạch cấp trên/)
      .waitFor();
    await expect.poll(() => meetings.getAttribute('aria-invalid')).toBe('true');

    await meetings.fill(parentMeetings);
    await derive.getByRole('button', { name: 'Tạo kế hoạch cụ thể hóa' }).click();
    await page.getByRole('button', { name: 'Lưu kế hoạch' }).waitFor();
    await page.getByRole('heading', { name: /Kế hoạch Số .*\(2026\)/ }).waitFor();
    await page.getByText(HEALTH, { exact: true }).first().waitFor();
    expect(page.url()).not.toBe(planUrl);

    await page.getByLabel('Số', { exact: true }).fill('05');
    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await page.getByRole('button', { name: 'Ban hành' }).click();
    const confirm = page.getByRole('dialog', { name: 'Ban hành kế hoạch' });
    await confirm.getByText(/kế hoạch này dùng lại kết quả đó/).waitFor();
    await confirm.getByRole('button', { name: 'Ban hành' }).click();
    await page.getByRole('tab', { name: 'Cơ quan phải họp', selected: true }).waitFor();
    await rowWith(page, 'Văn phòng Sở Y tế').waitFor();
    expect(await rowWith(page, 'Sở Tư pháp').count()).toBe(0);
    await page.getByRole('tab', { name: 'Nội dung' }).click();
    await page.getByRole('link', { name: 'Tiến độ' }).click();
    await page.getByRole('heading', { name: `Tiến độ thực hiện: ${HEALTH}` }).waitFor();
    await page.close();
  });

  it('a base committee raises a concern, the bloc board answers, the committee sees the answer and closes it', async () => {
    const committee = await browser.newPage();
    await signIn(committee, server.baseUrl, 'capuy.syt', DEMO_PASSWORD);
    await committee.goto(`${planUrl}?tab=vuong-mac`);
    await committee.getByText('Chưa có khó khăn, vướng mắc nào về kế hoạch này.').waitFor();
    await committee.getByRole('button', { name: 'Nêu khó khăn, vướng mắc' }).click();
    const raise = committee.getByRole('dialog', { name: 'Nêu khó khăn, vướng mắc' });
    await expect.poll(() => raise.getByLabel('Tổ chức nêu').inputValue()).toBe(HEALTH);
    await raise.getByLabel('Tiêu đề').fill('Đơn vị có ca trực 24/24');
    await raise
      .getByLabel('Nội dung')
      .fill('Khoa cấp cứu không bố trí được toàn bộ quần chúng dự họp cùng một buổi.');
    await raise.getByRole('button', { name: /^Gửi / }).click();
    await committee.getByRole('heading', { name: 'Đơn vị có ca trực 24/24' }).waitFor();
    await committee.getByText('Đang chờ trả lời', { exact: true }).waitFor();

    const board = await browser.newPage();
    await signIn(board, server.baseUrl, 'bantochuc', DEMO_PASSWORD);
    await board.getByRole('link', { name: 'Khó khăn, vướng mắc', exact: true }).click();
    await board.getByRole('link', { name: 'Đơn vị có ca trực 24/24' }).click();
    await board.getByText('Khoa cấp cứu không bố trí được', { exact: false }).waitFor();
    await board.getByLabel('Trả lời').fill('Được tổ chức thành hai buổi trong cùng một ngày.');
    await board.getByRole('button', { name: 'Gửi', exact: true }).click();
    await board.getByText('Đã trả lời', { exact: true }).waitFor();
    await board.close();

    await committee.reload();
    await committee.getByText('Đã trả lời', { exact: true }).waitFor();
    const answer = committee.getByTestId('concern-message').filter({ hasText: 'Cấp ủy trả lời' });
    await expect
      .poll(() => answer.textContent())
      .toContain('Được tổ chức thành hai buổi trong cùng một ngày.');
    expect(await answer.textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);

    await committee.getByRole('button', { name: 'Đóng' }).click();
    await committee
      .getByRole('dialog', { name: 'Đóng khó khăn, vướng mắc' })
      .getByRole('button', { name: 'Đóng' })
      .click();
    await committee.getByText('Đã đóng', { exact: true }).waitFor();
    await expect.poll(() => committee.getByLabel('Trao đổi thêm').count()).toBe(0);
    await committee.close();
  });

  it('the progress page shows the bloc with its children and drills down into a base, a cell, a workplace and its meeting', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signIn(page, server.baseUrl, 'bantochuc', DEMO_PASSWORD);
    await page.goto(planUrl);
    await page.getByRole('link', { name: 'Tiến độ' }).click();
    await page.getByRole('heading', { name: `Tiến độ thực hiện: ${BLOC}` }).waitFor();
    const rows = page.getByTestId('progress-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    const blocRequired = Number(await page.getByTestId('stat-required').locator('p').nth(1).textContent());
    expect(blocRequired).toBeGreaterThan(0);

    await page.getByRole('button', { name: /^Phải tổ chức/ }).click();
    await page
      .getByRole('columnheader', { name: /Phải tổ chức/ })
      .and(page.locator('[aria-sort="descending"]'))
      .waitFor();

    const exportHref = await page.getByRole('link', { name: 'Xuất Excel' }).getAttribute('href');
    const workbook = await page.request.get(`${server.baseUrl}${exportHref}`);
    expect(workbook.status()).toBe(200);
    expect(workbook.headers()['content-type']).toContain('spreadsheetml');

    await page.getByRole('button', { name: HEALTH, exact: true }).click();
    await page.getByRole('heading', { name: `Tiến độ thực hiện: ${HEALTH}` }).waitFor();
    expect(new URL(page.url()).searchParams.get('organizationId')).toBeTruthy();
    await rows.filter({ hasText: 'Chi bộ Văn phòng Sở Y tế' }).waitFor();
    await expect
      .poll(() => rows.allTextContents())
      .toContainEqual(expect.stringContaining('Chi bộ các phòng Nghiệp vụ Sở Y tế'));
    const healthRequired = Number(await page.getByTestId('stat-required').locator('p').nth(1).textContent());
    expect(healthRequired).toBeGreaterThan(0);
    expect(healthRequired).toBeLessThanOrEqual(blocRequired);

    // 1366 px: the columns that matter fit without a sideways scroll; the others are behind a switch.
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fits()).toBe(true);
    for (const column of ['Cảnh báo', 'Biểu đồ', 'Đã báo cáo']) {
      expect(await page.getByRole('columnheader', { name: column }).isVisible()).toBe(true);
    }
    expect(await page.getByRole('columnheader', { name: /Đã ký biên bản/ }).count()).toBe(0);
    await page.getByRole('switch', { name: /^Hiện thêm các cột/ }).check();
    await page.getByRole('columnheader', { name: /Đã ký biên bản/ }).waitFor();

    // A cell has no organizations under it: it opens on its workplaces, each with its meeting.
    await page.getByRole('button', { name: 'Chi bộ Văn phòng Sở Y tế', exact: true }).click();
    await page.getByRole('heading', { name: 'Tiến độ thực hiện: Chi bộ Văn phòng Sở Y tế' }).waitFor();
    await page.getByRole('link', { name: `Buổi họp của ${OFFICE}`, exact: true }).click();
    await page.getByRole('heading', { name: /^Buổi tự phê bình và phê bình trước quần chúng: / }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/\/co-quan\/[^/]+\/hop$/);
    await page.goBack();
    await page.getByRole('heading', { name: 'Tiến độ thực hiện: Chi bộ Văn phòng Sở Y tế' }).waitFor();

    await page.getByRole('button', { name: BLOC, exact: true }).click();
    await page.getByRole('heading', { name: `Tiến độ thực hiện: ${BLOC}` }).waitFor();
    await page.close();
  });
});
