import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { testConfig } from '../config.js';
import type { App } from '../http/types.js';
import {
  accountName,
  createTestContext,
  seedScopeTree,
  TEST_PASSWORD,
  type TestContext,
} from '../test-support.js';

/**
 * Issue 13, "Done means" 2 (S4): guessing is slowed by growing delays per account name and per
 * address, kept in the database, and nobody can keep somebody else out. The clock is the app's
 * own, moved forward instead of waited for.
 */
const HOUR = 3_600_000;

describe('sign-in delays instead of locks', () => {
  let context: TestContext;
  let second: App;
  let now = new Date(Date.UTC(2026, 10, 25, 1, 0, 0));
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };

  interface Attempt {
    username: string;
    password: string;
    address: string;
    device?: string;
    app?: App;
  }
  /** One sign-in as a browser at `address` sends it; answers the status, the wait asked for and the device cookie. */
  const signIn = async ({ username, password, address, device, app = context.app }: Attempt) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { username, password },
      remoteAddress: address,
      headers: device ? { cookie: `tpb_device=${device}` } : {},
    });
    const body = response.json();
    return {
      status: response.statusCode,
      message: body.error?.message as string | undefined,
      waitSeconds: (body.error?.details?.retryAfterSeconds as number | undefined) ?? 0,
      device: response.cookies.find((cookie) => cookie.name === 'tpb_device')?.value,
    };
  };

  /** Tries wrong passwords as fast as the server allows for `durationMs`; counts the tries it judged. */
  const guessFor = async (durationMs: number, attempt: (index: number) => Attempt) => {
    const end = now.getTime() + durationMs;
    let judged = 0;
    for (let index = 0; now.getTime() < end; index++) {
      const answer = await signIn(attempt(index));
      if (answer.status === 401) {
        judged++;
        advance(1_000);
      } else {
        expect(answer.status).toBe(429);
        advance(answer.waitSeconds * 1_000);
      }
    }
    return judged;
  };

  /** The guesser's next try, judged (401) as soon as the server lets it: a delay starts right after. */
  const failOnceMore = async (attempt: Attempt) => {
    for (;;) {
      const answer = await signIn(attempt);
      if (answer.status === 401) return;
      advance(answer.waitSeconds * 1_000);
    }
  };

  beforeAll(async () => {
    context = await createTestContext({ clock: () => now });
    await seedScopeTree(context, [
      { role: 'member', at: 'cellA1' },
      { role: 'member', at: 'cellB1' },
      { role: 'committee', at: 'cellA1' },
      { role: 'committee', at: 'cellB1' },
      { role: 'organization-board', at: 'bloc' },
    ]);
    // A second instance on the same database: the delays are the database's, not one process's.
    second = await buildApp({
      config: testConfig(),
      db: context.database.db,
      serveWeb: false,
      clock: () => now,
    });
    await second.ready();
  });
  afterAll(async () => {
    await second.close();
    await context.close();
  });

  it('(a) never lets a password be guessed faster than about 10 tries an hour, from one address or many, on any instance', async () => {
    const target = accountName('member', 'cellA1');
    const fromOneAddress = await guessFor(HOUR, (index) => ({
      username: target,
      password: `sai-mat-khau-${index}`,
      address: '203.0.113.10',
      app: index % 2 ? second : context.app,
    }));
    expect(fromOneAddress).toBeLessThanOrEqual(11);
    const fromManyAddresses = await guessFor(HOUR, (index) => ({
      username: target,
      password: `sai-mat-khau-${index}`,
      address: `198.51.100.${index % 250}`,
    }));
    expect(fromManyAddresses).toBeLessThanOrEqual(10);
    // Once the wait is over, the right password goes through: a delay, never a lock.
    await failOnceMore({ username: target, password: 'sai-nua', address: '203.0.113.10' });
    const waiting = await signIn({ username: target, password: TEST_PASSWORD, address: '192.0.2.1' });
    expect(waiting.status).toBe(429);
    expect(waiting.message).toMatch(/Vui lòng đợi \d+ (phút|giây) rồi thử lại/);
    expect(waiting.waitSeconds).toBeLessThanOrEqual(600);
    advance(waiting.waitSeconds * 1_000);
    expect((await signIn({ username: target, password: TEST_PASSWORD, address: '192.0.2.1' })).status).toBe(
      200,
    );
  });

  it('answers an unknown account name and a known one alike, delays included', async () => {
    const answers = [];
    for (const username of [accountName('member', 'cellB1'), 'khong-co-ai-ten-nay']) {
      for (let attempt = 0; attempt < 3; attempt++) {
        await signIn({ username, password: 'sai-mat-khau-1', address: '203.0.113.20' });
      }
      answers.push(await signIn({ username, password: 'sai-mat-khau-1', address: '203.0.113.20' }));
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]!.status).toBe(429);
    advance(10 * 60_000);
  });

  it('(b) after 100 failures from one address against other names, a colleague at that address signs in', async () => {
    const office = '203.0.113.50';
    const colleague = accountName('committee', 'cellA1');
    const earlier = await signIn({ username: colleague, password: TEST_PASSWORD, address: office });
    expect(earlier.status).toBe(200);
    let failures = 0;
    for (let index = 0; failures < 100; index++) {
      const answer = await signIn({
        username: `nguoi-khac-${index}`,
        password: 'sai-mat-khau-1',
        address: office,
      });
      if (answer.status === 401) failures++;
      else advance(answer.waitSeconds * 1_000);
    }
    // From the browser the colleague used before: at once, whatever the address went through.
    const known = await signIn({
      username: colleague,
      password: TEST_PASSWORD,
      address: office,
      device: earlier.device,
    });
    expect(known.status).toBe(200);
    // From a browser never used before: after a wait of a minute at most.
    const other = accountName('committee', 'cellB1');
    const fresh = await signIn({ username: other, password: TEST_PASSWORD, address: office });
    if (fresh.status === 429) {
      expect(fresh.waitSeconds).toBeLessThanOrEqual(60);
      advance(fresh.waitSeconds * 1_000);
      expect((await signIn({ username: other, password: TEST_PASSWORD, address: office })).status).toBe(200);
    } else {
      expect(fresh.status).toBe(200);
    }
  });

  it('(c) an attacker repeating wrong passwords for a name cannot keep its owner out', async () => {
    const owner = accountName('organization-board', 'bloc');
    const ownBrowser = await signIn({ username: owner, password: TEST_PASSWORD, address: '192.0.2.77' });
    expect(ownBrowser.status).toBe(200);
    // Two simulated hours of a script hammering the owner's name from elsewhere.
    await guessFor(2 * HOUR, (index) => ({
      username: owner,
      password: `doan-mo-${index}`,
      address: '203.0.113.66',
    }));
    await failOnceMore({ username: owner, password: 'doan-mo-nua', address: '203.0.113.66' });
    const blocked = await signIn({ username: owner, password: 'doan-mo-tiep', address: '203.0.113.66' });
    expect(blocked.status).toBe(429);
    // The owner, from the browser they signed in on before, goes straight in…
    const known = await signIn({
      username: owner,
      password: TEST_PASSWORD,
      address: '192.0.2.77',
      device: ownBrowser.device,
    });
    expect(known.status).toBe(200);
    // …and the owner's own typo there is delayed on that browser alone, not by the attacker's count.
    const typo = await signIn({
      username: owner,
      password: 'go-nham-1',
      address: '192.0.2.77',
      device: ownBrowser.device,
    });
    expect(typo.status).toBe(401);
    // From a browser never used before, the owner waits at most the longest delay (10 minutes).
    const elsewhere = await signIn({ username: owner, password: TEST_PASSWORD, address: '192.0.2.78' });
    expect(elsewhere.status).toBe(429);
    expect(elsewhere.waitSeconds).toBeLessThanOrEqual(600);
    advance(elsewhere.waitSeconds * 1_000);
    expect((await signIn({ username: owner, password: TEST_PASSWORD, address: '192.0.2.78' })).status).toBe(
      200,
    );
  });
});
