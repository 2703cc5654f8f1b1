/**
 * S4, issue 13: guessing is slowed by delays that grow with each failure, never by a lock that one
 * person can impose on another. After a few free tries every further failure doubles the wait up to
 * a ceiling; once the wait is over the next try is judged like any other, and the right password
 * goes through. Failures are forgotten some time after the last one.
 */
export interface DelayPolicy {
  /** Failures after which the next try still needs no wait (typing mistakes). */
  freeFailures: number;
  /** The wait after the first failure past the free ones; it doubles with each further failure. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Failures are forgotten this long after the last one. */
  forgetAfterMs: number;
}

const MINUTE = 60_000;

/**
 * An account name tried from browsers it has never signed in on (or a browser for an account it
 * signed in before): 3 tries without waiting, then 1, 2, 4, 8 and at most 10 minutes between tries —
 * 11 guesses in the first hour and 6 an hour after that.
 */
export const ACCOUNT_DELAYS: DelayPolicy = {
  freeFailures: 2,
  firstDelayMs: MINUTE,
  maxDelayMs: 10 * MINUTE,
  forgetAfterMs: 24 * 60 * MINUTE,
};

/**
 * One address, whatever names it tries (an office behind one shared address): generous, and short,
 * so colleagues who typed wrong or a script next door never keep anyone out for more than a minute.
 * It slows spraying one common password over many account names.
 */
export const ADDRESS_DELAYS: DelayPolicy = {
  freeFailures: 29,
  firstDelayMs: 2_000,
  maxDelayMs: MINUTE,
  forgetAfterMs: 60 * MINUTE,
};

export interface DelayState {
  failures: number;
  lastFailureAt: Date;
  nextAttemptAt: Date;
}

/** The wait before the try that follows `failures` failures. */
export function delayAfter(failures: number, policy: DelayPolicy): number {
  const past = failures - policy.freeFailures;
  if (past <= 0) return 0;
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.min(past - 1, 30));
}

/** Milliseconds still to wait before a try is judged; 0 when one may try now. */
export function waitBeforeAttempt(state: DelayState | undefined, now: Date): number {
  if (!state) return 0;
  return Math.max(0, state.nextAttemptAt.getTime() - now.getTime());
}

/** The state after one more failure at `now`, old failures forgotten first. */
export function afterFailure(state: DelayState | undefined, policy: DelayPolicy, now: Date): DelayState {
  const forgotten = !state || now.getTime() - state.lastFailureAt.getTime() > policy.forgetAfterMs;
  const failures = (forgotten ? 0 : state.failures) + 1;
  return {
    failures,
    lastFailureAt: now,
    nextAttemptAt: new Date(now.getTime() + delayAfter(failures, policy)),
  };
}

/** "5 phút", "40 giây": how long to wait, rounded up, as a person reads it. */
export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} giây`;
  return `${Math.ceil(seconds / 60)} phút`;
}
