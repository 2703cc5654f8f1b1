import { UnknownCodeError } from './service.js';
import { CodeAttemptThrottle } from './throttle.js';

/**
 * S6: the options of every route reached with a meeting's code (phone form, supervision): no
 * session looked up, so a signed-in browser leaves no trace on its account, and no request line
 * logged, so no address, time or path reaches the log.
 */
export const ANONYMOUS_ROUTE = { config: { public: true, anonymous: true }, logLevel: 'silent' } as const;

/**
 * A throttle for one group of code routes: runs a code lookup, counting an unknown code against
 * the client's address (in memory only).
 */
export function codeLookupThrottle(): <T>(address: string, work: () => Promise<T>) => Promise<T> {
  const throttle = new CodeAttemptThrottle();
  return async (address, work) => {
    throttle.check(address);
    try {
      return await work();
    } catch (error) {
      if (error instanceof UnknownCodeError) throttle.fail(address);
      throw error;
    }
  };
}
