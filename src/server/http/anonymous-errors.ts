import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { pgErrorCode } from '../../db/errors.js';

/** How often the tally of server errors on the anonymous routes is written to the log. */
export const ANONYMOUS_ERROR_SUMMARY_MS = 60 * 60_000;

/** What an error is, without anything it may carry about the request: a code or a class name. */
export function errorKind(error: unknown): string {
  const code = pgErrorCode(error);
  if (code) return `pg:${code}`;
  const nodeCode = (error as { code?: unknown } | null)?.code;
  if (typeof nodeCode === 'string' && /^[A-Z0-9_]{2,40}$/.test(nodeCode)) return nodeCode;
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' && /^[A-Za-z]{1,40}$/.test(name) ? name : 'Error';
}

/**
 * S6: a server error on an anonymous route (phone form, supervision page) is never logged on its
 * own — a line's time with its request would say when someone sent a form. Instead the errors
 * are counted by kind (a PostgreSQL or Node error code, or a class name; never a message, which
 * may quote what was sent) and written as one line per hour, only when there were any, so the
 * administrator still learns that something fails there. The tally is in memory: an instance
 * that stops writes it out when it closes.
 */
export class AnonymousErrorTally {
  private readonly counts = new Map<string, number>();

  count(error: unknown): void {
    const kind = errorKind(error);
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }

  flush(log: FastifyBaseLogger): void {
    if (this.counts.size === 0) return;
    const errors = Object.fromEntries(this.counts);
    this.counts.clear();
    log.error({ anonymousRouteErrors: errors }, 'anonymous routes: server errors since the last summary');
  }
}

/** The tally of one app, flushed every hour and when the app closes. */
export function installAnonymousErrorTally(app: FastifyInstance): AnonymousErrorTally {
  const tally = new AnonymousErrorTally();
  const timer = setInterval(() => tally.flush(app.log), ANONYMOUS_ERROR_SUMMARY_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    tally.flush(app.log);
  });
  return tally;
}
