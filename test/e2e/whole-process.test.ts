import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompilationView } from '../../src/contract/compilations.js';
import type { ReportDetail, ReportFiguresView } from '../../src/contract/reports.js';
import { documentXml, docxParagraphs, pdfLines } from '../../src/documents/read-exports.js';
import { vietnamDate } from '../../src/domain/meetings.js';
import { addFigures, zeroFigures } from '../../src/domain/report-figures.js';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import { codesOnSheet } from '../../src/server/phone-forms/test-helpers.js';
import { backdatePlan } from '../../src/server/plans/backdate-support.js';
import { releaseAnonymousComments } from '../../src/server/remediation/comment-box.js';
import { HEADER_ROW, MEMBER_HEADERS } from '../../src/server/year-end/workbooks.js';
import { checkPage, downloadFrom, type E2eServer, launchBrowser, signIn, startServer } from './support.js';

/**
 * QUALITY U1 and issue 6's "Done means": the whole process of DESIGN.md on the demo bloc, in the
 * browser, from the published plan to the bloc's report upward. Each `it` continues the story.
 *
 * The plan's deadlines follow the process (meetings ≤ base reports ≤ upward report), so for the
 * base report to be late the meetings deadline is past too: the meeting is held on a past day,
 * which scheduling allows (only the deadline binds it).
 */

const BLOC = 'Đảng ủy Khối các cơ quan và doanh nghiệp';
const HEALTH = 'Đảng bộ Sở Y tế';
const CELL = 'Chi bộ Văn phòng Sở Y tế';
const OFFICE = 'Văn phòng Sở Y tế';
const INSPECTORATE = 'Thanh tra Sở Y tế';
const LEAVING_REASON = 'Chuyển công tác';
const DAY = 24 * 60 * 60_000;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MASSES = 7;
const ORAL = {
  shortcoming: 'Đồng chí giải quyết hồ sơ của người dân còn chậm, có hồ sơ trễ hẹn.',
  dissenting: 'Tôi không đồng ý: đồng chí không chậm, hồ sơ tồn là do thiếu người.',
  collective: 'Chi bộ cần công khai tiến độ giải quyết hồ sơ tại trụ sở.',
};
/** The sections a committee that wrote only its results is told to write, in the page's order. */
const EMPTY_SECTIONS = ['Ưu điểm', 'Hạn chế', 'Đề xuất, kiến nghị'];
const PHONE = 'Đồng chí tận tình hướng dẫn người dân làm thủ tục.';
const EXPLANATION = 'Ý kiến trái chiều được ghi nhận; chi ủy giữ nguyên nhận xét.';
const MEMBER_ACTION = 'Giải quyết hồ sơ trong ngày, báo cáo chi bộ hằng tháng.';
const CELL_ACTION = 'Niêm yết tiến độ giải quyết hồ sơ tại trụ sở cơ quan.';
const COMMENT = 'Đề nghị niêm yết cả trên trang thông tin của Sở.';
const ANSWER = 'Chi ủy sẽ đăng trên trang thông tin trong tuần này.';
const DONE_NOTE = 'Đã giải quyết hết hồ sơ tồn đọng trong tháng.';

const api = (server: E2eServer, path: string) => `${server.baseUrl}/api/v1${path}`;
/** A day `days` from today in Vietnam, yyyy-mm-dd. */
const dayAfter = (days: number) => vietnamDate(new Date(Date.now() + days * DAY));
/** yyyy-mm-dd as typed in the forms, dd/mm/yyyy. */
const typed = (isoDate: string) => isoDate.split('-').reverse().join('/');

async function workbookOf(content: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return workbook;
}

/** Opens a node of the organization tree unless it is already open (a lone root opens by itself). */
async function expandNode(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name, exact: true }).waitFor();
  const collapse = page.getByRole('button', { name: `Thu gọn ${name}`, exact: true });
  if (await collapse.isVisible()) return;
  await page.getByRole('button', { name: `Mở rộng ${name}`, exact: true }).click();
  await collapse.waitFor();
}

/** Picks an option of a Mantine select inside `scope`, found by its label. */
async function choose(page: Page, scope: ReturnType<Page['locator']>, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The state badge in the row of an organization in a reports table. */
const stateOf = (page: Page, organization: string) =>
  page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: organization, exact: true }) })
    .getByText(/^(Đúng hạn|Trễ hạn|Chưa nộp|Chưa đến hạn)$/);

