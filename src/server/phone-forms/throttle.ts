import { afterFailure, isLocked, type ThrottleState } from '../../domain/login-throttle.js';
import { CODE_THROTTLE } from '../../domain/phone-codes.js';
import { AppError } from '../errors.js';

const TOO_MANY = () =>
  new AppError(
    'too_many_requests',
    'Bạn đã nhập sai mã quá nhiều lần. Vui lòng đợi 15 phút rồi thử lại, và kiểm tra kỹ mã trên phiếu.',
  );

/**
 * Failed code attempts per client address. S6: held in this process's memory only — never stored,
 * never logged — and forgotten when the lock or window runs out.
 */
export class CodeAttemptThrottle {
  private readonly states = new Map<string, ThrottleState>();

  /** Refuses an address that is locked out (429). */
  check(address: string, now = new Date()): void {
    if (isLocked(this.states.get(address), now)) throw TOO_MANY();
  }

  fail(address: string, now = new Date()): void {
    this.forgetExpired(now);
    this.states.set(address, afterFailure(this.states.get(address), CODE_THROTTLE, now));
  }

  private forgetExpired(now: Date): void {
    const horizon = now.getTime() - Math.max(CODE_THROTTLE.windowMs, CODE_THROTTLE.lockMs);
    for (const [address, state] of this.states) {
      const lockOver = !state.lockedUntil || state.lockedUntil.getTime() <= now.getTime();
      if (lockOver && state.windowStartedAt.getTime() < horizon) this.states.delete(address);
    }
  }
}
