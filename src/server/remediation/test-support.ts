import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { prepareMeeting } from '../meetings/test-support.js';
import type { TestContext } from '../test-support.js';

interface PointFields {
  selfCriticismId: string | null;
  kind: 'strength' | 'shortcoming' | 'proposal';
  text: string;
  responsibility: 'collective' | 'individual' | null;
  responsibleSelfCriticismId: string | null;
  conclusion: 'accepted' | 'explained' | null;
  explanation?: string;
}

async function insertCompilation(context: TestContext, meetingId: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    context.database.db,
    sql`insert into compilations (meeting_id) values (${meetingId}) returning id`,
  );
  return row!.id;
}

async function insertPoint(
  context: TestContext,
  compilationId: string,
  position: number,
  point: PointFields,
) {
  const [row] = await queryRows<{ id: string }>(
    context.database.db,
    sql`insert into compilation_points
          (compilation_id, self_criticism_id, area, kind, text, responsibility,
           responsible_self_criticism_id, conclusion, explanation, position)
        values (${compilationId}, ${point.selfCriticismId}, 'duties', ${point.kind}, ${point.text},
                ${point.responsibility}, ${point.responsibleSelfCriticismId}, ${point.conclusion},
                ${point.explanation ?? null}, ${position})
        returning id`,
  );
  return row!.id;
}

/**
 * The prepared meeting with its compilation (made in the database: the compilation module's own
 * tests cover how it is built) and four points: an accepted individual shortcoming of member B,
 * an accepted collective one, one explained, and an accepted point of another meeting (wpB1).
 */
export async function prepareRemediation(context: TestContext) {
  const meeting = await prepareMeeting(context);
  const compilationId = await insertCompilation(context, meeting.meetingId);
  const b = meeting.members.b.selfCriticismId;
  const individual = await insertPoint(context, compilationId, 1, {
    selfCriticismId: b,
    kind: 'shortcoming',
    text: 'Giải quyết hồ sơ còn chậm.',
    responsibility: 'individual',
    responsibleSelfCriticismId: b,
    conclusion: 'accepted',
  });
  const collective = await insertPoint(context, compilationId, 2, {
    selfCriticismId: null,
    kind: 'shortcoming',
    text: 'Chi bộ chưa công khai lịch tiếp dân.',
    responsibility: 'collective',
    responsibleSelfCriticismId: null,
    conclusion: 'accepted',
  });
  const explained = await insertPoint(context, compilationId, 3, {
    selfCriticismId: b,
    kind: 'shortcoming',
    text: 'Đi họp muộn.',
    responsibility: 'individual',
    responsibleSelfCriticismId: b,
    conclusion: 'explained',
    explanation: 'Đi công tác theo phân công.',
  });
  const [other] = await queryRows<{ id: string }>(
    context.database.db,
    sql`insert into meetings (plan_id, workplace_id, organization_id, starts_at, ends_at, place, chair_name, secretary_account_id)
        values (${meeting.planId}, ${meeting.tree.workplaces.wpB1}, ${meeting.tree.organizations.cellB1},
                '2026-11-11T08:00:00+07:00', '2026-11-11T11:00:00+07:00', 'Hội trường B1', 'Chủ trì B1',
                ${meeting.secretary.accountId})
        returning id`,
  );
  const otherCompilation = await insertCompilation(context, other!.id);
  const otherMeeting = await insertPoint(context, otherCompilation, 1, {
    selfCriticismId: null,
    kind: 'shortcoming',
    text: 'Điểm của cơ quan khác.',
    responsibility: 'collective',
    responsibleSelfCriticismId: null,
    conclusion: 'accepted',
  });
  return {
    ...meeting,
    compilationId,
    otherMeetingId: other!.id,
    points: { individual, collective, explained, otherMeeting },
  };
}

export type PreparedRemediation = Awaited<ReturnType<typeof prepareRemediation>>;

/** A day `days` from today in Vietnam (yyyy-mm-dd). */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
