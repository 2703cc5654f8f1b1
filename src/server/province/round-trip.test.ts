import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountName,
  createTestContext,
  seedScopeTree,
  TestClient,
  type TestContext,
} from '../test-support.js';
import { applyWorkbookJob, previewWorkbook, provinceFile, variedProvince } from './workbook-fixtures.js';

/**
 * Issue 16: a workbook just exported, imported back without an edit, changes nothing — on a tree
 * big enough that the file's parts are inflated in many chunks (a Vietnamese character split
 * between two chunks once read back as two U+FFFD: 99 of 120 000 people "changed").
 */
describe('province workbook: export → import round trip', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let admin: TestClient;

  beforeAll(async () => {
    context = await createTestContext();
    tree = await seedScopeTree(context, [{ role: 'administrator', at: 'baseA' }]);
    admin = await TestClient.signIn(context.app, accountName('administrator', 'baseA'));
  });
  afterAll(() => context?.close());

  it('re-importing an export shows 0 created and 0 changed', async () => {
    const varied = variedProvince(2_400);
    const first = await previewWorkbook(admin, tree.organizations.baseA, await provinceFile(varied));
    expect(first.failure).toBeNull();
    expect(first.preview!.errors).toEqual([]);
    expect(first.preview!.counts.people.create).toBe(varied.people.length);
    const applied = await applyWorkbookJob(admin, first.id);
    expect(applied.state).toBe('applied');

    const exported = await admin.get(
      `/api/v1/organizations/${tree.organizations.baseA}/province-workbook.xlsx`,
    );
    expect(exported.statusCode).toBe(200);
    const round = await previewWorkbook(admin, tree.organizations.baseA, exported.rawPayload);
    expect(round.preview!.errors).toEqual([]);
    expect(round.preview!.changes).toEqual([]);
    const { counts } = round.preview!;
    expect(counts).toEqual({
      // The scope tree's own cell A1 and workplace A1 are exported too.
      organizations: { create: 0, update: 0, unchanged: varied.organizations.length + 1 },
      workplaces: { create: 0, update: 0, unchanged: varied.workplaces.length + 1 },
      people: { create: 0, update: 0, unchanged: varied.people.length },
    });

    // The original file again: still nothing to change (decomposed names, spaces, Excel dates,
    // numeric card numbers all read as they were stored).
    const again = await previewWorkbook(admin, tree.organizations.baseA, await provinceFile(varied));
    expect(again.preview!.changes).toEqual([]);
    expect(again.preview!.counts.people).toEqual({ create: 0, update: 0, unchanged: varied.people.length });
  }, 120_000);
});
