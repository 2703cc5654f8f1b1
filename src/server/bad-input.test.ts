import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../contract/common.js';
import { CATALOGUE, type Endpoint, type KnownIds } from './bad-input-catalogue.js';
import { testConfig } from './config.js';
import { createTestContext, seedScopeTree, TestClient, type TestContext } from './test-support.js';

/**
 * Issue 2, "Bad input": every endpoint answers what a client got wrong with 400 and a Vietnamese
 * message naming the field, unknown ids with 404, oversized bodies with 413, other formats with
 * 415 — never a 500, never an SQL message or a stack trace.
 */

const LEAKS = ['select ', 'insert ', 'at ', 'node_modules', 'violates'];
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
const withBody = CATALOGUE.filter((endpoint) => endpoint.body);
const withIds = CATALOGUE.filter((endpoint) => endpoint.path.includes('/:'));
const withBadField = CATALOGUE.filter((endpoint) => endpoint.bad);
const label = (endpoint: Endpoint) => `${endpoint.method} ${endpoint.path}`;
const CATALOGUE_BODY = (name: string) =>
  CATALOGUE.find((endpoint) => label(endpoint) === name)!.body!({
    root: crypto.randomUUID(),
    workplace: crypto.randomUUID(),
  });

describe('bad input on every endpoint', () => {
  let context: TestContext;
  let admin: TestClient;
  let ids: KnownIds;
  let spec: { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };

  beforeAll(async () => {
    context = await createTestContext();
    const tree = await seedScopeTree(context);
    admin = tree.admin;
    ids = { root: tree.organizations.root, workplace: tree.workplaces.wpA1 };
    spec = (await context.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  afterAll(() => context.close());

  /** Every answer in this file passes through here: none may carry SQL, a stack or a 500. */
  async function send(
    endpoint: Endpoint,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) {
    const client = endpoint.anonymous ? new TestClient(context.app) : admin;
    const response = await client.request(endpoint.method, `/api/v1${url}`, payload, headers);
    expect(response.statusCode, response.body).toBeLessThan(500);
    for (const leak of LEAKS) expect(response.body.toLowerCase()).not.toContain(leak);
    return response;
  }

  const urlFor = (endpoint: Endpoint, params: Record<string, string> = {}) => {
    const path = endpoint.path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? crypto.randomUUID());
    return endpoint.query ? `${path}?${endpoint.query}` : path;
  };

  const expectError = (response: { statusCode: number; json(): unknown }, status: number) => {
    expect(response.statusCode).toBe(status);
    const parsed = errorBody.parse(response.json());
    expect(parsed.error.message).toMatch(VIETNAMESE);
    return parsed.error;
  };

  it('covers every endpoint of the API reference', async () => {
    const spec = (await context.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const published = Object.entries(spec.paths as Record<string, object>).flatMap(([path, operations]) =>
      Object.keys(operations).map(
        (method) => `${method.toUpperCase()} ${path.replace('/api/v1', '').replace(/\{(\w+)\}/g, ':$1')}`,
      ),
    );
    expect(CATALOGUE.map(label).sort(), 'a new endpoint needs its entry in CATALOGUE').toEqual(
      published.sort(),
    );
  });

  it.each(withBadField.map((endpoint) => [label(endpoint), endpoint] as const))(
    '%s: a malformed field → 400 naming it',
    async (_, endpoint) => {
      const bad = endpoint.bad!;
      const response =
        bad.in === 'body'
          ? await send(endpoint, urlFor(endpoint), { ...endpoint.body!(ids), [bad.field]: bad.value })
          : await send(
              endpoint,
              `${urlFor(endpoint).split('?')[0]}?${bad.field}=${encodeURIComponent(String(bad.value))}`,
            );
      const error = expectError(response, 400);
      expect(error.issues.map((issue) => issue.path)).toContain(`${bad.in}.${bad.field}`);
      expect(error.message).toContain(`${bad.in}.${bad.field}`);
    },
  );

  it.each(withIds.map((endpoint) => [label(endpoint), endpoint] as const))(
    '%s: an id that is not a uuid → 400',
    async (_, endpoint) => {
      for (const name of endpoint.path.match(/:(\w+)/g)!.map((param) => param.slice(1))) {
        const response = await send(
          endpoint,
          urlFor(endpoint, { [name]: 'khong-phai-uuid' }),
          endpoint.body?.(ids),
        );
        const error = expectError(response, 400);
        expect(error.issues.map((issue) => issue.path)).toContain(`params.${name}`);
      }
    },
  );

  it.each(withIds.map((endpoint) => [label(endpoint), endpoint] as const))(
    '%s: an unknown well-formed id → 404',
    async (_, endpoint) => {
      expectError(await send(endpoint, urlFor(endpoint), endpoint.body?.(ids)), 404);
    },
  );

  it.each(withBody.map((endpoint) => [label(endpoint), endpoint] as const))(
    '%s: a body over the limit → 413',
    async (_, endpoint) => {
      const oversized = JSON.stringify({ padding: 'x'.repeat(testConfig().BODY_LIMIT_BYTES) });
      const response = await send(endpoint, urlFor(endpoint), oversized, {
        'content-type': 'application/json',
      });
      expectError(response, 413);
    },
  );

  it.each(withBody.map((endpoint) => [label(endpoint), endpoint] as const))(
    '%s: a body that is not JSON → 415',
    async (_, endpoint) => {
      const response = await send(endpoint, urlFor(endpoint), '<a>1</a>', {
        'content-type': 'application/xml',
      });
      expectError(response, 415);
    },
  );

  it.each(withBody.map((endpoint) => [label(endpoint), endpoint] as const))(
    '%s: broken JSON → 400',
    async (_, endpoint) => {
      const response = await send(endpoint, urlFor(endpoint), '{"version": 1,', {
        'content-type': 'application/json',
      });
      expectError(response, 400);
    },
  );

  it.each([
    [
      'POST /organizations',
      'parentId',
      (unknown: string) => ({ ...CATALOGUE_BODY('POST /organizations'), parentId: unknown }),
    ],
    [
      'POST /workplaces',
      'organizationId',
      (unknown: string) => ({ ...CATALOGUE_BODY('POST /workplaces'), organizationId: unknown }),
    ],
    [
      'POST /people',
      'workplaceId',
      (unknown: string) => ({ ...CATALOGUE_BODY('POST /people'), workplaceId: unknown }),
    ],
    [
      'POST /accounts',
      'homeOrganizationId',
      (unknown: string) => ({ ...CATALOGUE_BODY('POST /accounts'), homeOrganizationId: unknown }),
    ],
  ] as const)('%s: an unknown %s in the body → 404', async (name, _, body) => {
    const endpoint = CATALOGUE.find((candidate) => label(candidate) === name)!;
    expectError(await send(endpoint, urlFor(endpoint), body(crypto.randomUUID())), 404);
  });

  /**
   * Issue 13: NUL and other control characters in any string the API reads — path, query, body,
   * the headers it reads — are refused with 400 naming the field before anything reaches the
   * database. Each endpoint gets a different control character in each place.
   */
  const CONTROLS = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u000b', '\u0001', '\u009f'];
  const controlFor = (index: number, offset: number) => CONTROLS[(index + offset) % CONTROLS.length]!;
  const stringLeaves = (value: unknown, path: string[] = []): string[][] =>
    typeof value === 'string'
      ? [path]
      : value && typeof value === 'object'
        ? Object.entries(value).flatMap(([key, child]) => stringLeaves(child, [...path, key]))
        : [];
  const withLeaf = (value: unknown, path: string[], leaf: string): unknown => {
    if (!path.length) return leaf;
    const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
    copy[path[0]!] = withLeaf(copy[path[0]!], path.slice(1), leaf);
    return copy;
  };
  const expectControlRefusal = (response: { statusCode: number; json(): unknown }, paths: string[]) => {
    const error = expectError(response, 400);
    expect(error.message).toContain('ký tự điều khiển');
    expect(error.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(paths));
  };

  it.each(CATALOGUE.map((endpoint, index) => [label(endpoint), endpoint, index] as const))(
    '%s: control characters in path, query and body → 400 naming the field',
    async (_, endpoint, index) => {
      const operation =
        spec.paths[`/api/v1${endpoint.path.replace(/:(\w+)/g, '{$1}')}`]?.[endpoint.method.toLowerCase()];
      const queryNames = (operation?.parameters ?? [])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name);
      const validBody = endpoint.body?.(ids);
      for (const name of endpoint.path.match(/:(\w+)/g)?.map((param) => param.slice(1)) ?? []) {
        const bad = encodeURIComponent(`a${controlFor(index, 0)}b`);
        expectControlRefusal(await send(endpoint, urlFor(endpoint, { [name]: bad }), validBody), [
          `params.${name}`,
        ]);
      }
      const names = [...new Set([...queryNames, 'q'])];
      const query = names
        .map((name, offset) => `${name}=${encodeURIComponent(`x${controlFor(index, offset)}`)}`)
        .join('&');
      expectControlRefusal(
        await send(endpoint, `${urlFor(endpoint).split('?')[0]}?${query}`, validBody),
        names.map((name) => `querystring.${name}`),
      );
      if (!validBody) return;
      const leaves = stringLeaves(validBody);
      const poisoned = leaves.length
        ? leaves.reduce<unknown>(
            (body, leaf, offset) => withLeaf(body, leaf, `Tên${controlFor(index, offset)}ẩn`),
            validBody,
          )
        : { ...validBody, note: `\u0000` };
      const paths = leaves.length ? leaves.map((leaf) => `body.${leaf.join('.')}`) : ['body.note'];
      expectControlRefusal(await send(endpoint, urlFor(endpoint), poisoned), paths);
    },
  );

  it('refuses a control character in the headers it reads (cookie, origin), tab and newline in a query', async () => {
    const endpoint: Endpoint = { method: 'GET', path: '/me' };
    for (const [name, value] of [
      ['cookie', 'tpb_session=a\u0000b'],
      ['origin', 'http://localhost\u0007'],
    ] as const) {
      const response = await context.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { [name]: value },
      });
      expectControlRefusal(response, [`headers.${name}`]);
    }
    const tab = await send(endpoint, '/people?q=Nguy%E1%BB%85n%09V%C4%83n');
    expectControlRefusal(tab, ['querystring.q']);
    const newline = await send(endpoint, '/accounts?q=a%0Ab');
    expectControlRefusal(newline, ['querystring.q']);
  });

  it('keeps tab and line breaks in body text, and refuses a control character in a key or deep inside', async () => {
    const patch = CATALOGUE.find((candidate) => label(candidate) === 'PATCH /organizations/:id')!;
    const current = (await admin.get(`/api/v1/organizations/${ids.root}`)).json();
    const kept = await send(patch, `/organizations/${ids.root}`, {
      version: current.version,
      headerIssuer: 'ĐẢNG BỘ\tTỈNH\r\nTHỬ',
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().headerIssuer).toBe('ĐẢNG BỘ\tTỈNH\r\nTHỬ');
    const key = await send(patch, `/organizations/${ids.root}`, { version: 1, 'na\u0000me': 'x' });
    expectControlRefusal(key, ['body.na�me']);
    const deep = `{"version":1,"name":${'['.repeat(10_000)}"đáy\\u0000"${']'.repeat(10_000)}}`;
    const nested = await send(patch, `/organizations/${ids.root}`, deep, {
      'content-type': 'application/json',
    });
    expectControlRefusal(nested, [`body.name${'.0'.repeat(10_000)}`]);
  });

  it('answers values the database cannot hold with 400 or 409, not 500', async () => {
    const patch = CATALOGUE.find((candidate) => label(candidate) === 'PATCH /organizations/:id')!;
    const overflow = await send(patch, `/organizations/${ids.root}`, { version: 2 ** 31, name: 'Tên' });
    expect([400, 409]).toContain(overflow.statusCode);
    const control = await send(patch, `/organizations/${ids.root}`, { version: 1, name: 'Tên\u0000ẩn' });
    expect(control.json().error.issues.map((issue: { path: string }) => issue.path)).toContain('body.name');
    const empty = await send(patch, `/organizations/${ids.root}`, '', { 'content-type': 'application/json' });
    expectError(empty, 400);
  });

  it('answers an unknown address with 404 in Vietnamese', async () => {
    expectError(await send({ method: 'GET', path: '' }, '/khong-co-dia-chi-nay'), 404);
  });
});
