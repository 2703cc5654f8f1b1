/**
 * S6: the options of every route reached with a meeting's code (phone form, supervision): no
 * session looked up, so a signed-in browser leaves no trace on its account, and no log line at
 * all — no request line, and a server error only counted (http/anonymous-errors.ts) — so no
 * address, time or path reaches the log.
 */
export const ANONYMOUS_ROUTE = { config: { public: true, anonymous: true }, logLevel: 'silent' } as const;
