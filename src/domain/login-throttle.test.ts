import { describe, expect, it } from 'vitest';
import { afterFailure, isLocked, type ThrottlePolicy, type ThrottleState } from './login-throttle.js';

const policy: ThrottlePolicy = { maxFailures: 3, windowMs: 60_000, lockMs: 300_000 };
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 25, 8, 0, seconds));

describe('login throttle', () => {
  it('locks at the limit within one window', () => {
    let state: ThrottleState | undefined;
    for (const second of [0, 10, 20]) state = afterFailure(state, policy, at(second));
    expect(state?.failures).toBe(3);
    expect(isLocked(state, at(21))).toBe(true);
  });

  it('starts a new window once the old one has passed', () => {
    const first = afterFailure(afterFailure(undefined, policy, at(0)), policy, at(1));
    const later = afterFailure(first, policy, new Date(at(0).getTime() + 61_000));
    expect(later.failures).toBe(1);
    expect(isLocked(later, new Date(at(0).getTime() + 61_000))).toBe(false);
  });

  it('unlocks when the lock time is over', () => {
    let state: ThrottleState | undefined;
    for (const second of [0, 1, 2]) state = afterFailure(state, policy, at(second));
    expect(isLocked(state, new Date(at(2).getTime() + 300_001))).toBe(false);
  });
});
