import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tidyName } from '../domain/text.js';
import { ACCEPTABLE_TEXT, BLANK_TEXT, REFUSED_TEXT, stored } from './hostile-values.js';
import { insertPublishedPlan } from './plans/progress-test-support.js';
import {
  accountName,
  createTestContext,
  seedScopeTree,
  TestClient,
  type TestContext,
} from './test-support.js';

/**
 * S2: hostile text sent to every place a person types a name. Accepted values come back exactly as
 * sent (after NFC and trimming); refused ones get a 400 (413 when too big) with a Vietnamese
 * message — never a 5xx, never a trace of SQL or of the server's code.
 */
describe('hostile input in text fields', () => {
  let context: TestContext;
  let admin: TestClient;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let committee: TestClient;
  let planId: string;

  beforeAll(async () => {
    context = await createTestContext();
    tree = await seedScopeTree(context, [{ role: 'committee', at: 'baseA' }]);
    admin = tree.admin;
    committee = await TestClient.signIn(context.app, accountName('committee', 'baseA'));
    planId = await insertPublishedPlan(context.database.db, tree.organizations.bloc);
  });
  afterAll(() => context?.close());

  const targets = [
    {
      name: 'organization name',
      send: (value: unknown) =>
        admin.post('/api/v1/organizations', {
          parentId: tree.organizations.cellA1,
          kind: 'cell',
          name: value,
          shortName: '',
          headerSuperior: '',
          headerIssuer: '',
        }),
      read: (id: string) => admin.get(`/api/v1/organizations/${id}`),
      field: 'name',
      required: true,
      expected: stored,
    },
    {
      name: 'workplace address',
      send: (value: unknown) =>
        admin.post('/api/v1/workplaces', {
          organizationId: tree.organizations.cellB1,
          name: 'Cơ quan thử',
          address: value,
        }),
      read: (id: string) => admin.get(`/api/v1/workplaces/${id}`),
      field: 'address',
      required: false,
      expected: stored,
    },
    {
      name: 'person full name',
      send: (value: unknown) =>
        admin.post('/api/v1/people', {
          workplaceId: tree.workplaces.wpA1,
          fullName: value,
          employmentType: 'short_term',
          isPartyMember: false,
          // Values that fold to one name (NFD and NFC, case) are namesakes, confirmed as others.
          distinctConfirmed: true,
        }),
      read: (id: string) => admin.get(`/api/v1/people/${id}`),
      field: 'fullName',
      required: true,
      // A person's name also has its inner runs of spaces, tabs and line breaks made one space.
      expected: tidyName,
    },
    {
      name: 'concern subject',
      send: (value: unknown) =>
        committee.post(`/api/v1/plans/${planId}/concerns`, {
          organizationId: tree.organizations.baseA,
          subject: value,
          body: 'Nội dung vướng mắc',
        }),
      read: (id: string) => committee.get(`/api/v1/concerns/${id}`),
      field: 'subject',
      required: true,
      expected: stored,
    },
  ];

  it('has at least a hundred hostile values', () => {
    expect(ACCEPTABLE_TEXT.length + REFUSED_TEXT.length).toBeGreaterThanOrEqual(100);
  });

  for (const target of targets) {
    it(`${target.name}: stores every acceptable value as sent, in NFC`, async () => {
      for (const value of ACCEPTABLE_TEXT) {
        const response = await target.send(value);
        expect(response.statusCode, `${JSON.stringify(value)} → ${response.body}`).toBe(201);
        const created = response.json();
        expect(created[target.field]).toBe(target.expected(value));
        const again = await target.read(created.id);
        expect(again.json()[target.field]).toBe(target.expected(value));
      }
    });

    it(`${target.name}: ${target.required ? 'refuses blanks' : 'stores blanks as empty'}`, async () => {
      for (const value of BLANK_TEXT) {
        const response = await target.send(value);
        if (target.required) expect(response.statusCode, JSON.stringify(value)).toBe(400);
        else expect(response.json()[target.field], JSON.stringify(value)).toBe('');
      }
    });

    it(`${target.name}: refuses the rest with a Vietnamese message, never a 5xx`, async () => {
      for (const value of [...REFUSED_TEXT, ...(target.required ? BLANK_TEXT : [])]) {
        const response = await target.send(value);
        const label = `${JSON.stringify(value)?.slice(0, 60)} → ${response.statusCode}`;
        expect([400, 413], label).toContain(response.statusCode);
        const { error } = response.json();
        expect(error.message, label).toMatch(/[àáảãạăâđêôơư]/i);
        expect(response.body, label).not.toMatch(/select |insert |violates|node_modules|\bat .+\.ts:/i);
      }
    });
  }
});
