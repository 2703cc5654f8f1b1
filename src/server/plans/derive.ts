import { and, eq } from 'drizzle-orm';
import type { DerivePlanBody } from '../../contract/plans.js';
import type { Db } from '../../db/client.js';
import { organizations, plans } from '../../db/schema/index.js';
import { formatVietnameseDate } from '../../domain/dates.js';
import { mayDerivePlan, PLAN_ISSUERS, planFullNumber, planSymbol } from '../../domain/plans.js';
import { createdFields, recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, forbidden } from '../errors.js';
import { organizationInScope } from '../organizations/access.js';
import { type PlanRow, planInScope } from './access.js';
import {
  assertDeadlines,
  assertNumberFree,
  deadlinesOf,
  hasChildOrganizations,
  manifestationsFrom,
} from './content.js';

/**
 * Seed IV.1: a base committee derives (cụ thể hóa) the published plan for its cells. The draft starts
 * as a copy of the parent's content; its deadlines must stay inside the parent's.
 */
export async function derivePlan(
  db: Db,
  actor: Actor,
  parentId: string,
  body: DerivePlanBody,
): Promise<PlanRow> {
  return db.transaction(async (tx) => {
    const {
      plan: parent,
      organizationPath: parentPath,
      organizationName: parentName,
    } = await planInScope(tx, actor, parentId);
    if (parent.status !== 'published')
      throw new AppError('conflict', 'Chỉ cụ thể hóa được kế hoạch đã ban hành.');
    const organization = await organizationInScope(tx, actor, body.organizationId, PLAN_ISSUERS);
    if (organization.path === parentPath || !organization.path.startsWith(parentPath))
      throw new AppError('bad_request', `Chỉ tổ chức trực thuộc ${parentName} mới cụ thể hóa kế hoạch này.`, [
        { path: 'body.organizationId', message: 'Tổ chức không thuộc phạm vi của kế hoạch cấp trên.' },
      ]);
    if (!mayDerivePlan(actor.grants, parentPath, organization.path)) throw forbidden();
    if (organization.closedAt) throw new AppError('conflict', 'Không thể lập kế hoạch cho tổ chức đã đóng.');
    const [directing] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.id, organization.id), hasChildOrganizations));
    if (!directing)
      throw new AppError(
        'bad_request',
        `${organization.name} không có tổ chức trực thuộc nên không cụ thể hóa kế hoạch; thực hiện theo kế hoạch cấp trên.`,
        [{ path: 'body.organizationId', message: 'Tổ chức không có tổ chức trực thuộc.' }],
      );
    const {
      id: _id,
      version: _version,
      createdAt: _c,
      updatedAt: _u,
      publishedAt: _p,
      publishedBy: _b,
      replacesPlanId: _r,
      replacementReason: _rr,
      replacedAt: _ra,
      ...content
    } = parent;
    const { organizationId, manifestationsText: _pasted, ...overrides } = body;
    const values = {
      ...content,
      status: 'draft',
      number: '',
      issuedOn: null,
      preamble: `Thực hiện Kế hoạch số ${planFullNumber(parent.number, parent.symbol)}${
        parent.issuedOn ? `, ngày ${formatVietnameseDate(parent.issuedOn)}` : ''
      } của ${parentName}, ${organization.name} cụ thể hóa kế hoạch như sau:`,
      ...Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)),
      manifestations: manifestationsFrom(body) ?? parent.manifestations,
      organizationId,
      parentPlanId: parent.id,
      symbol: planSymbol(organization.shortName),
    };
    assertDeadlines(deadlinesOf(values), deadlinesOf(parent));
    await assertNumberFree(tx, values);
    const [created] = await tx.insert(plans).values(values).returning();
    await recordAudit(tx, actor, {
      action: 'plan.derived',
      targetType: 'plan',
      targetId: created!.id,
      organizationPath: organization.path,
      changes: createdFields({
        parentPlanId: parent.id,
        organizationId,
        year: values.year,
        title: values.title,
      }),
    });
    return created!;
  });
}
