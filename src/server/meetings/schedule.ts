import { and, eq, isNull } from 'drizzle-orm';
import type { ScheduleMeetingBody } from '../../contract/meetings.js';
import type { Db, DbOrTx } from '../../db/client.js';
import {
  accounts,
  meetings,
  organizations,
  people,
  plans,
  planWorkplaces,
  roleAssignments,
  workplaces,
} from '../../db/schema/index.js';
import { scheduleIssues } from '../../domain/meetings.js';
import { createdFields, recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { employedTodaySql } from '../people/employment.js';
import { determiningPlanId } from '../plans/plan-chain.js';
import { setWorkplaceStatus } from '../plans/progress-rollup.js';
import { type MeetingInReach, meetingCapacity } from './access.js';
import { meetingDeadline } from './deadline.js';

export interface MeetingPlace {
  rootPlanId: string;
  workplaceId: string;
  workplaceName: string;
  organizationId: string;
  organizationPath: string;
  required: boolean;
}

/** The workplace in a published plan, for the committee of its organization (404 / 403). */
export async function workplaceForMeeting(
  db: DbOrTx,
  actor: Actor,
  planId: string,
  workplaceId: string,
): Promise<MeetingPlace> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (plan?.status !== 'published') throw notFound('kế hoạch đã ban hành');
  const rootPlanId = await determiningPlanId(db, plan);
  const [row] = await db
    .select({
      workplaceName: workplaces.name,
      organizationId: organizations.id,
      organizationPath: organizations.path,
      required: planWorkplaces.required,
    })
    .from(planWorkplaces)
    .innerJoin(workplaces, eq(workplaces.id, planWorkplaces.workplaceId))
    .innerJoin(organizations, eq(organizations.id, workplaces.organizationId))
    .where(and(eq(planWorkplaces.planId, rootPlanId), eq(planWorkplaces.workplaceId, workplaceId)));
  if (!row) throw notFound('cơ quan, đơn vị trong kế hoạch');
  const runsIt = actor.grants.some(
    (grant) => grant.role === 'committee' && grant.organizationPath === row.organizationPath,
  );
  if (!runsIt) throw forbidden();
  return { rootPlanId, workplaceId, ...row };
}

/**
 * The secretary is any account of a person working at the workplace; the chair, when named by
 * account, works there too or sits on the organization's committee. Ids from the client are
 * checked here, never trusted.
 */
export async function assertMeetingAccounts(
  db: DbOrTx,
  place: Pick<MeetingPlace, 'workplaceId' | 'organizationId'>,
  body: Pick<ScheduleMeetingBody, 'secretaryAccountId' | 'chairAccountId'>,
): Promise<void> {
  const worksThere = async (accountId: string) => {
    const [row] = await db
      .select({ id: accounts.id })
      .from(accounts)
      .innerJoin(people, eq(people.id, accounts.personId))
      .where(
        and(
          eq(accounts.id, accountId),
          eq(people.workplaceId, place.workplaceId),
          employedTodaySql(),
          isNull(accounts.disabledAt),
        ),
      );
    return Boolean(row);
  };
  if (!(await worksThere(body.secretaryAccountId))) {
    throw new AppError(
      'bad_request',
      'Thư ký phải là tài khoản của một người làm việc tại cơ quan, đơn vị này.',
      [{ path: 'body.secretaryAccountId', message: 'Thư ký phải làm việc tại cơ quan, đơn vị này.' }],
    );
  }
  if (body.chairAccountId === null) return;
  if (await worksThere(body.chairAccountId)) return;
  const [committee] = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .innerJoin(accounts, eq(accounts.id, roleAssignments.accountId))
    .where(
      and(
        eq(roleAssignments.accountId, body.chairAccountId),
        eq(roleAssignments.role, 'committee'),
        eq(roleAssignments.organizationId, place.organizationId),
        isNull(accounts.disabledAt),
      ),
    );
  if (!committee) {
    throw new AppError(
      'bad_request',
      'Người chủ trì phải là cấp ủy viên của tổ chức đảng hoặc người làm việc tại cơ quan, đơn vị này.',
      [{ path: 'body.chairAccountId', message: 'Tài khoản này không thể chủ trì buổi họp.' }],
    );
  }
}

