import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3151';
const api = (p) => `${base}/api/v1${p}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
async function signed(user, width = 1366, height = 768) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(`${base}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(user);
  await page.getByLabel('Mật khẩu').fill('demo12345');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  return page;
}
if (process.argv[2] === 'setup') {
  const board = await signed('bantochuc');
  const roots = await (await board.request.get(api('/organizations'))).json();
  const bloc = roots.items.find((o) => o.name === 'Đảng ủy Khối các cơ quan và doanh nghiệp');
  const template = await (await board.request.get(api(`/plans/template?organizationId=${bloc.id}&year=2026`))).json();
  const created = await board.request.post(api('/plans'), { data: { ...template, number: '03', meetingsDueOn: '2026-12-10', baseReportsDueOn: '2026-12-20', upwardReportDueOn: '2026-12-30' } });
  const plan = await created.json();
  console.log(created.status(), plan.id);
  console.log((await board.request.post(api(`/plans/${plan.id}/publish`), { data: { version: plan.version } })).status());
  const admin = await signed('admin');
  const accounts = await (await admin.request.get(api('/accounts?q=thuky'))).json();
  const thuky = accounts.items.find((a) => a.username === 'thuky').id;
  const member = await signed('dangvien');
  const mine = await (await member.request.get(api('/self-criticisms/mine'))).json();
  const cell = await signed('chiuy.vp');
  const s = await cell.request.post(api(`/plans/${plan.id}/workplaces/${mine.items[0].workplaceId}/meeting`), { data: { startsAt: '2026-12-08T08:00:00+07:00', endsAt: '2026-12-08T11:00:00+07:00', place: 'Hội trường Sở Y tế', chairName: 'Bí thư Chi bộ', secretaryAccountId: thuky, delegates: [] } });
  console.log('meeting', s.status(), await s.text());
} else {
  for (const user of ['admin', 'bantochuc', 'capuy.syt', 'chiuy.vp', 'dangvien', 'quanchung', 'thuky']) {
    for (const [w, h] of [[1366, 768], [360, 740]]) {
      const page = await signed(user, w, h);
      await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
      await page.waitForTimeout(800);
      await page.screenshot({ path: `/tmp/issue-15a-shots/${user}-${w}.png`, fullPage: true });
      await page.context().close();
    }
  }
}
await browser.close();
