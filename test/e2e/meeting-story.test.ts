import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveView, OpinionEntry } from '../../src/contract/feedback.js';
import type { MinutesView } from '../../src/contract/minutes.js';
import { documentXml, docxParagraphs, pdfLines } from '../../src/documents/read-exports.js';
import { vietnamDate } from '../../src/domain/meetings.js';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import { MINUTES_LOCKED_MESSAGE } from '../../src/server/http/error-handler.js';
import { codesOnSheet } from '../../src/server/phone-forms/test-helpers.js';
import {
  api,
  downloadFrom,
  type E2eServer,
  launchBrowser,
  OFFICE,
  publishDemoPlan,
  signIn,
  startServer,
} from './support.js';

/**
 * Issue 5's "Done means", in order, on the demo data: one cell's meeting from scheduling to the
 * signed, locked minutes. Each `it` continues where the previous one left off.
 */

const DAY = 24 * 60 * 60_000;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ABSENCE_REASON = 'Đi công tác tại Cần Thơ theo quyết định của Sở';
const MASSES = 9;
const ORAL = {
  strength: 'Đồng chí giải quyết hồ sơ đúng hẹn, tận tình với người dân.',
  dissenting: 'Tôi không đồng ý: hồ sơ tháng Tám vẫn trễ hẹn ba ngày.',
  collective: 'Chi bộ cần họp định kỳ đúng ngày và thông báo trước cho quần chúng.',
};
const PHONE = ['Phiếu điện thoại thứ nhất.', 'Phiếu điện thoại thứ hai.', 'Phiếu điện thoại thứ ba.'];
const PAPER = 'Phiếu giấy: đồng chí giữ gìn tài sản cơ quan cẩn thận.';
const EDITED = 'Sửa sau khi đã ký biên bản.';

const dayAfter = (days: number) => vietnamDate(new Date(Date.now() + days * DAY));
/** yyyy-mm-dd as the form's dd/mm/yyyy. */
const typed = (isoDate: string) => isoDate.split('-').reverse().join('/');

const focused = (page: Page, name: string) =>
  page
    .getByRole('form', { name: 'Ghi ý kiến phát biểu' })
    .getByRole('radio', { name, exact: true })
    .evaluate((element) => element === document.activeElement);

/**
 * Types an opinion with the keyboard from the kind, where the cursor waits: Space picks "Ưu điểm",
 * Tab and Space the first area, Tab the text, then speaker, dissenting mark, Ctrl+Enter.
 */
async function typeOpinion(
  page: Page,
  text: string,
  options: { speaker?: string; dissenting?: boolean } = {},
) {
  await expect.poll(() => focused(page, 'Ưu điểm')).toBe(true);
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  const box = page.getByLabel('Nội dung ý kiến');
  await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
  if (options.speaker) await page.keyboard.type(options.speaker);
  if (options.dissenting) {
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
  }
  await page.keyboard.press('Control+Enter');
  // Saved: the box is empty and the cursor is back on the kind, ready for the next opinion.
  await expect.poll(() => box.inputValue()).toBe('');
  await expect.poll(() => focused(page, 'Ưu điểm')).toBe(true);
}

