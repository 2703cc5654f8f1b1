import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { ROOT, WEB_DIST_DIR } from '../paths.js';
import { bulkAccountRoutes } from './accounts/bulk-routes.js';
import { accountRoutes } from './accounts/routes.js';
import { installPersonalReadAudit } from './audit/personal-reads.js';
import { auditRoutes } from './audit/routes.js';
import { accountSecurityRoutes } from './auth/account-security-routes.js';
import { authRoutes } from './auth/routes.js';
import { compilationRoutes } from './compilations/routes.js';
import { concernRoutes } from './concerns/routes.js';
import type { Config } from './config.js';
import { feedbackRoutes } from './feedback/routes.js';
import { healthRoutes } from './health.js';
import { installAuthHook } from './http/auth-hook.js';
import { installControlCharacterGate } from './http/control-characters.js';
import { installErrorHandler } from './http/error-handler.js';
import { CONTENT_SECURITY_POLICY, installSecurityHeaders } from './http/security.js';
import type { App } from './http/types.js';
import { meetingRoutes } from './meetings/routes.js';
import { minutesRoutes } from './minutes/routes.js';
import { organizationRoutes } from './organizations/routes.js';
import { rosterRoutes } from './people/roster-routes.js';
import { peopleRoutes } from './people/routes.js';
import { personalDataRoutes } from './personal-data/routes.js';
import { phoneFormRoutes } from './phone-forms/routes.js';
import { planDocumentRoutes } from './plans/document-routes.js';
import { progressRoutes } from './plans/progress-routes.js';
import { planRoutes } from './plans/routes.js';
import { provinceRoutes } from './province/routes.js';
import { remediationDocumentRoutes } from './remediation/document-routes.js';
import { remediationRoutes } from './remediation/routes.js';
import { superviseRoutes } from './remediation/supervise-routes.js';
import { reportRoutes } from './reports/routes.js';
import { selfCriticismDocumentRoutes } from './self-criticisms/document-routes.js';
import { selfCriticismRoutes } from './self-criticisms/routes.js';
import { settingsRoutes } from './settings/routes.js';
import { taskRoutes } from './tasks/routes.js';
import { workplaceRoutes } from './workplaces/routes.js';
import { writtenFeedbackRoutes } from './written-feedback/routes.js';
import { yearEndRoutes } from './year-end/routes.js';

z.config(z.locales.vi());

export const WEB_DIST = WEB_DIST_DIR;
/** The user guide's pictures (docs/guide/anh), written by the browser tests. */
export const GUIDE_IMAGES = join(ROOT, 'docs/guide/anh');

export interface AppOptions {
  config: Config;
  db: Db;
  /** Serve the built web app from dist/web when it exists (the default). */
  serveWeb?: boolean;
  /** Where log lines go (stdout when unset): tests read them to prove what is never logged (S6). */
  logStream?: NodeJS.WritableStream;
  /** The time sign-in delays and one-time codes are judged at (tests move it instead of waiting). */
  clock?: () => Date;
}