describe('the whole process on the demo bloc, from the published plan to the report upward', () => {
  let server: E2eServer;
  let browser: Browser;
  let committee: BrowserContext;
  let committeePage: Page;
  let secretaryPage: Page;
  let planId = '';
  let workplaceId = '';
  let meetingId = '';
  let memberName = '';
  let memberSelfCriticismId = '';
  let code = '';
  const year = Number(dayAfter(0).slice(0, 4));
  const meetingDay = dayAfter(-5);
  /** The first day the person no longer works there: before the plan, so they count nowhere in it. */
  const leftOn = dayAfter(-40);
  const deadlines = {
    meetingsDueOn: dayAfter(-4),
    baseReportsDueOn: dayAfter(-3),
    upwardReportDueOn: dayAfter(10),
  };

  const meetingUrl = () => `${server.baseUrl}/ke-hoach/${planId}/co-quan/${workplaceId}/hop`;
  const liveUrl = () => `${server.baseUrl}/hop/${meetingId}/truc-tiep`;
  const compilation = async (): Promise<CompilationView> =>
    (await committeePage.request.get(api(server, `/meetings/${meetingId}/compilation`))).json();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    committee = await browser.newContext({ acceptDownloads: true });
    committeePage = await committee.newPage();
    await signIn(committeePage, server.baseUrl, 'chiuy.vp', DEMO_PASSWORD);
    secretaryPage = await (await browser.newContext()).newPage();
    await signIn(secretaryPage, server.baseUrl, 'thuky', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('0. before the plan, a non-member of an exempt workplace leaves: recorded on the roster and listed apart', async () => {
    const page = await browser.newPage();
    await signIn(page, server.baseUrl, 'admin', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/cay-to-chuc`);
    for (const node of ['Đảng bộ tỉnh Trà Vinh', BLOC, HEALTH]) await expandNode(page, node);
    await page.getByRole('link', { name: 'Chi bộ các phòng Nghiệp vụ Sở Y tế', exact: true }).click();
    await page.getByRole('link', { name: INSPECTORATE, exact: true }).click();
    await page.getByRole('heading', { name: INSPECTORATE, level: 2 }).waitFor();
    const section = (title: RegExp) =>
      page.locator('.mantine-Paper-root').filter({ has: page.getByRole('heading', { name: title }) });
    const masses = section(/^Quần chúng \(\d+\)$/);
    const leave = masses.getByRole('button', { name: /^Nghỉ việc: / }).first();
    await leave.waitFor();
    await checkPage(page, 'danh sách nhân sự của cơ quan');
    const massesBefore = await masses.getByRole('button', { name: /^Nghỉ việc: / }).count();
    const name = (await leave.getAttribute('aria-label'))!.replace('Nghỉ việc: ', '');
    expect(await page.getByRole('heading', { name: /^Đã nghỉ việc/ }).count()).toBe(0);

    await leave.click();
    const dialog = page.getByRole('dialog', { name: `Ghi nhận nghỉ việc: ${name}` });
    await dialog.getByLabel('Ngày nghỉ việc').fill(typed(leftOn));
    await dialog.getByLabel('Lý do nghỉ việc').click();
    await page.getByRole('option', { name: LEAVING_REASON, exact: true }).click();
    await checkPage(page, 'hộp ghi nhận nghỉ việc');
    await dialog.getByRole('button', { name: 'Ghi nhận nghỉ việc' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Kept, not deleted: apart among those who left, with the day and the reason; no longer a mass.
    const left = section(/^Đã nghỉ việc \(1\)$/);
    const row = left.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain(LEAVING_REASON);
    expect(await row.textContent()).toMatch(new RegExp(`[Đđ]ến ${typed(leftOn)}`));
    await expect
      .poll(() => masses.getByRole('button', { name: /^Nghỉ việc: / }).count())
      .toBe(massesBefore - 1);
    expect(await masses.getByText(name, { exact: true }).count()).toBe(0);
    await checkPage(page, 'danh sách nhân sự sau khi ghi nghỉ việc');
    const inspectorate = new URL(page.url()).pathname.split('/').pop()!;
    const people = await (
      await page.request.get(api(server, `/people?workplaceId=${inspectorate}&pageSize=200`))
    ).json();
    const person = people.items.find((candidate: { fullName: string }) => candidate.fullName === name);
    expect(person).toMatchObject({ leftOn: leftOn, leavingReason: LEAVING_REASON, employedNow: false });
    await page.close();
  });

  it('1. the bloc board writes the plan from the template, sets its deadlines and publishes it', async () => {
    const page = await browser.newPage();
    await signIn(page, server.baseUrl, 'bantochuc', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await page.getByRole('button', { name: 'Soạn kế hoạch mới' }).waitFor();
    await checkPage(page, 'danh sách kế hoạch');
    await page.getByRole('button', { name: 'Soạn kế hoạch mới' }).click();
    const create = page.getByRole('dialog', { name: 'Soạn kế hoạch mới' });
    await expect.poll(() => create.getByLabel('Tổ chức ban hành').inputValue()).toBe(BLOC);
    await checkPage(page, 'hộp soạn kế hoạch mới');
    await create.getByLabel('Năm').fill(String(year));
    await create.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.getByRole('button', { name: 'Lưu kế hoạch' }).waitFor();
    planId = new URL(page.url()).pathname.split('/').pop()!;

    await page.getByLabel('Số', { exact: true }).fill('06');
    await page.getByLabel('Nơi ban hành').fill('Trà Vinh');
    await page.getByLabel('Ngày ban hành').fill(typed(dayAfter(-30)));
    await page.getByLabel('Họ và tên người ký').fill('Nguyễn Văn Ký');
    // Deadlines already past cannot be published (issue 11): it is published with dates ahead, then
    // given the past ones below as if time had passed since.
    await page.getByLabel('Hạn hoàn thành họp').fill(typed(dayAfter(20)));
    await page.getByLabel('Hạn cấp ủy cơ sở báo cáo').fill(typed(dayAfter(25)));
    await page.getByLabel('Hạn báo cáo về trên').fill(typed(dayAfter(30)));
    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await page.getByText('Đã lưu kế hoạch.').waitFor();
    await checkPage(page, 'kế hoạch (bản nháp)');
    // The template's seed text in full (II.4's two paragraphs); no list of manifestations, none shown.
    await page.getByText('theo mẫu đính kèm', { exact: true }).waitFor();
    expect(await page.getByText(/Danh mục biểu hiện suy thoái/).count()).toBe(0);

    await page.getByRole('button', { name: 'Ban hành' }).click();
    const confirm = page.getByRole('dialog', { name: 'Ban hành kế hoạch' });
    await confirm.getByRole('button', { name: 'Ban hành' }).click();
    await page.getByText(/cơ quan, đơn vị phải tổ chức;/).waitFor();
    await checkPage(page, 'kế hoạch đã ban hành');
    await backdatePlan(server.app.db, planId, deadlines);

    const plan = await (await page.request.get(api(server, `/plans/${planId}`))).json();
    expect(plan).toMatchObject({ status: 'published', year, ...deadlines });
    await page.close();
  });

  it('2. the cell committee schedules the meeting with thuky as secretary and marks attendance', async () => {
    const page = committeePage;
    await page.goto(`${server.baseUrl}/ke-hoach/${planId}?tab=co-quan`);
    await page.getByRole('link', { name: `Buổi họp của ${OFFICE}` }).click();
    await page
      .getByRole('heading', { name: `Buổi tự phê bình và phê bình trước quần chúng: ${OFFICE}` })
      .waitFor();
    workplaceId = new URL(page.url()).pathname.split('/')[4]!;
    await checkPage(page, 'buổi họp chưa lập lịch');
    const form = page.getByRole('form', { name: 'Lập lịch họp' });
    await form.getByRole('textbox', { name: 'Ngày họp', exact: true }).fill(typed(meetingDay));
    await form.getByRole('textbox', { name: 'Giờ bắt đầu', exact: true }).fill('08:00');
    await form.getByRole('textbox', { name: 'Giờ kết thúc', exact: true }).fill('11:30');
    await form.getByRole('textbox', { name: 'Địa điểm', exact: true }).fill('Hội trường Sở Y tế');
    await form.getByRole('textbox', { name: 'Người chủ trì', exact: true }).fill('Bí thư Chi bộ Văn phòng');
    await form.getByRole('combobox', { name: 'Tài khoản người chủ trì (nếu có)', exact: true }).click();
    await page.getByRole('option', { name: /\(chiuy\.vp[,)]/ }).click();
    await form.getByRole('combobox', { name: 'Thư ký', exact: true }).click();
    await page.getByRole('option', { name: /\(thuky\)/ }).click();
    await form.getByRole('button', { name: 'Lập lịch họp' }).click();
    const header = page.getByTestId('meeting-header');
    await header.waitFor();
    expect(await header.textContent()).toContain(typed(meetingDay));
    const meeting = await (
      await page.request.get(api(server, `/plans/${planId}/workplaces/${workplaceId}/meeting`))
    ).json();
    meetingId = meeting.id;

    await page.getByRole('tab', { name: 'Điểm danh' }).click();
    const rows = page.getByTestId('attendance-row');
    await rows.first().waitFor();
    const count = await rows.count();
    for (let index = 0; index < count; index++) {
      await rows.nth(index).getByRole('radio', { name: 'Có mặt' }).check();
    }
    await page.getByRole('textbox', { name: 'Số quần chúng dự họp', exact: true }).fill(String(MASSES));
    await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
    await page.getByText('Đã lưu điểm danh.').waitFor();
    await checkPage(page, 'điểm danh');

    // Who dangvien is in this meeting: read from the member's own account, then the attendance.
    const member = await browser.newPage();
    await signIn(member, server.baseUrl, 'dangvien', DEMO_PASSWORD);
    const mine = await (await member.request.get(api(server, '/self-criticisms/mine'))).json();
    memberSelfCriticismId = mine.items.find((item: { planId: string }) => item.planId === planId).id;
    await member.close();
    const attendance = await (
      await page.request.get(api(server, `/meetings/${meetingId}/attendance`))
    ).json();
    const row = attendance.members.find(
      (candidate: { selfCriticismId: string }) => candidate.selfCriticismId === memberSelfCriticismId,
    );
    expect(row).toMatchObject({ present: true });
    memberName = row.fullName;
    expect(attendance.massesPresent).toBe(MASSES);
  });

  it('3. the secretary runs the agenda and records oral opinions, one dissenting and one about the collective', async () => {
    const page = secretaryPage;
    await page.goto(liveUrl());
    await page.getByRole('button', { name: 'Bắt đầu buổi họp' }).click();
    await page.getByRole('button', { name: 'Sang phần (2) Nội dung' }).click();
    await page.getByTestId('current-member').waitFor();
    await page.getByLabel('Chọn đảng viên').selectOption({ label: memberName });
    await expect
      .poll(() => page.getByTestId('current-member').getByRole('heading').textContent())
      .toContain(memberName);
    await checkPage(page, 'ghi diễn biến, phần nội dung');
    const form = page.getByRole('form', { name: 'Ghi ý kiến phát biểu' });
    const record = async (
      text: string,
      fields: { target: string; area?: string; kind: string; speaker?: string; dissenting?: boolean },
    ) => {
      await form.getByRole('radio', { name: fields.target, exact: true }).check();
      await form
        .getByRole('radiogroup', { name: 'Loại ý kiến' })
        .getByRole('radio', { name: fields.kind, exact: true })
        .check();
      if (fields.area) await form.getByRole('radio', { name: fields.area, exact: true }).check();
      await form.getByLabel('Nội dung ý kiến').fill(text);
      if (fields.speaker) await form.getByLabel('Người phát biểu').fill(fields.speaker);
      if (fields.dissenting) await form.getByLabel('Ý kiến trái chiều').check();
      await form.getByRole('button', { name: 'Ghi ý kiến (Ctrl+Enter)' }).click();
      await expect.poll(() => form.getByLabel('Nội dung ý kiến').inputValue()).toBe('');
      await expect.poll(() => page.getByText(text, { exact: true }).count()).toBe(1);
    };
    const aboutMember = `Đồng chí ${memberName}`;
    await record(ORAL.shortcoming, {
      target: aboutMember,
      area: 'Chức trách, nhiệm vụ',
      kind: 'Khuyết điểm, hạn chế',
      speaker: 'Ông Lê Văn Ba',
    });
    await record(ORAL.dissenting, {
      target: aboutMember,
      area: 'Chức trách, nhiệm vụ',
      kind: 'Ưu điểm',
      speaker: 'Bà Trần Thị Mai',
      dissenting: true,
    });
    await record(ORAL.collective, {
      target: 'Tập thể chi bộ',
      kind: 'Đề xuất',
      speaker: 'Ông Nguyễn Văn Nam',
    });
    const live = await (await page.request.get(api(server, `/meetings/${meetingId}/live`))).json();
    const byText = (text: string) => live.entries.find((entry: { text: string }) => entry.text === text);
    expect(byText(ORAL.shortcoming)).toMatchObject({
      selfCriticismId: memberSelfCriticismId,
      dissenting: false,
    });
    expect(byText(ORAL.dissenting)).toMatchObject({
      selfCriticismId: memberSelfCriticismId,
      dissenting: true,
    });
    expect(byText(ORAL.collective)).toMatchObject({ selfCriticismId: null, kind: 'proposal' });
    await checkPage(page, 'ghi diễn biến, sau khi ghi ý kiến');

    // Issue 11: while the meeting is under way a non-member sees it on /gop-y in Vietnam time, even
    // where the browser's zone is UTC.
    const utc = await browser.newContext({ timezoneId: 'UTC' });
    const masses = await utc.newPage();
    await signIn(masses, server.baseUrl, 'quanchung', DEMO_PASSWORD);
    await masses.goto(`${server.baseUrl}/gop-y`);
    await masses.getByText(`Ngày ${typed(meetingDay)}, 08:00–11:30, tại Hội trường Sở Y tế`).waitFor();
    expect(await masses.evaluate(() => new Date(2026, 0, 1, 8).getUTCHours())).toBe(8);
    await checkPage(masses, 'góp ý bằng văn bản, trình duyệt theo giờ UTC');
    await utc.close();
  });

  it('4. the committee issues one phone code, opens the window, a 360 px phone sends a form, the window closes', async () => {
    const page = committeePage;
    await page.goto(meetingUrl());
    await page.getByRole('tab', { name: 'Phiếu qua điện thoại' }).click();
    await page.getByLabel('Số mã cần in').fill('1');
    const sheet = page.waitForResponse((response) => response.url().endsWith('/phone-codes/sheet.pdf'));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'In mã QR' }).click();
    expect((await sheet).headers()['content-type']).toBe('application/pdf');
    const codes = await codesOnSheet(await readFile((await (await download).path())!));
    expect(codes).toHaveLength(1);
    code = codes[0]!;
    await page.getByText('Đã cấp 1 mã cho buổi họp này.').waitFor();
    await page.getByRole('button', { name: 'Mở nhận phiếu' }).click();
    await page.getByText(/^Đang nhận phiếu, tự đóng lúc/).waitFor();
    await checkPage(page, 'phiếu qua điện thoại, đang nhận phiếu');

    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const phonePage = await phone.newPage();
    await phonePage.goto(`${server.baseUrl}/phieu#${code}`);
    await phonePage.getByText(OFFICE).waitFor();
    await checkPage(phonePage, 'phiếu góp ý trên điện thoại');
    await phonePage.getByRole('button', { name: `Góp ý cho đồng chí ${memberName}` }).click();
    const phoneForm = phonePage.getByRole('form', { name: `Phiếu góp ý cho đồng chí ${memberName}` });
    await phoneForm
      .getByRole('group', { name: 'I- VỀ ƯU ĐIỂM' })
      .getByLabel('3. Thực hiện chức trách (nhiệm vụ được giao)')
      .fill(PHONE);
    expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phoneForm.getByRole('button', { name: `Gửi phiếu góp ý cho đồng chí ${memberName}` }).click();
    await phonePage.getByText(`✓ Đã gửi phiếu góp ý cho đồng chí ${memberName}.`).waitFor();
    await checkPage(phonePage, 'phiếu góp ý đã gửi');
    await phone.close();

    await page.getByRole('button', { name: 'Đóng cửa sổ nhận phiếu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đóng cửa sổ nhận phiếu' });
    await dialog.getByRole('button', { name: 'Đóng cửa sổ nhận phiếu' }).click();
    await page.getByText(PHONE).waitFor();
  });

  it('5. the secretary ends the meeting and chiuy.vp, thuky and quanchung sign the minutes', async () => {
    const page = secretaryPage;
    await page.goto(liveUrl());
    await page.getByRole('button', { name: 'Sang phần (3) Kết thúc' }).click();
    await page.getByRole('button', { name: 'Kết thúc buổi họp' }).click();
    await page.getByText('Buổi họp đã kết thúc').waitFor();
    await checkPage(page, 'buổi họp đã kết thúc');

    await page.goto(meetingUrl());
    await page.getByRole('tab', { name: 'Biên bản' }).click();
    const minutes = page.getByTestId('minutes-document');
    await minutes.waitFor();
    for (const text of [...Object.values(ORAL), PHONE])
      await minutes.getByText(text, { exact: false }).waitFor();
    for (const [capacity, username] of [
      ['Chủ trì', 'chiuy.vp'],
      ['Thư ký', 'thuky'],
      ['Đại diện quần chúng', 'quanchung'],
    ] as const) {
      await page.getByRole('button', { name: `Ký: ${capacity}`, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Ký: ${capacity}` });
      await dialog.getByLabel('Tên đăng nhập của người ký').fill(username);
      await dialog.getByLabel('Mật khẩu của người ký').fill(DEMO_PASSWORD);
      await dialog.getByRole('button', { name: 'Ký' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    await page.getByText('Đã khóa', { exact: true }).waitFor();
    await checkPage(page, 'biên bản đã ký');
    const view = await (await page.request.get(api(server, `/meetings/${meetingId}/minutes`))).json();
    expect(view.locked).toBe(true);
  });

  it('6. the committee compiles: the dissenting opinion stays marked, every point is concluded, then finalized', async () => {
    const page = committeePage;
    await page.goto(meetingUrl());
    await page.getByRole('tab', { name: 'Tổng hợp ý kiến' }).click();
    await page.getByRole('button', { name: 'Lập bản tổng hợp ý kiến' }).click();
    const points = page.getByTestId('compilation-point');
    await points.first().waitFor();
    const compiled = (await compilation()).targets.flatMap((target) =>
      target.areas.flatMap((area) =>
        area.points.map((point) => ({ ...point, collective: !target.selfCriticismId })),
      ),
    );
    await expect.poll(() => points.count()).toBe(compiled.length);
    // Every opinion of every channel is under some point: nothing is dropped.
    const opinionTexts = compiled.flatMap((point) => point.opinions.map((opinion) => opinion.text));
    for (const text of [...Object.values(ORAL), PHONE]) expect(opinionTexts).toContain(text);
    const dissent = points.filter({ hasText: ORAL.dissenting });
    await expect.poll(() => dissent.getByText('Có ý kiến trái chiều').count()).toBe(1);

    for (const point of compiled) {
      const card = points.filter({ hasText: point.text }).first();
      const isDissent = point.opinions.some((opinion) => opinion.text === ORAL.dissenting);
      await choose(
        page,
        card,
        'Trách nhiệm',
        point.collective ? 'Trách nhiệm tập thể' : 'Trách nhiệm cá nhân',
      );
      await choose(page, card, 'Kết luận của chi ủy', isDissent ? 'Giải trình' : 'Tiếp thu');
      if (isDissent) await card.getByLabel('Lý do giải trình').fill(EXPLANATION);
      await card.getByRole('button', { name: 'Lưu điểm' }).click();
      await expect
        .poll(() => card.getByLabel('Kết luận của chi ủy', { exact: true }).inputValue())
        .toBe(isDissent ? 'Giải trình' : 'Tiếp thu');
    }
    await page.getByText(`Cả ${compiled.length} điểm đã được phân loại và kết luận.`).waitFor();
    await page.getByRole('button', { name: 'Chốt bản tổng hợp' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận chốt' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Lưu điểm' }).count()).toBe(0);
    await checkPage(page, 'bản tổng hợp ý kiến đã chốt');
    await expect
      .poll(() =>
        points.filter({ hasText: ORAL.dissenting }).getByText('Ý kiến trái chiều', { exact: true }).count(),
      )
      .toBe(1);

    const final = await compilation();
    const finalPoints = final.targets.flatMap((target) => target.areas.flatMap((area) => area.points));
    const dissentPoint = finalPoints.find((point) =>
      point.opinions.some((opinion) => opinion.text === ORAL.dissenting),
    )!;
    expect(dissentPoint.opinions.find((opinion) => opinion.text === ORAL.dissenting)).toMatchObject({
      dissenting: true,
    });
    expect(dissentPoint).toMatchObject({ conclusion: 'explained', explanation: EXPLANATION });
    expect(finalPoints.every((point) => point.conclusion && point.responsibility)).toBe(true);
  });

  it('7. remediation: items from accepted points, a non-member comments with the code, the committee answers, the member marks done', async () => {
    const page = committeePage;
    await page.goto(meetingUrl());
    await page.getByRole('tab', { name: 'Kế hoạch khắc phục' }).click();
    const pointText = async (opinion: string) =>
      (await compilation()).targets
        .flatMap((target) => target.areas.flatMap((area) => area.points))
        .find((point) => point.opinions.some((entry) => entry.text === opinion))!.text;
    const add = async (point: string, action: string, days: number) => {
      await page.getByRole('combobox', { name: 'Ý kiến đã tiếp thu' }).click();
      await page.getByRole('option', { name: point }).click();
      await page.getByLabel('Nội dung khắc phục').fill(action);
      await page.getByLabel('Thời hạn').fill(dayAfter(days));
      await page.getByRole('button', { name: 'Thêm việc khắc phục' }).click();
      await expect
        .poll(() => page.getByTestId('remediation-item').filter({ hasText: action }).count())
        .toBe(1);
    };
    await add(await pointText(ORAL.shortcoming), MEMBER_ACTION, 30);
    await add(await pointText(ORAL.collective), CELL_ACTION, 14);
    await checkPage(page, 'kế hoạch khắc phục');

    const phone = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    await phone.goto(`${server.baseUrl}/giam-sat#${code}`);
    await expect.poll(() => phone.getByText(MEMBER_ACTION, { exact: false }).count()).toBe(1);
    await checkPage(phone, 'trang giám sát trên điện thoại');
    const cellItem = phone.getByRole('region').filter({ hasText: CELL_ACTION });
    await cellItem.getByLabel('Ý kiến của bạn về việc này').fill(COMMENT);
    await cellItem.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await expect.poll(() => phone.getByText('Đã gửi ý kiến của bạn', { exact: false }).count()).toBe(1);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.close();

    // S6: anonymous comments are released the next day, all of a day's together.
    await releaseAnonymousComments(server.app.db, new Date(Date.now() + 24 * 60 * 60_000));
    await page.reload();
    await page.getByRole('tab', { name: 'Kế hoạch khắc phục' }).click();
    const committeeItem = page.getByTestId('remediation-item').filter({ hasText: CELL_ACTION });
    await expect.poll(() => committeeItem.getByText(COMMENT, { exact: false }).count()).toBe(1);
    await committeeItem.getByLabel('Trả lời của cấp ủy').fill(ANSWER);
    await committeeItem.getByRole('button', { name: 'Trả lời' }).click();
    await expect
      .poll(() => committeeItem.getByText('Cấp ủy trả lời', { exact: false }).textContent())
      .toContain(ANSWER);

    const member = await (await browser.newContext()).newPage();
    await signIn(member, server.baseUrl, 'dangvien', DEMO_PASSWORD);
    await member.getByRole('link', { name: 'Kế hoạch khắc phục' }).click();
    const mine = member.getByTestId('remediation-item').filter({ hasText: MEMBER_ACTION });
    await mine.getByLabel('Ghi chú tiến độ').fill(DONE_NOTE);
    await mine.getByRole('combobox', { name: 'Tình trạng' }).click();
    await member.getByRole('option', { name: 'Đã hoàn thành' }).click();
    await mine.getByRole('button', { name: 'Ghi tiến độ' }).click();
    await expect.poll(() => mine.getByText(DONE_NOTE, { exact: false }).count()).toBe(1);
    await checkPage(member, 'kế hoạch khắc phục của đảng viên');
    await expect.poll(() => mine.getByText('Đã hoàn thành', { exact: true }).count()).toBeGreaterThan(0);
    await member.close();
  });

  it('8. the cell reports, the base reports late, and the bloc sees one late and one missing report', async () => {
    const submit = async (username: string, organization: string, results: string) => {
      const page = await browser.newPage();
      await signIn(page, server.baseUrl, username, DEMO_PASSWORD);
      await page.goto(`${server.baseUrl}/bao-cao?planId=${planId}`);
      await page.getByRole('link', { name: `Mở báo cáo của ${organization}` }).click();
      await page.getByRole('heading', { name: `Báo cáo của ${organization}` }).waitFor();
      await checkPage(page, `báo cáo của ${organization}`);
      await page.getByLabel('Đánh giá kết quả').fill(results);
      // Issue 11: a section left empty refuses the submission, naming each section; nothing is sent.
      await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
      const refusal = page.getByRole('dialog', { name: 'Chưa nộp được báo cáo' });
      await refusal.waitFor();
      const refused = await refusal.getByRole('listitem').allTextContents();
      expect(refused).toEqual(EMPTY_SECTIONS.map((section) => `Mục “${section}” chưa được viết.`));
      await checkPage(page, `báo cáo của ${organization}, bị từ chối vì còn mục trống`);
      await page.keyboard.press('Escape');
      await refusal.waitFor({ state: 'detached' });
      const organizationId = new URL(page.url()).pathname.split('/').pop()!;
      const draft: ReportDetail = await (
        await page.request.get(api(server, `/plans/${planId}/organizations/${organizationId}/report`))
      ).json();
      expect(draft.status).toBe('draft');
      expect(draft.narrative.results).toBe('');
      expect(await page.getByText(/^Đã nộp ngày/).count()).toBe(0);

      await page.getByLabel('Ưu điểm').fill('Nghiêm túc, đúng quy trình.');
      await page.getByLabel('Hạn chế').fill('Số quần chúng dự họp chưa đông.');
      await page.getByLabel('Đề xuất, kiến nghị').fill('Không có.');
      await page.getByRole('button', { name: 'Nộp báo cáo' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nộp báo cáo' });
      await dialog.getByRole('button', { name: 'Nộp báo cáo' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText(/^Đã nộp ngày \d{2}\/\d{2}\/\d{4}$/).waitFor();
      await expect.poll(() => page.getByText('Trễ hạn', { exact: true }).count()).toBeGreaterThan(0);
      return page;
    };
    await (await submit('chiuy.vp', CELL, 'Chi bộ đã tổ chức buổi tự phê bình trước quần chúng.')).close();
    const base = await submit('capuy.syt', HEALTH, 'Đảng bộ đã tổ chức các buổi theo kế hoạch.');
    await base.close();

    const page = await browser.newPage();
    await signIn(page, server.baseUrl, 'bantochuc', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await page.getByText(`Tổ chức nhận báo cáo: ${BLOC}`).waitFor();
    await expect.poll(() => stateOf(page, HEALTH).textContent()).toBe('Trễ hạn');
    await expect.poll(() => stateOf(page, 'Đảng bộ Sở Giáo dục và Đào tạo').textContent()).toBe('Chưa nộp');
    await page.getByText('Trễ hạn: 1', { exact: true }).waitFor();
    await checkPage(page, 'danh sách báo cáo');
    await expect.poll(() => page.getByText(/^Chưa nộp: [1-9]\d*$/).count()).toBe(1);
    await page.close();
  });

  it('9. the bloc’s upward report equals the sums of its children and own workplaces, and downloads as DOCX, PDF and XLSX', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'bantochuc', DEMO_PASSWORD);
    await page.goto(`${server.baseUrl}/bao-cao?planId=${planId}`);
    await page.getByRole('link', { name: `Mở báo cáo của ${BLOC}` }).click();
    await page.getByRole('heading', { name: `Báo cáo của ${BLOC}` }).waitFor();
    await page.getByRole('link', { name: 'Tải DOCX' }).waitFor();
    await checkPage(page, 'báo cáo của Đảng ủy Khối');

    const bloc = new URL(page.url()).pathname.split('/').pop()!;
    const report: ReportDetail = await (
      await page.request.get(api(server, `/plans/${planId}/organizations/${bloc}/report`))
    ).json();
    expect(report.organization.name).toBe(BLOC);
    const children = report.children.reduce<ReportFiguresView>(
      (sum, child) => addFigures(sum, child.figures),
      zeroFigures(),
    );
    expect(report.figures).toEqual(addFigures(children, report.ownWorkplaces));
    expect(report.sumMatches).toBe(true);
    const health = report.children.find((child) => child.organization.name === HEALTH)!;
    expect(health.state).toBe('late');
    // What the story put in: one meeting held, its opinions (one dissenting), points and items.
    expect(report.figures).toMatchObject({
      workplacesHeld: 1,
      massesPresent: MASSES,
      opinions: 4,
      opinionsDissenting: 1,
      remediationItems: 2,
      remediationDone: 1,
    });
    expect(report.figures.opinionsByChannel).toMatchObject({ oral: 3, phone: 1 });
    expect(report.figures.pointsCollective).toBeGreaterThanOrEqual(1);
    expect(report.figures.pointsIndividual).toBeGreaterThanOrEqual(1);
    // The page shows the same figures.
    const general = page.getByRole('table').filter({ hasText: 'Số liệu chung' });
    const shown = async (label: string) =>
      (
        await general
          .getByRole('row')
          .filter({ hasText: label })
          .first()
          .getByRole('cell')
          .last()
          .textContent()
      )?.trim();
    expect(await shown('Đã tổ chức')).toBe(String(report.figures.workplacesHeld));
    expect(await shown('Ý kiến đóng góp')).toBe(String(report.figures.opinions));
    expect(await shown('Ý kiến trái chiều')).toBe('1');
    expect(await shown('Việc khắc phục đã hoàn thành')).toBe('1');
    expect(await page.getByText('Số liệu của báo cáo không bằng tổng', { exact: false }).count()).toBe(0);
    expect(report.children.length).toBeGreaterThanOrEqual(2);
    await page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: HEALTH, exact: true }) })
      .waitFor();

    const docx = await downloadFrom(page, 'Tải DOCX');
    expect(docx.type).toBe(DOCX);
    expect(docxParagraphs(await documentXml(docx.content)).join('\n')).toContain('BÁO CÁO');
    const pdf = await downloadFrom(page, 'Tải PDF');
    expect(pdf.type).toBe('application/pdf');
    expect((await pdfLines(pdf.content)).join('\n')).toContain('BÁO CÁO');
    const xlsx = await downloadFrom(page, 'Tải số liệu (Excel)');
    expect(xlsx.type).toBe(XLSX);
    const workbook = await workbookOf(xlsx.content);
    expect(workbook.worksheets.length).toBeGreaterThan(0);
    let cells = 0;
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          cells++;
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        }),
      );
    }
    expect(cells).toBeGreaterThan(0);
    await context.close();
  });

  it('10. at year end the members workbook lists dangvien with their done item', async () => {
    const page = committeePage;
    await page.goto(server.baseUrl);
    await page.getByRole('link', { name: 'Tổng kết năm' }).click();
    await page.getByRole('heading', { name: 'Tổng kết năm' }).waitFor();
    const members = page.getByRole('table', { name: 'Kết quả của từng đảng viên' });
    await members.getByText(memberName).first().waitFor();
    await checkPage(page, 'tổng kết năm');
    const downloaded: Promise<Download> = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Tải danh sách đảng viên (Excel)' }).click();
    const workbook = await workbookOf(await readFile((await (await downloaded).path())!));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(HEADER_ROW).values).toEqual([undefined, ...MEMBER_HEADERS]);
    const column = (header: string) => MEMBER_HEADERS.indexOf(header) + 1;
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((row, number) => {
      if (number > HEADER_ROW && row.getCell(column('Họ và tên')).value === memberName) found = row;
    });
    expect(found).toBeDefined();
    expect(found!.getCell(column('Chi bộ')).value).toBe(CELL);
    expect(found!.getCell(column('Việc khắc phục đã hoàn thành')).value).toBe(1);
    expect(found!.getCell(column('Việc khắc phục chưa hoàn thành')).value).toBe(0);
  });
});
