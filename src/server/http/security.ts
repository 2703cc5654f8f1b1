import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { AppError } from '../errors.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** S5: the one Content-Security-Policy, for the app and the API reference alike. */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // React and Mantine (and swagger-ui) set style attributes; no inline script is allowed anywhere.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  scriptSrcAttr: ["'none'"],
};

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The policy as a header value: swagger-ui's static pages are given exactly this one. */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, values]) => `${kebab(name)} ${values.join(' ')}`)
  .join(';');

/** A year, subdomains included, as OWASP suggests once a site is served over HTTPS only. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * S5: strict headers everywhere, HSTS when the request came over HTTPS (directly or, with TRUST_PROXY, through the proxy).
 * P1: helmet's middleware is built ONCE here and run on every request. `@fastify/helmet` built a new
 * one per request (re-parsing the policy's directives each time): about a tenth of the phone
 * form's CPU in the server. The headers sent are the same.
 */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  const setHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    // Sent below, and only over HTTPS: on plain HTTP it would mean nothing, or worse.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    setHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
}

/** S3: a state-changing request must come from our own origin (SameSite cookies are the first wall). */
export function assertSameOrigin(request: FastifyRequest): void {
  if (!STATE_CHANGING.has(request.method)) return;
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site') throw crossOrigin();
  const origin = request.headers.origin;
  if (!origin) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw crossOrigin();
  }
  if (originHost !== request.headers.host) throw crossOrigin();
}

const crossOrigin = () => new AppError('forbidden', 'Yêu cầu từ trang web khác bị từ chối.');
