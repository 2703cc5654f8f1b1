import { and, asc, eq } from 'drizzle-orm';
import type { DeterminationMasses } from '../../contract/plans.js';
import type { Db } from '../../db/client.js';
import { plans, planWorkplaceMasses, planWorkplaces, workplaces } from '../../db/schema/index.js';
import type { EmploymentType } from '../../domain/employment.js';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound } from '../errors.js';
import { DETERMINATION_READERS, planInScope } from './access.js';
import { determiningPlanId } from './plan-chain.js';

/**
 * The masses a determination looked at, as they stood on the plan's reference date: the record
 * that settles a dispute about a workplace's count, whatever the roster says today.
 */
export async function determinationMasses(
  db: Db,
  actor: Actor,
  planId: string,
  workplaceId: string,
): Promise<DeterminationMasses> {
  const issued = await planInScope(db, actor, planId);
  const determiningId = await determiningPlanId(db, issued.plan);
  const [row] = await db
    .select({ determination: planWorkplaces, workplaceName: workplaces.name, referenceDate: plans.issuedOn })
    .from(planWorkplaces)
    .innerJoin(workplaces, eq(workplaces.id, planWorkplaces.workplaceId))
    .innerJoin(plans, eq(plans.id, planWorkplaces.planId))
    .where(and(eq(planWorkplaces.planId, determiningId), eq(planWorkplaces.workplaceId, workplaceId)));
  if (!row?.determination.organizationPath.startsWith(issued.organizationPath))
    throw notFound('cơ quan, đơn vị trong kế hoạch');
  if (!actor.reaches(DETERMINATION_READERS, row.determination.organizationPath)) throw forbidden();
  const people = await db
    .select()
    .from(planWorkplaceMasses)
    .where(
      and(eq(planWorkplaceMasses.planId, determiningId), eq(planWorkplaceMasses.workplaceId, workplaceId)),
    )
    .orderBy(asc(planWorkplaceMasses.fullName), asc(planWorkplaceMasses.code));
  return {
    workplaceId,
    workplaceName: row.workplaceName,
    referenceDate: row.referenceDate ?? '',
    countedMasses: row.determination.countedMasses,
    allMasses: row.determination.allMasses,
    people: people.map((person) => ({
      personId: person.personId,
      code: person.code,
      fullName: person.fullName,
      employmentType: person.employmentType as EmploymentType,
      counted: person.counted,
    })),
  };
}
