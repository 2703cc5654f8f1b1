import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDetail } from '../../contract/reports.js';
import { organizations } from '../../db/schema/index.js';
import { addFigures, type ReportFigures, zeroFigures } from '../../domain/report-figures.js';
import { createTestContext, seedScopeTree, type TestClient, type TestContext } from '../test-support.js';
import { type GeneratedTree, generateTree } from './generated-tree.js';

const SEEDS = [20201115, 7];

describe.each(SEEDS)('report arithmetic on a generated tree (seed %i)', (seed) => {
  let context: TestContext;
  let admin: TestClient;
  let tree: GeneratedTree;
  const reports = new Map<string, ReportDetail>();

  const expectedFor = (path: string): ReportFigures =>
    tree.workplaces
      .filter((workplace) => workplace.organizationPath.startsWith(path))
      .reduce((sum, workplace) => addFigures(sum, workplace.figures), zeroFigures());

  beforeAll(async () => {
    context = await createTestContext();
    const scope = await seedScopeTree(context);
    admin = scope.admin;
    const [root] = await context.database.db
      .select({ id: organizations.id, path: organizations.path })
      .from(organizations)
      .where(eq(organizations.id, scope.organizations.root));
    tree = await generateTree(context.database.db, {
      seed,
      parent: { id: root!.id, path: root!.path, depth: 0 },
      accountId: scope.rootAdminId,
      now: new Date(),
    });
    for (const organization of tree.organizations) {
      const response = await admin.get(
        `/api/v1/plans/${tree.planId}/organizations/${organization.id}/report`,
      );
      if (response.statusCode === 200) reports.set(organization.id, response.json());
      else expect(response.statusCode, response.body).toBe(422);
    }
  });

  afterAll(async () => {
    await context?.close();
  });

  it('generates a tree worth checking: a few dozen workplaces, opinions, points and items', () => {
    const total = expectedFor(tree.issuer.path);
    expect(tree.workplaces.length).toBeGreaterThanOrEqual(10);
    expect(total.opinions).toBeGreaterThan(0);
    expect(
      total.membersSelfCriticized + total.membersAbsentValid + total.membersAbsentInvalid,
    ).toBeGreaterThan(0);
    expect(reports.size).toBeGreaterThan(5);
  });

  it('the root report equals a direct count over every row written', () => {
    expect(reports.get(tree.issuer.id)!.figures).toEqual(expectedFor(tree.issuer.path));
  });

  it('every report equals the sum of its children plus its own workplaces, each counted once', () => {
    for (const organization of tree.organizations) {
      const report = reports.get(organization.id);
      const hasWorkplace = tree.workplaces.some((w) => w.organizationPath.startsWith(organization.path));
      expect(report !== undefined, organization.path).toBe(hasWorkplace || organization === tree.issuer);
      if (!report) continue;
      const summed = report.children.reduce(
        (sum, child) => addFigures(sum, child.figures),
        report.ownWorkplaces,
      );
      expect(report.figures, organization.path).toEqual(summed);
      expect(report.figures, organization.path).toEqual(expectedFor(organization.path));
      expect(report.sumMatches).toBe(true);
      const expectedChildren = tree.organizations.filter(
        (child) => child.parentId === organization.id && reports.has(child.id),
      );
      expect(report.children.map((child) => child.organization.id).sort()).toEqual(
        expectedChildren.map((child) => child.id).sort(),
      );
    }
  });

  it('every workplace appears in exactly one report as an own workplace', () => {
    const owned = [...reports.values()].reduce(
      (sum, report) => addFigures(sum, report.ownWorkplaces),
      zeroFigures(),
    );
    expect(owned).toEqual(expectedFor(tree.issuer.path));
  });
});