/** Seed II.3 refusals, named by field so a form can show them where they belong. */
export async function assertSchedule(
  db: DbOrTx,
  rootPlanId: string,
  workplaceId: string,
  body: Pick<ScheduleMeetingBody, 'startsAt' | 'endsAt'>,
): Promise<void> {
  const deadline = await meetingDeadline(db, rootPlanId, workplaceId);
  const issues = scheduleIssues({
    startsAt: new Date(body.startsAt),
    endsAt: new Date(body.endsAt),
    deadline,
  });
  const [first] = issues;
  if (first) {
    throw new AppError(
      'bad_request',
      first.message,
      issues.map((issue) => ({ path: `body.${issue.field}`, message: issue.message })),
    );
  }
}

/** The cell committee schedules the meeting of a required workplace; the workplace moves to "scheduled". */
export async function scheduleMeeting(
  db: Db,
  actor: Actor,
  planId: string,
  workplaceId: string,
  body: ScheduleMeetingBody,
): Promise<MeetingInReach> {
  return db.transaction(async (tx) => {
    const place = await workplaceForMeeting(tx, actor, planId, workplaceId);
    if (!place.required) {
      throw new AppError(
        'conflict',
        `${place.workplaceName} được miễn tổ chức buổi tự phê bình trước quần chúng (chưa đủ số quần chúng theo quy định), nên không lập lịch họp.`,
      );
    }
    await assertSchedule(tx, place.rootPlanId, workplaceId, body);
    await assertMeetingAccounts(tx, place, body);
    const [existing] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.planId, place.rootPlanId), eq(meetings.workplaceId, workplaceId)));
    if (existing) throw new AppError('conflict', 'Cơ quan, đơn vị này đã có lịch họp; hãy sửa lịch đã có.');
    const [meeting] = await tx
      .insert(meetings)
      .values({
        planId: place.rootPlanId,
        workplaceId,
        organizationId: place.organizationId,
        startsAt: new Date(body.startsAt),
        endsAt: new Date(body.endsAt),
        place: body.place,
        chairName: body.chairName,
        chairAccountId: body.chairAccountId,
        secretaryAccountId: body.secretaryAccountId,
        delegates: body.delegates,
      })
      .returning();
    if (!meeting) throw new Error('meeting insert returned nothing');
    await setWorkplaceStatus(tx, place.rootPlanId, workplaceId, 'scheduled');
    await recordAudit(tx, actor, {
      action: 'meeting.schedule',
      targetType: 'meeting',
      targetId: meeting.id,
      organizationPath: place.organizationPath,
      changes: createdFields(body),
    });
    const capacity = meetingCapacity(actor, meeting, place.organizationPath) ?? 'committee';
    return { meeting, organizationPath: place.organizationPath, capacity };
  });
}

/** The meeting of a workplace in a plan, for whoever may see it (404 when none is scheduled). */
export async function meetingOfWorkplace(
  db: DbOrTx,
  actor: Actor,
  planId: string,
  workplaceId: string,
): Promise<MeetingInReach> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) throw notFound('kế hoạch');
  const rootPlanId = await determiningPlanId(db, plan);
  const [row] = await db
    .select({ meeting: meetings, organizationPath: organizations.path })
    .from(meetings)
    .innerJoin(organizations, eq(organizations.id, meetings.organizationId))
    .where(and(eq(meetings.planId, rootPlanId), eq(meetings.workplaceId, workplaceId)));
  if (!row) throw notFound('lịch họp của cơ quan, đơn vị này');
  const capacity = meetingCapacity(actor, row.meeting, row.organizationPath);
  if (!capacity) throw forbidden();
  return { ...row, capacity };
}
