import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { planProgress, planWorkplaces } from '../../db/schema/index.js';
import { idsOnPath } from '../../domain/organization-path.js';
import { PLAN_WORKPLACE_STATUSES, type PlanWorkplaceStatus } from '../../domain/plans.js';
import { checkStatusMove, countsOf, type ProgressCounts, ZERO_COUNTS } from '../../domain/progress.js';
import { createTestContext, seedScopeTree, type TestContext } from '../test-support.js';
import { rebuildPlanProgress, setWorkplaceStatus } from './progress-rollup.js';
import { insertPublishedPlan, insertWorkplaces } from './progress-test-support.js';

/** A small seeded generator (mulberry32): the same sequence of moves on every run and database. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rollup = Record<string, ProgressCounts>;

describe('the progress rollup of a plan', () => {
  let context: TestContext;
  let tree: Awaited<ReturnType<typeof seedScopeTree>>;
  let workplaceIds: string[];

  beforeAll(async () => {
    context = await createTestContext();
    tree = await seedScopeTree(context);
    const { db } = context.database;
    await insertWorkplaces(db, tree.organizations.cellA1, 6);
    await insertWorkplaces(db, tree.organizations.cellB1, 4);
    await insertWorkplaces(db, tree.organizations.baseB, 2);
    workplaceIds = [];
  });
  afterAll(() => context.close());

  const readRollup = async (planId: string): Promise<Rollup> => {
    const rows = await context.database.db.select().from(planProgress).where(eq(planProgress.planId, planId));
    return Object.fromEntries(
      rows.map(({ planId: _, organizationId, ...counts }) => [organizationId, counts]),
    );
  };

  /** The rollup counted from scratch in memory, from each row's status and path. */
  const recount = async (planId: string, issuerDepth: number): Promise<Rollup> => {
    const rows = await context.database.db
      .select({ status: planWorkplaces.status, path: planWorkplaces.organizationPath })
      .from(planWorkplaces)
      .where(eq(planWorkplaces.planId, planId));
    const rollup: Rollup = {};
    for (const row of rows) {
      const own = countsOf(row.status as PlanWorkplaceStatus);
      for (const id of idsOnPath(row.path).slice(issuerDepth)) {
        rollup[id] ??= { ...ZERO_COUNTS };
        const counts = rollup[id];
        for (const key of Object.keys(own) as (keyof ProgressCounts)[]) counts[key] += own[key];
      }
    }
    return rollup;
  };

  it('counts every workplace of the subtree at the issuer and each organization under it, none above', async () => {
    const { db } = context.database;
    const planId = await insertPublishedPlan(db, tree.organizations.bloc, { exempt: [tree.workplaces.wpB1] });
    const rollup = await readRollup(planId);
    expect(rollup[tree.organizations.root]).toBeUndefined();
    expect(rollup[tree.organizations.bloc]).toEqual({
      ...ZERO_COUNTS,
      workplaces: 14,
      required: 13,
      exempt: 1,
    });
    expect(rollup[tree.organizations.cellB1]).toMatchObject({ workplaces: 5, required: 4, exempt: 1 });
    expect(rollup[tree.organizations.baseB]).toMatchObject({ workplaces: 7, required: 6 });
    expect(rollup).toEqual(await recount(planId, 1));
  });

  it('moves one workplace in every ancestor in the same transaction', async () => {
    const { db } = context.database;
    const planId = await insertPublishedPlan(db, tree.organizations.root);
    const moved = await db.transaction((tx) => setWorkplaceStatus(tx, planId, tree.workplaces.wpA1, 'held'));
    expect(moved).toMatchObject({ from: 'pending', to: 'held', version: 2 });
    const rollup = await readRollup(planId);
    for (const key of ['root', 'bloc', 'baseA', 'cellA1'] as const)
      expect(rollup[tree.organizations[key]]).toMatchObject({ scheduled: 1, held: 1, minutesSigned: 0 });
    expect(rollup[tree.organizations.baseB]).toMatchObject({ scheduled: 0, held: 0 });
  });

  it('refuses a move the ladder does not allow, and a stale version, leaving the counts alone', async () => {
    const { db } = context.database;
    const planId = await insertPublishedPlan(db, tree.organizations.bloc);
    await db.transaction((tx) => setWorkplaceStatus(tx, planId, tree.workplaces.wpA1, 'compiled'));
    const before = await readRollup(planId);
    await expect(
      db.transaction((tx) => setWorkplaceStatus(tx, planId, tree.workplaces.wpA1, 'scheduled')),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('một bước') });
    await expect(
      db.transaction((tx) => setWorkplaceStatus(tx, planId, tree.workplaces.wpA1, 'reported', 1)),
    ).rejects.toMatchObject({ code: 'stale_version' });
    await expect(
      db.transaction((tx) => setWorkplaceStatus(tx, planId, crypto.randomUUID(), 'reported')),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await readRollup(planId)).toEqual(before);
  });

  it('lets only one of two simultaneous moves of the same workplace through', async () => {
    const { db } = context.database;
    const planId = await insertPublishedPlan(db, tree.organizations.bloc);
    const move = () =>
      db.transaction((tx) => setWorkplaceStatus(tx, planId, tree.workplaces.wpB1, 'scheduled'));
    const outcomes = await Promise.allSettled([move(), move()]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({
      reason: { code: 'conflict' },
    });
    expect((await readRollup(planId))[tree.organizations.bloc]).toMatchObject({ scheduled: 1 });
    expect(await readRollup(planId)).toEqual(await recount(planId, 1));
  });

  it('equals a count from scratch after any sequence of moves', async () => {
    const { db } = context.database;
    const planId = await insertPublishedPlan(db, tree.organizations.bloc);
    workplaceIds = (
      await queryRows<{ workplace_id: string }>(
        db,
        sql`select workplace_id from plan_workplaces where plan_id = ${planId} order by workplace_id`,
      )
    ).map((row) => row.workplace_id);
    const random = seededRandom(20251125);
    const statuses = new Map<string, PlanWorkplaceStatus>(workplaceIds.map((id) => [id, 'pending']));
    for (let step = 0; step < 150; step += 1) {
      const workplaceId = workplaceIds[Math.floor(random() * workplaceIds.length)]!;
      const from = statuses.get(workplaceId)!;
      const allowed = PLAN_WORKPLACE_STATUSES.filter((to) => checkStatusMove(from, to).ok);
      const to = allowed[Math.floor(random() * allowed.length)]!;
      await db.transaction((tx) => setWorkplaceStatus(tx, planId, workplaceId, to));
      statuses.set(workplaceId, to);
    }
    const maintained = await readRollup(planId);
    expect(maintained).toEqual(await recount(planId, 1));
    await rebuildPlanProgress(db, planId);
    expect(await readRollup(planId)).toEqual(maintained);
    const exemptRows = await db
      .select({ required: planWorkplaces.required, status: planWorkplaces.status })
      .from(planWorkplaces)
      .where(eq(planWorkplaces.planId, planId));
    for (const row of exemptRows) expect(row.required).toBe(row.status !== 'exempt');
  });
});
