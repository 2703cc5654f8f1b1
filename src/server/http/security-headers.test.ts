import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { testConfig } from '../config.js';
import { createTestContext, type TestContext } from '../test-support.js';

describe('security headers (S5)', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext();
  });
  afterAll(() => context.close());

  it.each(['/api/health', '/api/v1/me', '/api/docs'])('%s carries a strict policy', async (url) => {
    const response = await context.app.inject({ method: 'GET', url });
    const csp = String(response.headers['content-security-policy']);
    const scriptSrc = csp.split(';').find((directive) => directive.trim().startsWith('script-src '));
    expect(scriptSrc).toBeDefined();
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('gives the API reference the very policy of the app, and its page still loads its own script', async () => {
    const app = await context.app.inject({ method: 'GET', url: '/api/health' });
    const docs = await context.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).toBe(app.headers['content-security-policy']);
    expect(docs.body).not.toMatch(/<script>[^<]/);
    expect(docs.body).toContain('src="./static/swagger-initializer.js"');
    const initializer = await context.app.inject({
      method: 'GET',
      url: '/api/docs/static/swagger-initializer.js',
    });
    expect(initializer.statusCode).toBe(200);
  });

  it('sends HSTS only when the request came over HTTPS, through a trusted proxy', async () => {
    const overHttp = await context.app.inject({ method: 'GET', url: '/api/health' });
    expect(overHttp.headers['strict-transport-security']).toBeUndefined();
    const spoofed = await context.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    const behindProxy = await buildApp({
      config: testConfig({ TRUST_PROXY: true }),
      db: context.database.db,
      serveWeb: false,
    });
    try {
      const overHttps = await behindProxy.inject({
        method: 'GET',
        url: '/api/health',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(overHttps.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const plain = await behindProxy.inject({ method: 'GET', url: '/api/health' });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await behindProxy.close();
    }
  });

  it('publishes the OpenAPI document generated from the zod schemas', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/sessions',
        '/api/v1/organizations/{id}',
        '/api/v1/workplaces/{id}',
        '/api/v1/people',
        '/api/v1/accounts',
        '/api/v1/audit-entries',
      ]),
    );
    // Every operation is described in Vietnamese for the reference at /api/docs.
    for (const [path, operations] of Object.entries(document.paths as Record<string, object>)) {
      for (const [method, operation] of Object.entries(operations as Record<string, { summary?: string }>)) {
        expect(operation.summary, `${method.toUpperCase()} ${path}`).toBeTruthy();
      }
    }
  });
});
