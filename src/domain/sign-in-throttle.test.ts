import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_DELAYS,
  ADDRESS_DELAYS,
  afterFailure,
  type DelayState,
  delayAfter,
  describeWait,
  waitBeforeAttempt,
} from './sign-in-throttle.js';

const HOUR = 3_600_000;
const start = new Date(Date.UTC(2026, 10, 25, 1, 0, 0));
const at = (ms: number) => new Date(start.getTime() + ms);

/** A guesser that tries again the moment it may: how many tries are judged in `durationMs`. */
function triesWithin(durationMs: number): number {
  let state: DelayState | undefined;
  let now = start;
  let tries = 0;
  while (now.getTime() < start.getTime() + durationMs) {
    tries++;
    state = afterFailure(state, ACCOUNT_DELAYS, now);
    now = new Date(now.getTime() + Math.max(1, waitBeforeAttempt(state, now)));
  }
  return tries;
}

describe('sign-in delays', () => {
  it.each([
    [1, 0],
    [2, 0],
    [3, 60_000],
    [4, 120_000],
    [5, 240_000],
    [6, 480_000],
    [7, 600_000],
    [500, 600_000],
  ])('after %i failures of one account name the next try waits %i ms', (failures, wait) => {
    expect(delayAfter(failures, ACCOUNT_DELAYS)).toBe(wait);
  });

  it('lets a guesser try about 10 passwords an hour, never more than 11 in any first hour', () => {
    expect(triesWithin(HOUR)).toBe(11);
    // Over a day: well under 10 an hour (3 at once, the ramp, then one every 10 minutes).
    expect(triesWithin(24 * HOUR)).toBeLessThanOrEqual(24 * 10);
    expect(triesWithin(24 * HOUR)).toBe(149);
  });

  it('keeps an address of many colleagues waiting a minute at most', () => {
    expect(delayAfter(29, ADDRESS_DELAYS)).toBe(0);
    expect(delayAfter(30, ADDRESS_DELAYS)).toBe(2_000);
    expect(delayAfter(10_000, ADDRESS_DELAYS)).toBe(60_000);
  });

  it('forgets failures a day after the last one', () => {
    let state: DelayState | undefined;
    for (let failure = 0; failure < 5; failure++) state = afterFailure(state, ACCOUNT_DELAYS, at(0));
    expect(waitBeforeAttempt(state, at(1_000))).toBe(240_000 - 1_000);
    const later = afterFailure(state, ACCOUNT_DELAYS, at(24 * HOUR + 1));
    expect(later.failures).toBe(1);
    expect(waitBeforeAttempt(later, at(24 * HOUR + 1))).toBe(0);
  });

  it.each([
    [900, '1 giây'],
    [40_000, '40 giây'],
    [60_000, '1 phút'],
    [61_000, '2 phút'],
  ])('describes a wait of %i ms as "%s"', (ms, text) => {
    expect(describeWait(ms)).toBe(text);
  });
});
