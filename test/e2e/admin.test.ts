import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import { type E2eServer, launchBrowser, signIn, startServer } from './support.js';

const NEW_USERNAME = 'kiemthu.e2e';
const TEMPORARY_PASSWORD = 'tamthoi2026';
const OWN_PASSWORD = 'riengtu2026';
const BLOC = 'Đảng ủy Khối các cơ quan và doanh nghiệp';

async function openAccount(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/tai-khoan`);
  await page.getByLabel('Tìm tài khoản').fill(username);
  await page.getByRole('button', { name: username, exact: true }).click();
  await page.getByRole('heading', { name: username }).waitFor();
}

describe('administering people, accounts and the audit log in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await browser.newPage();
    await signIn(admin, server.baseUrl, 'admin', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds people typed without diacritics', async () => {
    await admin.goto(`${server.baseUrl}/nhan-su`);
    await admin.getByLabel('Họ và tên').fill('nguyen');
    await admin
      .getByRole('cell', { name: /Nguyễn/ })
      .first()
      .waitFor();
    await expect(admin.getByText(/^Tìm thấy \d+ người\.$/).isVisible()).resolves.toBe(true);
  });

  it('keeps only party members when asked, and remembers the search after visiting a workplace', async () => {
    const table = admin.getByRole('table');
    await expect(table.getByText('Quần chúng', { exact: true }).count()).resolves.toBeGreaterThan(0);
    await admin
      .locator('label')
      .filter({ hasText: /^Đảng viên$/ })
      .click();
    await expect.poll(() => table.getByText('Quần chúng', { exact: true }).count()).toBe(0);
    await expect(table.getByText('Đảng viên', { exact: true }).count()).resolves.toBeGreaterThan(1);

    await table.getByRole('link').first().click();
    await admin.waitForURL(/\/co-quan\//);
    await admin.goBack();
    await admin.waitForURL(/\/nhan-su\?/);
    await expect(admin.getByLabel('Họ và tên').inputValue()).resolves.toBe('nguyen');
    expect(new URL(admin.url()).searchParams.get('dang-vien')).toBe('true');
    await expect.poll(() => table.getByText('Quần chúng', { exact: true }).count()).toBe(0);
  });

  it('creates an account with a role, whose owner must change the temporary password', async () => {
    await admin.goto(`${server.baseUrl}/tai-khoan`);
    await admin.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const form = admin.getByRole('dialog', { name: 'Tạo tài khoản' });
    await form.getByLabel('Tên đăng nhập').fill(NEW_USERNAME);
    await form.getByLabel('Tên hiển thị').fill('Trần Thị Kiểm Thử');
    await form.getByRole('textbox', { name: 'Tổ chức của tài khoản' }).click();
    await admin
      .getByRole('option', { name: 'Đảng bộ tỉnh Trà Vinh' })
      .getByRole('button', { name: 'Mở nhánh' })
      .click();
    await admin.getByRole('option', { name: BLOC }).click();
    await form.getByRole('combobox', { name: 'Vai trò ban đầu' }).click();
    await admin.getByRole('option', { name: 'Ban Tổ chức' }).click();
    await form.getByLabel('Mật khẩu tạm').fill(TEMPORARY_PASSWORD);
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();

    const drawer = admin.getByRole('dialog', { name: 'Tài khoản' });
    await drawer.getByRole('heading', { name: NEW_USERNAME }).waitFor();
    await drawer.getByText(`Ban Tổ chức – ${BLOC}`).waitFor();

    const newcomer = await browser.newPage();
    await signIn(newcomer, server.baseUrl, NEW_USERNAME, TEMPORARY_PASSWORD);
    await newcomer.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    await newcomer.getByLabel('Mật khẩu hiện tại').fill(TEMPORARY_PASSWORD);
    await newcomer.getByLabel('Mật khẩu mới', { exact: true }).fill(OWN_PASSWORD);
    await newcomer.getByLabel('Nhập lại mật khẩu mới').fill(OWN_PASSWORD);
    await newcomer.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await newcomer.getByRole('navigation', { name: 'Trình đơn chính' }).getByText('Tìm nhân sự').waitFor();
    await newcomer.close();
  });

  it('reloads an account that another administrator changed meanwhile, and says so', async () => {
    await openAccount(admin, server.baseUrl, NEW_USERNAME);
    const status = await admin.evaluate(async (username) => {
      const list = await (await fetch(`/api/v1/accounts?q=${username}`)).json();
      const account = list.items[0];
      const response = await fetch(`/api/v1/accounts/${account.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ version: account.version, displayName: 'Trần Thị Kiểm Thử (đã sửa)' }),
      });
      return response.status;
    }, NEW_USERNAME);
    expect(status).toBe(200);

    const drawer = admin.getByRole('dialog', { name: 'Tài khoản' });
    await drawer.getByLabel('Tên hiển thị').fill('Tên bị ghi đè');
    await drawer.getByRole('button', { name: 'Lưu' }).click();
    await admin.getByText('Dữ liệu đã bị người khác thay đổi, đã tải lại.').waitFor();
    await expect
      .poll(() => drawer.getByLabel('Tên hiển thị').inputValue())
      .toBe('Trần Thị Kiểm Thử (đã sửa)');
  });

  it('shows the account creation in the audit log', async () => {
    await admin.goto(`${server.baseUrl}/nhat-ky`);
    await admin.getByRole('combobox', { name: 'Thao tác' }).click();
    await admin.getByRole('option', { name: 'Tạo tài khoản' }).click();
    const created = admin.getByRole('row').filter({ hasText: `username: ${NEW_USERNAME}` });
    await created.waitFor();
    await expect.poll(() => created.textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}admin/);
  });

  it('resets the password to a temporary one that must be changed at the next sign-in', async () => {
    await openAccount(admin, server.baseUrl, NEW_USERNAME);
    await admin
      .getByRole('dialog', { name: 'Tài khoản' })
      .getByRole('button', { name: 'Đặt lại mật khẩu' })
      .click();
    const reset = admin.getByRole('dialog', { name: `Đặt lại mật khẩu – ${NEW_USERNAME}` });
    await reset.getByLabel('Mật khẩu mới', { exact: true }).fill(TEMPORARY_PASSWORD);
    await reset.getByLabel('Nhập lại mật khẩu mới').fill(TEMPORARY_PASSWORD);
    await reset.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await admin.getByText(`Đã đặt lại mật khẩu của ${NEW_USERNAME}.`).waitFor();

    const newcomer = await browser.newPage();
    await signIn(newcomer, server.baseUrl, NEW_USERNAME, TEMPORARY_PASSWORD);
    await newcomer.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    await newcomer.close();
  });

  it('grants a role at an organization, then takes it back after a confirmation', async () => {
    await openAccount(admin, server.baseUrl, NEW_USERNAME);
    const drawer = admin.getByRole('dialog', { name: 'Tài khoản' });
    await drawer.getByRole('combobox', { name: 'Vai trò', exact: true }).click();
    await admin.getByRole('option', { name: 'Đảng viên' }).click();
    await drawer.getByRole('textbox', { name: 'Tại tổ chức' }).click();
    await admin.getByRole('option', { name: 'Đảng bộ tỉnh Trà Vinh' }).click();
    await drawer.getByRole('button', { name: 'Giao vai trò' }).click();
    const granted = 'Đảng viên – Đảng bộ tỉnh Trà Vinh';
    await drawer.getByText(granted, { exact: true }).waitFor();

    await drawer.getByRole('button', { name: `Bỏ vai trò ${granted}` }).click();
    await admin
      .getByRole('dialog', { name: 'Bỏ vai trò' })
      .getByRole('button', { name: 'Bỏ vai trò' })
      .click();
    await drawer.getByText(granted, { exact: true }).waitFor({ state: 'detached' });
    await drawer.getByText(`Ban Tổ chức – ${BLOC}`, { exact: true }).waitFor();
  });

  it('disables the account after a confirmation, and its owner can no longer sign in', async () => {
    await openAccount(admin, server.baseUrl, NEW_USERNAME);
    const drawer = admin.getByRole('dialog', { name: 'Tài khoản' });
    await drawer.getByRole('button', { name: 'Khóa tài khoản' }).click();
    const confirm = admin.getByRole('dialog', { name: 'Khóa tài khoản' });
    await confirm.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await drawer.getByText('Đã khóa').waitFor();

    const newcomer = await browser.newPage();
    await newcomer.goto(`${server.baseUrl}/dang-nhap`);
    await newcomer.getByLabel('Tên đăng nhập').fill(NEW_USERNAME);
    await newcomer.getByLabel('Mật khẩu').fill(TEMPORARY_PASSWORD);
    await newcomer.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => newcomer.getByRole('alert').textContent()).toMatch(/mật khẩu/i);
    expect(newcomer.url()).toMatch(/\/dang-nhap$/);
    await newcomer.close();
  });

  it('saves the eligibility threshold and the counted employment types', async () => {
    await admin.goto(`${server.baseUrl}/cai-dat`);
    await admin.getByLabel('Ngưỡng số quần chúng').fill('6');
    await admin.getByLabel('Hợp đồng ngắn hạn').check();
    await admin.getByRole('button', { name: 'Lưu', exact: true }).click();
    await admin.getByText('Đã lưu quy tắc tổ chức họp.').waitFor();

    await admin.reload();
    await expect.poll(() => admin.getByLabel('Ngưỡng số quần chúng').inputValue()).toBe('6');
    await expect(admin.getByLabel('Hợp đồng ngắn hạn').isChecked()).resolves.toBe(true);
  });
});
