import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { plans, workplaces } from '../../db/schema/index.js';
import type { CompilationDocumentInput } from '../../documents/compilation-document.js';
import { FEEDBACK_AREAS } from '../../domain/feedback.js';
import { vietnamDate } from '../../domain/meetings.js';
import type { Actor } from '../auth/actor.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { meetingInReach } from '../meetings/access.js';
import { documentNames } from '../organizations/document-names.js';
import { compilationOfMeeting, NO_COMPILATION_MESSAGE } from './access.js';
import { COLLECTIVE_NAME, compilationContent } from './read.js';

/** The compilation as its report: the header and `Nơi nhận:` from the tree like the minutes, the place from the plan. */
export async function compilationDocumentInput(
  db: DbOrTx,
  actor: Actor,
  meetingId: string,
): Promise<CompilationDocumentInput> {
  const { meeting, capacity } = await meetingInReach(db, actor, meetingId);
  if (capacity === 'reader') throw forbidden();
  const compilation = await compilationOfMeeting(db, meeting.id);
  if (!compilation) throw new AppError('conflict', NO_COMPILATION_MESSAGE);
  const [cell] = await db
    .select({ place: plans.place, year: plans.year, workplaceName: workplaces.name })
    .from(plans)
    .innerJoin(workplaces, eq(workplaces.id, meeting.workplaceId))
    .where(eq(plans.id, meeting.planId));
  if (!cell) throw notFound('kế hoạch');
  const names = await documentNames(db, meeting.organizationId);
  const content = await compilationContent(db, meeting, compilation);
  const targets = [
    { selfCriticismId: null as string | null, name: COLLECTIVE_NAME, collective: true },
    ...content.members.map((member) => ({ ...member, name: member.fullName, collective: false })),
  ];
  const meetingDate = vietnamDate(meeting.startsAt);
  return {
    superiorName: names.header.superior,
    issuerName: names.header.issuer,
    committeeName: names.committeeName,
    shortName: names.shortName,
    number: compilation.number,
    recipients: names.recipients,
    placeName: cell.place,
    date: compilation.finalizedAt ? vietnamDate(compilation.finalizedAt) : meetingDate,
    meetingDate,
    year: cell.year,
    workplaceName: cell.workplaceName,
    final: compilation.status === 'final',
    targets: targets.map((target) => ({
      name: target.name,
      collective: target.collective,
      areas: FEEDBACK_AREAS.map((area) => ({
        area,
        points: content.points
          .filter((point) => point.selfCriticismId === target.selfCriticismId && point.area === area)
          .map((point) => ({
            kind: point.kind,
            text: point.text,
            dissenting: point.dissenting,
            responsibility: point.responsibility,
            responsibleName: point.responsibleName,
            conclusion: point.conclusion,
            explanation: point.explanation,
            opinionCount: point.opinions.length,
          })),
      })).filter((group) => group.points.length > 0),
    })),
  };
}
