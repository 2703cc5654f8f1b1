import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const ABSENCE_REASON = 'Đi công tác tại Hà Nội theo quyết định của Sở';

describe('scheduling a meeting and marking attendance in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let planId = '';
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    planId = (
      await publishDemoPlan(browser, server, { number: '03', place: 'Trà Vinh', meetingsDueOn: '2026-11-15' })
    ).id;
    page = await (await browser.newContext()).newPage();
    await signIn(page, server.baseUrl, 'chiuy.vp', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the cell committee is refused a two-day meeting, then schedules one day', async () => {
    await page.goto(`${server.baseUrl}/ke-hoach/${planId}?tab=co-quan`);
    await page.getByRole('link', { name: `Buổi họp của ${OFFICE}` }).click();
    await page
      .getByRole('heading', { name: `Buổi tự phê bình và phê bình trước quần chúng: ${OFFICE}` })
      .waitFor();
    const form = page.getByRole('form', { name: 'Lập lịch họp' });
    await form.getByRole('textbox', { name: 'Ngày họp', exact: true }).fill('10/11/2026');
    await form.getByRole('textbox', { name: 'Giờ bắt đầu', exact: true }).fill('08:00');
    await form
      .getByRole('textbox', { name: 'Ngày kết thúc (nếu khác ngày họp)', exact: true })
      .fill('11/11/2026');
    await form.getByRole('textbox', { name: 'Giờ kết thúc', exact: true }).fill('11:30');
    await form.getByRole('textbox', { name: 'Địa điểm', exact: true }).fill('Hội trường Sở Y tế');
    await form.getByRole('textbox', { name: 'Người chủ trì', exact: true }).fill('Đồng chí Bí thư Chi bộ');
    await form.getByRole('combobox', { name: 'Thư ký', exact: true }).click();
    await page.getByRole('option', { name: /\(thuky\)/ }).click();
    await form
      .getByRole('textbox', { name: 'Đại biểu dự họp', exact: true })
      .fill('Đồng chí Ủy viên Ban Thường vụ Đảng ủy Khối');
    await form.getByRole('button', { name: 'Lập lịch họp' }).click();
    await form
      .getByText('Buổi tự phê bình và phê bình chỉ tổ chức trong một ngày', { exact: false })
      .waitFor();

    await form.getByRole('textbox', { name: 'Ngày kết thúc (nếu khác ngày họp)', exact: true }).fill('');
    await form.getByRole('button', { name: 'Lập lịch họp' }).click();
    const header = page.getByTestId('meeting-header');
    await header.waitFor();
    expect(await header.textContent()).toContain('10/11/2026');
    expect(await header.textContent()).toContain('08:00–11:30');
    expect(await header.textContent()).toContain('Hội trường Sở Y tế');
    await page.getByRole('link', { name: 'Mở trang điều hành buổi họp' }).waitFor();
  });

  it('marks attendance with one member absent with a reason', async () => {
    await page.getByRole('tab', { name: 'Điểm danh' }).click();
    const rows = page.getByTestId('attendance-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    const absent = rows.first();
    await absent.getByRole('radio', { name: 'Vắng mặt' }).check();
    await page.getByRole('textbox', { name: 'Số quần chúng dự họp', exact: true }).fill('8');
    await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
    await absent.getByText('Đảng viên vắng mặt phải có lý do.').waitFor();

    await absent.getByLabel(/^Lý do vắng mặt của /).fill(ABSENCE_REASON);
    await absent.getByRole('radio', { name: 'Chính đáng', exact: true }).check();
    await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
    await page.getByText('Đã lưu điểm danh.').waitFor();

    const meeting = await (
      await page.request.get(api(server, `/plans/${planId}/workplaces/${await officeId()}/meeting`))
    ).json();
    const attendance = await (
      await page.request.get(api(server, `/meetings/${meeting.id}/attendance`))
    ).json();
    const marked = attendance.members.filter((member: { present: boolean }) => member.present === false);
    expect(marked).toHaveLength(1);
    expect(marked[0]).toMatchObject({ absenceReason: ABSENCE_REASON, absenceReasonValid: true });
    expect(attendance.massesPresent).toBe(8);
    await page.reload();
    await page.getByRole('tab', { name: 'Điểm danh' }).click();
    await expect
      .poll(() =>
        page
          .getByTestId('attendance-row')
          .first()
          .getByLabel(/^Lý do vắng mặt của /)
          .inputValue(),
      )
      .toBe(ABSENCE_REASON);
  });

  async function officeId(): Promise<string> {
    const listed = await (
      await page.request.get(api(server, `/plans/${planId}/workplaces?required=true&pageSize=200`))
    ).json();
    return listed.items.find((item: { workplaceName: string }) => item.workplaceName === OFFICE).workplaceId;
  }
});