export async function buildApp({
  config,
  db,
  serveWeb = true,
  logStream,
  clock = () => new Date(),
}: AppOptions): Promise<App> {
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      ...(logStream ? { stream: logStream } : {}),
      // S6: request logs carry no address or user agent; anonymous forms must stay unlinkable.
      serializers: { req: (request) => ({ method: request.method, url: request.url.split('?')[0] }) },
    },
    // S6: random request ids. A counter would show, by the gaps between logged ids, how many
    // unlogged (anonymous) requests came in between and when.
    genReqId: () => randomUUID(),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('db', db);
  app.decorate('config', config);
  app.decorate('clock', clock);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await installSecurityHeaders(app);
  await app.register(cookie);
  await app.register(multipart, {
    limits: {
      fileSize: Math.max(config.UPLOAD_LIMIT_BYTES, config.WORKBOOK_UPLOAD_LIMIT_BYTES),
      files: 1,
      fields: 10,
      parts: 12,
    },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'tuphebinh API', description: 'Tự phê bình và phê bình trước quần chúng', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tpb_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // S5 holds on the API reference too: the app's own policy; no call to the online validator.
    uiConfig: { validatorUrl: null },
    staticCSP: true,
    transformStaticCSP: () => CONTENT_SECURITY_POLICY,
  });
  installControlCharacterGate(app);
  installAuthHook(app);
  installPersonalReadAudit(app);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
  healthRoutes(app as unknown as App);

  await app.register(
    async (api) => {
      const typed = api as unknown as App;
      await authRoutes(typed);
      await accountSecurityRoutes(typed);
      await organizationRoutes(typed);
      await workplaceRoutes(typed);
      await peopleRoutes(typed);
      await rosterRoutes(typed);
      await provinceRoutes(typed);
      await personalDataRoutes(typed);
      await accountRoutes(typed);
      await bulkAccountRoutes(typed);
      await auditRoutes(typed);
      await settingsRoutes(typed);
      await taskRoutes(typed);
      await progressRoutes(typed);
      await concernRoutes(typed);
      await planRoutes(typed);
      await planDocumentRoutes(typed);
      await selfCriticismRoutes(typed);
      await selfCriticismDocumentRoutes(typed);
      await meetingRoutes(typed);
      await feedbackRoutes(typed);
      await phoneFormRoutes(typed);
      await writtenFeedbackRoutes(typed);
      await minutesRoutes(typed);
      await remediationRoutes(typed);
      await remediationDocumentRoutes(typed);
      await superviseRoutes(typed);
      await compilationRoutes(typed);
      await yearEndRoutes(typed);
      await reportRoutes(typed);
    },
    { prefix: '/api/v1' },
  );

  if (serveWeb && existsSync(join(WEB_DIST, 'index.html'))) await serveWebApp(app as unknown as App);
  return app as unknown as App;
}

/**
 * S6: no log line for a page load of the light anonymous pages, their assets, or any static
 * file — a line with its time would tell when a phone opened the form. The app's own pages are
 * not logged either (the API calls they make are).
 */
const QUIET = { logLevel: 'silent', schema: { hide: true } } as const;

const ASSET_DIRECTORY = join(WEB_DIST, 'assets');

/**
 * P5: files under assets/ carry a content hash in their name, so a browser may keep them for a
 * year without asking again; the pages (index.html, phieu.html, …) name those files and must be
 * revalidated on every visit so a new build is picked up.
 */
export function cacheControlFor(path: string): string {
  return path.startsWith(ASSET_DIRECTORY) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** One origin, one port: the same server hands out the built SPA and falls back to its index for client routes. */
async function serveWebApp(app: App): Promise<void> {
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    wildcard: false,
    index: false,
    logLevel: 'silent',
    // P5: the .br/.gz twins written by `vite build` go to browsers that accept them.
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', cacheControlFor(path));
    },
  });
  // P5: the phone form is its own light page, not the admin app.
  app.get('/phieu', QUIET, (_request, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('phieu.html'),
  );
  // The user guide's pictures, taken by the browser tests from the demo (test/e2e/guide-screenshots).
  app.get<{ Params: { name: string } }>('/huong-dan/anh/:name', QUIET, (request, reply) => {
    const { name } = request.params;
    if (!/^[a-z0-9-]+\.png$/.test(name)) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile(name, GUIDE_IMAGES);
  });
  // Browsers still ask for /favicon.ico where a page names no icon (a PDF, a JSON answer).
  app.get('/favicon.ico', QUIET, (_request, reply) => reply.type('image/svg+xml').sendFile('favicon.svg'));
  app.get('/giam-sat', QUIET, (_request, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('giam-sat.html'),
  );
  app.get('/*', QUIET, (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path)) {
      return reply.callNotFound();
    }
    return reply.sendFile('index.html');
  });
}
