import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { openDatabase } from '../../src/db/client.js';
import { ensurePgliteSnapshot, loadPgliteSnapshot } from '../../src/db/pglite-snapshot.js';
import { buildApp } from '../../src/server/app.js';
import { testConfig } from '../../src/server/config.js';
import { DEMO_PASSWORD } from '../../src/server/demo/accounts.js';
import { loadDemo } from '../../src/server/demo/load.js';
import { type Bench, type BenchRow, failedRow, kb, seconds } from '../harness.js';
import { summarize } from '../stats.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BLOC = 'Đảng ủy Khối các cơ quan và doanh nghiệp';

/**
 * DevTools' "Slow 3G" preset (Chrome's SDK NetworkManager: 500 kbit/s × 0.8 each way, 400 ms × 5
 * latency per request) applied through the DevTools protocol.
 */
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const UNTHROTTLED = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

interface PageSpec {
  what: string;
  path: string;
  /** Signs the context in first (the page needs a session). */
  account?: string;
  /** The element whose appearance means the page can be used. */
  ready: (page: Page) => Promise<void>;
  budgetBytes: number;
  budgetSlow3gMs: number;
}

interface Load {
  bytes: number;
  ms: number;
}

/** One navigation: bytes over the wire (DevTools' encodedDataLength) and time until usable. */
async function load(context: BrowserContext, spec: PageSpec, baseUrl: string, slow: boolean): Promise<Load> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', slow ? SLOW_3G : UNTHROTTLED);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
  });
  const started = performance.now();
  await page.goto(`${baseUrl}${spec.path}`, { waitUntil: 'commit', timeout: 120_000 });
  await spec.ready(page);
  const ms = performance.now() - started;
  await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => {});
  await cdp.detach();
  await page.close();
  return { bytes, ms };
}

const bench: Bench = {
  id: 'P5',
  title: 'pages on an unthrottled and a slow 3G link (Chromium), cold and warm cache',
  async run({ quick, port, log }) {
    if (!existsSync(CHROMIUM))
      return {
        rows: [failedRow('every page', `Chromium not found at ${CHROMIUM}: apt-get install chromium`)],
      };
    execFileSync(process.execPath, ['scripts/ensure-web-build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    const repeats = quick ? 1 : 3;
    const database = await openDatabase({
      kind: 'pglite',
      snapshot: loadPgliteSnapshot(await ensurePgliteSnapshot()),
    });
    await loadDemo(database.db);
    const app = await buildApp({ config: testConfig({ LOG_LEVEL: 'warn' }), db: database.db });
    await app.listen({ host: '127.0.0.1', port: port(0) });
    const baseUrl = `http://127.0.0.1:${port(0)}`;
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
      ],
    });
    try {
      const editorId = await memberSelfCriticism(browser.newContext.bind(browser), baseUrl);
      const pages: PageSpec[] = [
        {
          what: 'sign-in page',
          path: '/dang-nhap',
          ready: (page) => page.getByRole('button', { name: 'Đăng nhập' }).waitFor({ timeout: 120_000 }),
          budgetBytes: 250 * 1024,
          budgetSlow3gMs: 3000,
        },
        {
          what: "member's self-criticism editor",
          path: `/tu-phe-binh/${editorId}`,
          account: 'dangvien',
          ready: (page) => page.locator('textarea').first().waitFor({ timeout: 120_000 }),
          budgetBytes: Number.POSITIVE_INFINITY,
          budgetSlow3gMs: Number.POSITIVE_INFINITY,
        },
        {
          what: '/phieu (phone form)',
          path: '/phieu',
          ready: (page) => page.getByLabel('Mã trên phiếu (10 ký tự)').waitFor({ timeout: 120_000 }),
          budgetBytes: 100 * 1024,
          budgetSlow3gMs: 3000,
        },
      ];
      const rows: BenchRow[] = [];
      for (const spec of pages) {
        for (const slow of [false, true]) {
          const cold: Load[] = [];
          const warm: Load[] = [];
          for (let round = 0; round < repeats; round++) {
            const context = await browser.newContext();
            if (spec.account) await signIn(context, baseUrl, spec.account);
            cold.push(await load(context, spec, baseUrl, slow));
            warm.push(await load(context, spec, baseUrl, slow));
            await context.close();
          }
          const link = slow ? 'slow 3G' : 'unthrottled';
          const coldMs = summarize(cold.map((run) => run.ms)).p50;
          const warmMs = summarize(warm.map((run) => run.ms)).p50;
          const coldBytes = Math.max(...cold.map((run) => run.bytes));
          const warmBytes = Math.max(...warm.map((run) => run.bytes));
          log(
            `${spec.what}, ${link}: cold ${kb(coldBytes)} ${seconds(coldMs)}, warm ${kb(warmBytes)} ${seconds(warmMs)}`,
          );
          const hasBudget = Number.isFinite(spec.budgetBytes);
          const bytesOk = !hasBudget || coldBytes <= spec.budgetBytes;
          const timeOk = !slow || !hasBudget || coldMs <= spec.budgetSlow3gMs;
          const passed = bytesOk && timeOk;
          const reasons = [
            bytesOk ? '' : `${kb(coldBytes)} transferred cold, over ${kb(spec.budgetBytes)}`,
            timeOk
              ? ''
              : `usable after ${seconds(coldMs)} cold on slow 3G, over ${seconds(spec.budgetSlow3gMs)}. The preset adds ${seconds(SLOW_3G.latency)} to every request and any page needs its HTML and then its script, one after the other: ${seconds(2 * SLOW_3G.latency)} before a line of its code runs, plus ${seconds((1000 * coldBytes) / SLOW_3G.downloadThroughput)} to carry ${kb(coldBytes)} at ${SLOW_3G.downloadThroughput / 1000} kB/s${spec.account || spec.path === '/dang-nhap' ? ', then the session question (/api/v1/me) before the first screen' : ''}. Under this preset the target needs one request per page`,
          ].filter(Boolean);
          rows.push({
            what: `${spec.what}, ${link}`,
            figure: `cold ${kb(coldBytes)} in ${seconds(coldMs)}; warm ${kb(warmBytes)} in ${seconds(warmMs)}`,
            anchor: `same page warm (cached assets): ${seconds(warmMs)}`,
            target: hasBudget
              ? `≤ ${kb(spec.budgetBytes)} cold${slow ? `, ≤ ${seconds(spec.budgetSlow3gMs)} on slow 3G` : ''}`
              : 'no target (shown)',
            passed,
            ...(passed ? {} : { reason: reasons.join('; ') }),
          });
        }
      }
      return {
        rows,
        notes: [
          `Time until usable = from navigation start until the page's first control is on screen (sign-in: the "Đăng nhập" button; editor: its first text area; /phieu: the code field); p50 of ${repeats} run(s) each, each cold run in a new browser context. Bytes = DevTools' encodedDataLength summed over every response, API answers included.`,
          `Slow 3G = DevTools preset: ${SLOW_3G.downloadThroughput / 1000} kB/s each way, ${SLOW_3G.latency} ms added to every request.`,
        ],
      };
    } finally {
      await browser.close();
      await app.close();
      await database.close();
    }
  },
};