describe('issue 5 in the browser: a cell meeting from scheduling to signed, locked minutes', () => {
  let server: E2eServer;
  let browser: Browser;
  let planId = '';
  let workplaceId = '';
  let meetingId = '';
  let committee: BrowserContext;
  let secretary: BrowserContext;
  let committeePage: Page;
  let secretaryPage: Page;
  let codes: string[] = [];
  let memberNames: string[] = [];
  const meetingDay = dayAfter(1);

  const meetingUrl = () => `${server.baseUrl}/ke-hoach/${planId}/co-quan/${workplaceId}/hop`;
  const liveUrl = () => `${server.baseUrl}/hop/${meetingId}/truc-tiep`;
  const live = async (): Promise<LiveView> =>
    (await committeePage.request.get(api(server, `/meetings/${meetingId}/live`))).json();
  const entryWith = async (text: string): Promise<OpinionEntry | undefined> =>
    (await live()).entries.find((entry) => entry.text === text);

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    planId = (
      await publishDemoPlan(browser, server, {
        number: '05',
        place: 'Trà Vinh',
        meetingsDueOn: dayAfter(10),
        baseReportsDueOn: dayAfter(15),
        upwardReportDueOn: dayAfter(20),
      })
    ).id;

    committee = await browser.newContext({ acceptDownloads: true });
    committeePage = await committee.newPage();
    await signIn(committeePage, server.baseUrl, 'chiuy.vp', DEMO_PASSWORD);
    secretary = await browser.newContext({ acceptDownloads: true });
    secretaryPage = await secretary.newPage();
    await signIn(secretaryPage, server.baseUrl, 'thuky', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('1. the cell committee is refused a two-day meeting, then schedules a one-day one', async () => {
    const page = committeePage;
    await page.goto(`${server.baseUrl}/ke-hoach/${planId}?tab=co-quan`);
    await page.getByRole('link', { name: `Buổi họp của ${OFFICE}` }).click();
    await page
      .getByRole('heading', { name: `Buổi tự phê bình và phê bình trước quần chúng: ${OFFICE}` })
      .waitFor();
    workplaceId = new URL(page.url()).pathname.split('/')[4]!;
    const form = page.getByRole('form', { name: 'Lập lịch họp' });
    const endDate = form.getByRole('textbox', { name: 'Ngày kết thúc (nếu khác ngày họp)', exact: true });
    await form.getByRole('textbox', { name: 'Ngày họp', exact: true }).fill(typed(meetingDay));
    await form.getByRole('textbox', { name: 'Giờ bắt đầu', exact: true }).fill('08:00');
    await endDate.fill(typed(dayAfter(2)));
    await form.getByRole('textbox', { name: 'Giờ kết thúc', exact: true }).fill('11:30');
    await form.getByRole('textbox', { name: 'Địa điểm', exact: true }).fill('Hội trường Sở Y tế');
    await form.getByRole('textbox', { name: 'Người chủ trì', exact: true }).fill('Bí thư Chi bộ Văn phòng');
    await form.getByRole('combobox', { name: 'Tài khoản người chủ trì (nếu có)', exact: true }).click();
    await page.getByRole('option', { name: /\(chiuy\.vp[,)]/ }).click();
    await form.getByRole('combobox', { name: 'Thư ký', exact: true }).click();
    await page.getByRole('option', { name: /\(thuky\)/ }).click();
    await form
      .getByRole('textbox', { name: 'Đại biểu dự họp', exact: true })
      .fill('Đồng chí Ủy viên Ban Thường vụ Đảng ủy Sở Y tế');
    await form.getByRole('button', { name: 'Lập lịch họp' }).click();
    await form
      .getByText('Buổi tự phê bình và phê bình chỉ tổ chức trong một ngày', { exact: false })
      .waitFor();

    await endDate.fill('');
    await form.getByRole('button', { name: 'Lập lịch họp' }).click();
    const header = page.getByTestId('meeting-header');
    await header.waitFor();
    expect(await header.textContent()).toContain(typed(meetingDay));
    expect(await header.textContent()).toContain('08:00–11:30');
    const meeting = await (
      await page.request.get(api(server, `/plans/${planId}/workplaces/${workplaceId}/meeting`))
    ).json();
    meetingId = meeting.id;
    expect(meeting).toMatchObject({ chairName: 'Bí thư Chi bộ Văn phòng' });
    expect(meeting.chairAccountId).toBeTruthy();
  });

  it('2. marks attendance: one member absent with a valid reason, the masses present counted', async () => {
    const page = committeePage;
    await page.getByRole('tab', { name: 'Điểm danh' }).click();
    const rows = page.getByTestId('attendance-row');
    await rows.first().waitFor();
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(2);
    // The last member is away; the first is the cell's secretary, who chairs and signs.
    const absent = rows.nth(count - 1);
    await absent.getByRole('radio', { name: 'Vắng mặt' }).check();
    await absent.getByLabel(/^Lý do vắng mặt của /).fill(ABSENCE_REASON);
    await absent.getByRole('radio', { name: 'Chính đáng', exact: true }).check();
    for (let index = 0; index < count - 1; index++) {
      await rows.nth(index).getByRole('radio', { name: 'Có mặt' }).check();
    }
    await page.getByRole('textbox', { name: 'Số quần chúng dự họp', exact: true }).fill(String(MASSES));
    await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
    await page.getByText('Đã lưu điểm danh.').waitFor();

    const attendance = await (
      await page.request.get(api(server, `/meetings/${meetingId}/attendance`))
    ).json();
    const away = attendance.members.filter((member: { present: boolean }) => member.present === false);
    expect(away).toHaveLength(1);
    expect(away[0]).toMatchObject({ absenceReason: ABSENCE_REASON, absenceReasonValid: true });
    expect(attendance.members.filter((member: { present: boolean }) => member.present)).toHaveLength(
      count - 1,
    );
    expect(attendance.massesPresent).toBe(MASSES);
    memberNames = attendance.members.map((member: { fullName: string }) => member.fullName);
  });

  it('3. the secretary walks the agenda and types opinions by keyboard; the chair sees them', async () => {
    await secretaryPage.goto(liveUrl());
    await committeePage.goto(liveUrl());
    await secretaryPage.getByRole('button', { name: 'Bắt đầu buổi họp' }).click();
    await expect
      .poll(() => secretaryPage.getByTestId('opening-masses').textContent())
      .toContain(String(MASSES));
    await expect
      .poll(() => committeePage.getByTestId('opening-members').textContent())
      .toContain('vắng mặt 1');
    await secretaryPage.getByRole('button', { name: 'Sang phần (2) Nội dung' }).click();
    const current = secretaryPage.getByTestId('current-member');
    await current.waitFor();
    await expect.poll(() => committeePage.getByTestId('current-member').isVisible()).toBe(true);
    // The content step walks the members one at a time; the opinions here are about the second one.
    const first = await current.getByRole('heading').textContent();
    await secretaryPage.getByRole('button', { name: 'Đảng viên sau' }).click();
    await expect.poll(() => current.getByRole('heading').textContent()).not.toBe(first);

    await secretaryPage.getByRole('radio', { name: 'Ưu điểm', exact: true }).focus();
    await typeOpinion(secretaryPage, ORAL.strength, { speaker: 'Bà Trần Thị Hoa' });
    await typeOpinion(secretaryPage, ORAL.dissenting, { dissenting: true });
    // The collective, by keyboard: from the kind back to "Góp ý cho", the next choice, then forward again.
    await secretaryPage.keyboard.press('Shift+Tab');
    await secretaryPage.keyboard.press('ArrowRight');
    expect(await secretaryPage.getByRole('radio', { name: 'Tập thể chi bộ' }).isChecked()).toBe(true);
    await secretaryPage.keyboard.press('Tab');
    await typeOpinion(secretaryPage, ORAL.collective, { speaker: 'Ông Lê Văn Nam' });

    for (const text of Object.values(ORAL)) {
      await expect.poll(() => committeePage.getByText(text).count()).toBe(1);
    }
    const strength = await entryWith(ORAL.strength);
    expect(strength).toMatchObject({ speakerName: 'Bà Trần Thị Hoa', channel: 'oral', dissenting: false });
    expect(strength?.selfCriticismId).toBeTruthy();
    expect(await entryWith(ORAL.dissenting)).toMatchObject({ dissenting: true, speakerName: null });
    expect(await entryWith(ORAL.collective)).toMatchObject({
      selfCriticismId: null,
      speakerName: 'Ông Lê Văn Nam',
    });
    const dissentingCard = committeePage.locator(
      `[data-entry-id="${(await entryWith(ORAL.dissenting))!.id}"]`,
    );
    await dissentingCard.getByText('Trái chiều').waitFor();
  });

  it('4. the committee prints the pre-filled forms and a QR sheet, and opens the form window', async () => {
    const page = committeePage;
    await page.goto(meetingUrl());
    await page.getByRole('tab', { name: 'Phiếu giấy và góp ý ghi tên' }).click();
    const docx = await downloadFrom(page, 'Phiếu theo từng đảng viên (DOCX)');
    expect(docx.type).toBe(DOCX);
    const docxText = docxParagraphs(await documentXml(docx.content)).join('\n');
    expect(docxText).toContain('PHIẾU GHI Ý KIẾN ĐÓNG GÓP');
    for (const name of memberNames) expect(docxText).toContain(name);
    const pdf = await downloadFrom(page, 'Phiếu theo từng đảng viên (PDF)');
    expect(pdf.type).toBe('application/pdf');
    const pdfText = (await pdfLines(pdf.content)).join('\n');
    expect(pdfText).toContain('PHIẾU GHI Ý KIẾN ĐÓNG GÓP');
    for (const name of memberNames) expect(pdfText).toContain(name);

    await page.getByRole('tab', { name: 'Phiếu qua điện thoại' }).click();
    const count = page.getByLabel('Số mã cần in');
    await expect.poll(() => count.inputValue()).toBe(String(MASSES));
    await count.fill('3');
    const sheet = page.waitForResponse((response) => response.url().endsWith('/phone-codes/sheet.pdf'));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'In mã QR' }).click();
    expect((await sheet).headers()['content-type']).toBe('application/pdf');
    codes = await codesOnSheet(await readFile((await (await download).path())!));
    expect(codes).toHaveLength(3);
    await page.getByText('Đã cấp 3 mã cho buổi họp này.').waitFor();
    await page.getByRole('button', { name: 'Mở nhận phiếu' }).click();
    await page.getByText(/^Đang nhận phiếu, tự đóng lúc/).waitFor();
  });

  it('5. three phones send forms by code, and the secretary types in a paper form', async () => {
    for (const [index, code] of codes.entries()) {
      const phone = await browser.newContext({
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      const page = await phone.newPage();
      await page.goto(`${server.baseUrl}/phieu#${code}`);
      await page.getByText(OFFICE).waitFor();
      await page.getByText(/Phiếu này ẩn danh/).waitFor();
      const name = memberNames[index % memberNames.length]!;
      await page.getByRole('button', { name: `Góp ý cho đồng chí ${name}` }).click();
      const form = page.getByRole('form', { name: `Phiếu góp ý cho đồng chí ${name}` });
      await form
        .getByRole('group', { name: 'I- VỀ ƯU ĐIỂM' })
        .getByLabel('3. Thực hiện chức trách (nhiệm vụ được giao)')
        .fill(PHONE[index]!);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await form.getByRole('button', { name: `Gửi phiếu góp ý cho đồng chí ${name}` }).click();
      await page.getByText(`✓ Đã gửi phiếu góp ý cho đồng chí ${name}.`).waitFor();
      await phone.close();
    }

    const page = secretaryPage;
    await page.goto(meetingUrl());
    await page.getByRole('tab', { name: 'Phiếu giấy và góp ý ghi tên' }).click();
    const form = page.getByRole('form', { name: 'Nhập phiếu góp ý trên giấy' });
    await form.getByRole('combobox', { name: 'Đảng viên được góp ý' }).click();
    await page.getByRole('option', { name: memberNames[0]!, exact: true }).click();
    await form.getByLabel('Ưu điểm — 2. Phẩm chất, đạo đức, lối sống').fill(PAPER);
    await form.getByRole('button', { name: 'Lưu phiếu giấy' }).click();
    await page.getByText('Đã nhập phiếu góp ý.').waitFor();
    const listed = page.getByTestId('written-forms');
    await listed.getByText(PAPER, { exact: false }).waitFor();
    expect(await listed.textContent()).toContain('Phiếu giấy');
    // A form without its writer's name is listed apart, counted.
    expect(await listed.textContent()).toContain('Phiếu không ghi tên: 1');
    // Anonymous phone forms are held back until the window closes: none is listed to anyone yet.
    for (const text of PHONE) expect(await page.getByText(text).count()).toBe(0);
  });

  it('6. the committee closes the window and sees the three anonymous forms', async () => {
    const page = committeePage;
    await page.goto(meetingUrl());
    await page.getByRole('tab', { name: 'Phiếu qua điện thoại' }).click();
    await page.getByText('Phiếu ẩn danh chỉ hiện sau khi đóng cửa sổ nhận phiếu').waitFor();
    for (const text of PHONE) expect(await page.getByText(text).count()).toBe(0);
    await page.getByRole('button', { name: 'Đóng cửa sổ nhận phiếu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đóng cửa sổ nhận phiếu' });
    await dialog.getByRole('button', { name: 'Đóng cửa sổ nhận phiếu' }).click();
    await page
      .getByText('3 phiếu ẩn danh qua điện thoại, công bố cùng một lúc, xếp theo thứ tự ngẫu nhiên')
      .waitFor();
    for (const text of PHONE) await page.getByText(text).waitFor();
    // S6, small groups: the member with one anonymous form gets one merged list, not "Phiếu 1".
    const sole = page.getByRole('region', { name: `Ý kiến ẩn danh về đồng chí ${memberNames[1]}` });
    await sole.getByText('Nhóm nhỏ: các ý kiến được gộp').waitFor();
    expect(await sole.getByText('Phiếu 1').count()).toBe(0);
  });

  it('7. the secretary ends the meeting and the three parties sign; the minutes lock with a hash', async () => {
    const page = secretaryPage;
    await page.goto(liveUrl());
    await page.getByRole('button', { name: 'Sang phần (3) Kết thúc' }).click();
    await page.getByRole('button', { name: 'Kết thúc buổi họp' }).click();
    await page.getByText('Buổi họp đã kết thúc').waitFor();

    // The chair starts correcting an opinion on their device before the minutes are signed.
    const entry = (await entryWith(ORAL.strength))!;
    await committeePage.goto(liveUrl());
    const card = committeePage.locator(`[data-entry-id="${entry.id}"]`);
    await card.getByRole('button', { name: 'Sửa' }).click();
    await card.getByLabel('Nội dung ý kiến').fill(EDITED);

    await page.goto(meetingUrl());
    await page.getByRole('tab', { name: 'Biên bản' }).click();
    const document = page.getByTestId('minutes-document');
    await document.waitFor();
    for (const text of [...Object.values(ORAL), PAPER, ...PHONE]) {
      await document.getByText(text, { exact: false }).waitFor();
    }
    expect(await document.textContent()).toContain(ABSENCE_REASON);
    // The secretary numbers the minutes from the cell's register before they are signed.
    const draft = page.getByRole('form', { name: 'Lời văn của biên bản' });
    await draft.getByLabel('Số biên bản (theo sổ văn bản của chi bộ)').fill('05');
    await draft.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await page.getByText('Đã lưu dự thảo biên bản.').waitFor();

    const signers = [
      { capacity: 'Chủ trì', username: 'chiuy.vp' },
      { capacity: 'Thư ký', username: 'thuky' },
      { capacity: 'Đại diện quần chúng', username: 'quanchung' },
    ];
    for (const { capacity, username } of signers) {
      await page.getByRole('button', { name: `Ký: ${capacity}`, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Ký: ${capacity}` });
      await dialog.getByLabel('Tên đăng nhập của người ký').fill(username);
      await dialog.getByLabel('Mật khẩu của người ký').fill(DEMO_PASSWORD);
      await dialog.getByRole('button', { name: 'Ký' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    await page.getByText('Đã khóa', { exact: true }).waitFor();
    const view: MinutesView = await (
      await page.request.get(api(server, `/meetings/${meetingId}/minutes`))
    ).json();
    expect(view.locked).toBe(true);
    expect(view.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await page.getByTestId('minutes-hash').textContent()).toBe(view.contentHash);
    expect(view.signatures.map((signature) => signature.method)).toEqual(['account', 'account', 'account']);
    // Nothing left to sign or withdraw once locked.
    await expect
      .poll(() => page.getByRole('button', { name: /^(Ký|Ký trên giấy|Rút chữ ký): / }).count())
      .toBe(0);
    await page.getByRole('button', { name: 'Lập phụ lục' }).waitFor();
  });

  it('8. the signed minutes cannot be changed (the database refuses), and download as DOCX and PDF', async () => {
    // The chair's edit, opened before the lock, is saved after it: the database refuses it.
    const entry = (await entryWith(ORAL.strength))!;
    const card = committeePage.locator(`[data-entry-id="${entry.id}"]`);
    await card.getByRole('button', { name: 'Lưu sửa đổi' }).click();
    await expect.poll(() => card.getByRole('alert').textContent()).toContain(MINUTES_LOCKED_MESSAGE);
    // A page opened after the lock says so and offers no way to record or edit opinions.
    await secretaryPage.goto(liveUrl());
    await secretaryPage.getByTestId('minutes-locked-notice').waitFor();
    await secretaryPage.getByText(ORAL.strength).waitFor();
    expect(await secretaryPage.getByRole('button', { name: 'Sửa' }).count()).toBe(0);
    expect(await secretaryPage.getByRole('form', { name: 'Ghi ý kiến phát biểu' }).count()).toBe(0);
    await secretaryPage.goto(meetingUrl());
    await secretaryPage.getByRole('tab', { name: 'Phiếu giấy và góp ý ghi tên' }).click();
    await secretaryPage.getByTestId('paper-forms-locked').waitFor();
    expect(await secretaryPage.getByRole('form', { name: 'Nhập phiếu góp ý trên giấy' }).count()).toBe(0);

    const edited = await secretaryPage.request.put(api(server, `/feedback/${entry.id}`), {
      data: {
        selfCriticismId: entry.selfCriticismId,
        area: entry.area,
        kind: entry.kind,
        text: EDITED,
        speakerName: entry.speakerName,
        dissenting: entry.dissenting,
        version: entry.version,
      },
    });
    expect(edited.status()).toBe(409);
    expect((await edited.json()).error.message).toBe(MINUTES_LOCKED_MESSAGE);
    const removed = await secretaryPage.request.delete(
      api(server, `/feedback/${entry.id}?version=${entry.version}`),
    );
    expect(removed.status()).toBe(409);
    expect((await removed.json()).error.message).toBe(MINUTES_LOCKED_MESSAGE);
    expect(await entryWith(ORAL.strength)).toMatchObject({ id: entry.id, version: entry.version });
    expect(await entryWith(EDITED)).toBeUndefined();

    const attendance = await (
      await committeePage.request.get(api(server, `/meetings/${meetingId}/attendance`))
    ).json();
    const awayId = attendance.members.find((m: { present: boolean }) => m.present === false).selfCriticismId;
    const told = await committeePage.request.post(
      api(server, `/meetings/${meetingId}/attendance/${awayId}/told`),
      { data: { note: 'Đã gặp trực tiếp' } },
    );
    // Telling the absent member the feedback about them comes after the signing, and is still allowed.
    expect(told.status(), await told.text()).toBe(200);
    expect(
      (await told.json()).members.find((m: { selfCriticismId: string }) => m.selfCriticismId === awayId),
    ).toMatchObject({ toldNote: 'Đã gặp trực tiếp' });
    const view: MinutesView = await (
      await committeePage.request.get(api(server, `/meetings/${meetingId}/minutes`))
    ).json();
    await committeePage.goto(meetingUrl());
    await committeePage.getByRole('tab', { name: 'Biên bản' }).click();
    const docx = await downloadFrom(committeePage, 'Tải biên bản (DOCX)');
    expect(docx.type).toBe(DOCX);
    const docxText = docxParagraphs(await documentXml(docx.content)).join('\n');
    expect(docxText).toContain('BIÊN BẢN');
    expect(docxText).toContain('Số 05-BB/CB');
    expect(docxText).not.toContain('DỰ THẢO');
    expect(docxText).toContain(view.contentHash!);
    const pdf = await downloadFrom(committeePage, 'Tải biên bản (PDF)');
    expect(pdf.type).toBe('application/pdf');
    const pdfText = (await pdfLines(pdf.content)).join('\n');
    expect(pdfText).toContain('BIÊN BẢN');
    expect(pdfText.replace(/\s/g, '')).toContain(view.contentHash!);
    expect(pdfText.replace(/\s+/g, ' ')).toContain(ORAL.collective);
  });
});
