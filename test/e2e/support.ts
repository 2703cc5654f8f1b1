import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { type APIRequestContext, type Browser, chromium, type Download, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { loadPgliteSnapshot } from '../../src/db/pglite-snapshot.js';
import type { PlanDeadlines } from '../../src/domain/plans.js';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { DEMO_PASSWORD, DEMO_USERNAMES } from '../../src/server/demo/accounts.js';
import { loadDemo } from '../../src/server/demo/load.js';
import type { App } from '../../src/server/http/types.js';
import { backdatePlan, hasPastDeadline } from '../../src/server/plans/backdate-support.js';

export interface E2eServer {
  app: App;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real server with the built web app and the demo organization, on an ephemeral port. */
export async function startServer(): Promise<E2eServer> {
  const snapshot = process.env.TEST_PGLITE_SNAPSHOT;
  const database = await openDatabase({
    kind: 'pglite',
    snapshot: snapshot ? loadPgliteSnapshot(snapshot) : undefined,
  });
  await loadDemo(database.db);
  const app = await buildApp({ config: testConfig({ LOG_LEVEL: 'warn' }), db: database.db });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Debian's Chromium, headless, with the flags this machine needs (no network beyond loopback). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

/** The demo's bloc, whose organization board (bantochuc) publishes the plans. */
export const BLOC = 'Đảng ủy Khối các cơ quan và doanh nghiệp';
/** The demo workplace that must hold a meeting (dangvien and quanchung work there). */
export const OFFICE = 'Văn phòng Sở Y tế';

export const api = (server: E2eServer, path: string) => `${server.baseUrl}/api/v1${path}`;

/** A new page of `browser` signed in as `username` (demo password). */
export async function signedInPage(browser: Browser, server: E2eServer, username: string): Promise<Page> {
  const page = await browser.newPage();
  await signIn(page, server.baseUrl, username, DEMO_PASSWORD);
  return page;
}

export interface DemoPlan {
  id: string;
  version: number;
  meetingsDueOn: string;
}

/**
 * The demo has no published plan: bantochuc creates the bloc's plan for `year` from the template,
 * with `fields` over it, and publishes it.
 */
export async function publishDemoPlan(
  browser: Browser,
  server: E2eServer,
  fields: Record<string, unknown>,
  year = 2026,
): Promise<DemoPlan> {
  const board = await signedInPage(browser, server, 'bantochuc');
  const roots = await (await board.request.get(api(server, '/organizations'))).json();
  const bloc = roots.items.find((organization: { name: string }) => organization.name === BLOC);
  const template = await board.request.get(
    api(server, `/plans/template?organizationId=${bloc.id}&year=${year}`),
  );
  // Deadlines already past cannot be published (issue 11): the plan is published with the
  // template's dates, still ahead, then given the past ones as if time had passed since.
  const proposed = (await template.json()) as DemoPlan & Record<string, unknown>;
  const past = hasPastDeadline(fields as Partial<PlanDeadlines>);
  const created = await board.request.post(api(server, '/plans'), {
    data: {
      ...proposed,
      place: 'Trà Vinh',
      signerName: 'Nguyễn Văn Ký',
      ...fields,
      ...(past
        ? {
            meetingsDueOn: proposed.meetingsDueOn,
            baseReportsDueOn: proposed.baseReportsDueOn,
            upwardReportDueOn: proposed.upwardReportDueOn,
          }
        : {}),
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const plan = (await created.json()) as DemoPlan;
  const published = await board.request.post(api(server, `/plans/${plan.id}/publish`), {
    data: { version: plan.version },
  });
  expect(published.status(), await published.text()).toBe(200);
  if (past) {
    await backdatePlan(server.app.db, plan.id, fields as Partial<PlanDeadlines>);
    plan.meetingsDueOn = (fields as Partial<PlanDeadlines>).meetingsDueOn ?? plan.meetingsDueOn;
  }
  await board.close();
  return plan;
}

/** A demo account's id, as the administrator finds it. */
export async function demoAccountId(browser: Browser, server: E2eServer, username: string): Promise<string> {
  const admin = await signedInPage(browser, server, 'admin');
  const accounts = await (await admin.request.get(api(server, `/accounts?q=${username}`))).json();
  const account = accounts.items.find((item: { username: string }) => item.username === username);
  await admin.close();
  return account.id;
}

/** dangvien's self-criticism under the published plan, and their workplace (Văn phòng Sở Y tế). */
export async function demoMember(
  browser: Browser,
  server: E2eServer,
): Promise<{ workplaceId: string; selfCriticismId: string }> {
  const member = await signedInPage(browser, server, 'dangvien');
  const mine = await (await member.request.get(api(server, '/self-criticisms/mine'))).json();
  await member.close();
  return { workplaceId: mine.items[0].workplaceId, selfCriticismId: mine.items[0].id };
}

/**
 * The workplace's committee (the request of a page signed in as chiuy.vp) schedules its meeting on
 * `day`, 08:00–11:00 at the Sở Y tế hall unless `fields` say otherwise; returns the meeting's id.
 */
export async function scheduleDemoMeeting(
  request: APIRequestContext,
  server: E2eServer,
  meeting: { planId: string; workplaceId: string; day: string; secretaryAccountId: string },
  fields: Record<string, unknown> = {},
): Promise<string> {
  const scheduled = await request.post(
    api(server, `/plans/${meeting.planId}/workplaces/${meeting.workplaceId}/meeting`),
    {
      data: {
        startsAt: `${meeting.day}T08:00:00+07:00`,
        endsAt: `${meeting.day}T11:00:00+07:00`,
        place: 'Hội trường Sở Y tế',
        chairName: 'Bí thư Chi bộ Văn phòng Sở Y tế',
        secretaryAccountId: meeting.secretaryAccountId,
        ...fields,
      },
    },
  );
  expect(scheduled.status(), await scheduled.text()).toBe(201);
  return (await scheduled.json()).id;
}

/** Marks every member present, with `massesPresent` people of the masses. */
export async function markAllPresent(
  request: APIRequestContext,
  server: E2eServer,
  meetingId: string,
  massesPresent: number,
): Promise<void> {
  const url = api(server, `/meetings/${meetingId}/attendance`);
  const attendance = await (await request.get(url)).json();
  const marked = await request.put(url, {
    data: {
      version: attendance.version,
      members: attendance.members.map((row: { selfCriticismId: string }) => ({
        selfCriticismId: row.selfCriticismId,
        present: true,
      })),
      massesPresent,
    },
  });
  expect(marked.status(), await marked.text()).toBe(200);
}

/** Moves the meeting's agenda to `step` with the meeting's current version. */
export async function moveAgenda(
  request: APIRequestContext,
  server: E2eServer,
  meetingId: string,
  step: string,
): Promise<void> {
  const url = api(server, `/meetings/${meetingId}`);
  const { version } = await (await request.get(url)).json();
  const moved = await request.put(`${url}/agenda`, { data: { step, version } });
  expect(moved.status(), await moved.text()).toBe(200);
}

/** The file a download link gives, with the content type the server sends for it. */
export async function downloadFrom(
  page: Page,
  name: string,
): Promise<{ content: Buffer; type: string | null }> {
  const link = page.getByRole('link', { name, exact: true });
  const href = await link.getAttribute('href');
  const downloaded: Promise<Download> = page.waitForEvent('download');
  await link.click();
  const content = await readFile((await (await downloaded).path())!);
  const served = await page.request.get(`${new URL(page.url()).origin}${href}`);
  expect(served.status()).toBe(200);
  expect(Buffer.from(await served.body()).subarray(0, 4)).toEqual(content.subarray(0, 4));
  return { content, type: served.headers()['content-type'] ?? null };
}

/**
 * For tests that begin after the meeting is scheduled: a published plan, and the Văn phòng Sở Y tế
 * meeting scheduled by its committee chiuy.vp (secretary thuky), with chiuy.vp's page to go on with.
 */
export async function demoScheduledMeeting(
  browser: Browser,
  server: E2eServer,
  planFields: Record<string, unknown>,
) {
  const plan = await publishDemoPlan(browser, server, planFields);
  const secretaryAccountId = await demoAccountId(browser, server, 'thuky');
  const { workplaceId, selfCriticismId } = await demoMember(browser, server);
  const committeePage = await (await browser.newContext()).newPage();
  await signIn(committeePage, server.baseUrl, 'chiuy.vp', DEMO_PASSWORD);
  const meetingId = await scheduleDemoMeeting(
    committeePage.request,
    server,
    { planId: plan.id, workplaceId, day: plan.meetingsDueOn, secretaryAccountId },
    { delegates: [] },
  );
  return {
    committeePage,
    meetingId,
    /** dangvien's self-criticism. */
    dangvien: selfCriticismId,
    meetingPath: `/ke-hoach/${plan.id}/co-quan/${workplaceId}/hop`,
    meetingUrl: api(server, `/meetings/${meetingId}`),
  };
}

// ---------------------------------------------------------------------------------------------
// QUALITY U2 and U3 on a page as it stands: accessibility (axe-core) and no English shown.

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** U2: axe-core's serious and critical violations on the page as it stands (none expected). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the app's Content-Security-Policy does not block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes
            .slice(0, 3)
            .map((node) => node.target.join(' '))
            .join(' | ')}`,
      );
  });
  return violations;
}

interface AxeResults {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/**
 * Words that may appear without Vietnamese spelling: proper names, file formats, keys and the
 * abbreviations of the documents. Anything else that is not a Vietnamese syllable is English (U3).
 */
export const ENGLISH_ALLOWED = new Set(
  [
    'PDF',
    'DOCX',
    'XLSX',
    'Excel',
    'Word',
    'QR',
    'Ctrl',
    'Enter',
    'Tab',
    'Shift',
    'Esc',
    'SMTP',
    'Email',
    'email',
    'OTP',
    'TOTP',
    'Authenticator',
    'Google',
    'Microsoft',
    'Zalo',
    'OpenAPI',
    'Swagger',
    // Names of apps, browsers and systems (the sessions list, the second-factor help).
    'FreeOTP',
    'Chrome',
    'Chromium',
    'Firefox',
    'Safari',
    'Edge',
    'Linux',
    'Windows',
    'Android',
    'macOS',
    'iOS',
    // Khmer given names of the demo (Trà Vinh): Sô Phal, Kim Thol.
    'Phal',
    'Thol',
  ].map((word) => word.toLowerCase()),
);

const INITIALS = '(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnprstvx])?';
const VIETNAMESE_SYLLABLE = new RegExp(`^${INITIALS}[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$`);

/**
 * The words of `text` that are English: written in plain ASCII letters (a word with a Vietnamese
 * mark is Vietnamese), not a Vietnamese syllable, not an abbreviation in capitals, not allowed.
 */
const escaped = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The demo's user names (admin, chiuy.vp…) are names of accounts, not English. */
const USER_NAMES = new RegExp(`(?<![\\w.])(?:${DEMO_USERNAMES.map(escaped).join('|')})(?![\\w])`, 'g');

export function englishWords(text: string): string[] {
  const cleaned = text
    .replace(USER_NAMES, ' ')
    // The date and time patterns shown as placeholders are the notation, not English.
    .replace(/\b(?:dd\/mm\/yyyy|hh:mm)\b/gi, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .replace(/(?:^|\s)\/\S+/g, ' ');
  const found = new Set<string>();
  for (const word of cleaned.match(/[\p{L}]+/gu) ?? []) {
    if (!/^[A-Za-z]+$/.test(word) || word.length < 2) continue;
    if (/^[A-Z]+$/.test(word) && word.length <= 6) continue;
    const lower = word.toLowerCase();
    if (ENGLISH_ALLOWED.has(lower) || VIETNAMESE_SYLLABLE.test(lower)) continue;
    found.add(word);
  }
  return [...found];
}

/**
 * U3: English words in the page's visible text and in its labels for assistive technology
 * (aria-label, title, placeholder, alt…). Text marked translate="no" (user names, codes) is left out.
 */
export async function englishOnPage(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    // Left out: what no one sees or hears (aria-hidden, e.g. Mantine's autosize measuring box) and
    // text marked as not to translate (user names, codes).
    const skipped = (element: Element) =>
      element.closest('[translate="no"], [aria-hidden="true"], code, kbd, pre') !== null;
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || skipped(parent) || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName)) continue;
      if (!parent.checkVisibility?.() && parent.tagName !== 'OPTION') continue;
      const value = node.textContent?.trim();
      if (value) out.push(value);
    }
    const attributes = [
      'aria-label',
      'aria-description',
      'aria-placeholder',
      'aria-roledescription',
      'aria-valuetext',
      'title',
      'placeholder',
      'alt',
    ];
    for (const element of document.querySelectorAll('*')) {
      if (skipped(element)) continue;
      for (const name of attributes) {
        const value = element.getAttribute(name);
        if (value) out.push(`${value}`);
      }
    }
    out.push(document.title);
    return out;
  });
  const found = new Set<string>();
  for (const text of texts)
    for (const word of englishWords(text)) found.add(`${word} (“${text.slice(0, 80)}”)`);
  return [...found];
}

/** U2 and U3 on the page as it stands; `where` names it in the failure. */
export async function checkPage(page: Page, where: string): Promise<void> {
  await page.waitForLoadState('load');
  // Let the app's data arrive: no loader left on the page.
  await expect.poll(() => page.locator('.mantine-Loader-root').count(), { timeout: 10_000 }).toBe(0);
  // Let opening dialogs and menus finish their fade: axe measures contrast on what is painted, and a
  // modal half-way through its transition is half transparent.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[role="dialog"]')].every(
      (dialog) => getComputedStyle(dialog).opacity === '1',
    ),
  );
  const u2 = await accessibilityViolations(page);
  const u3 = await englishOnPage(page);
  // QUALITY_SURVEY=1: report every page's findings and go on (to fix them all in one pass).
  if (process.env.QUALITY_SURVEY) {
    if (u2.length + u3.length > 0) console.warn(`QUALITY ${where}\n${[...u2, ...u3].join('\n')}`);
    return;
  }
  expect(u2, `U2 accessibility on ${where}`).toEqual([]);
  expect(u3, `U3 English words on ${where}`).toEqual([]);
}