async function signIn(context: BrowserContext, baseUrl: string, username: string): Promise<void> {
  const response = await context.request.post(`${baseUrl}/api/v1/sessions`, {
    data: { username, password: DEMO_PASSWORD },
  });
  if (!response.ok())
    throw new Error(`sign-in of ${username}: ${response.status()} ${await response.text()}`);
}

/** The demo has no published plan: bantochuc publishes the bloc's; dangvien's self-criticism under it. */
async function memberSelfCriticism(
  newContext: () => Promise<BrowserContext>,
  baseUrl: string,
): Promise<string> {
  const api = (path: string) => `${baseUrl}/api/v1${path}`;
  const board = await newContext();
  await signIn(board, baseUrl, 'bantochuc');
  const roots = (await (await board.request.get(api('/organizations'))).json()) as {
    items: { id: string; name: string }[];
  };
  const bloc = roots.items.find((organization) => organization.name === BLOC);
  if (!bloc) throw new Error('the demo bloc is missing');
  const year = new Date().getFullYear();
  const template = await board.request.get(api(`/plans/template?organizationId=${bloc.id}&year=${year}`));
  const created = await board.request.post(api('/plans'), {
    data: {
      ...(await template.json()),
      number: '03',
      place: 'Trà Vinh',
      // Publishing asks for the number, the place and the signer (issue 11).
      signerName: 'Nguyễn Văn Ký',
      manifestationsText: '1. Phai nhạt lý tưởng cách mạng.\n2. Nói không đi đôi với làm.',
    },
  });
  if (created.status() !== 201) throw new Error(`plan: ${await created.text()}`);
  const plan = (await created.json()) as { id: string; version: number };
  const published = await board.request.post(api(`/plans/${plan.id}/publish`), {
    data: { version: plan.version },
  });
  if (!published.ok()) throw new Error(`publish: ${await published.text()}`);
  await board.close();
  const member = await newContext();
  await signIn(member, baseUrl, 'dangvien');
  const mine = (await (await member.request.get(api('/self-criticisms/mine'))).json()) as {
    items: { id: string }[];
  };
  await member.close();
  if (!mine.items[0]) throw new Error('dangvien has no self-criticism under the published plan');
  return mine.items[0].id;
}

export default bench;
