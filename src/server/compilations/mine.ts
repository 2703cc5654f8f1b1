import { and, asc, eq, inArray } from 'drizzle-orm';
import type { MyCompiledPointsView } from '../../contract/compilations.js';
import type { DbOrTx } from '../../db/client.js';
import {
  compilationPointOpinions,
  compilationPoints,
  compilations,
  feedback,
  meetingAttendance,
  meetings,
  plans,
  selfCriticisms,
} from '../../db/schema/index.js';
import type { Conclusion, Responsibility } from '../../domain/compilation.js';
import {
  FEEDBACK_AREAS,
  FEEDBACK_CHANNEL_LABELS,
  FEEDBACK_KINDS,
  type FeedbackArea,
  type FeedbackChannel,
  type FeedbackKind,
  UNNAMED_SPEAKER,
} from '../../domain/feedback.js';
import { vietnamDate } from '../../domain/meetings.js';
import type { Actor } from '../auth/actor.js';
import { personOf } from '../self-criticisms/access.js';

/**
 * The signed-in member's compiled points from final compilations, per meeting. This is how an
 * absent member learns what was said (DESIGN step 8); drafts stay with the committee.
 */
export async function myCompiledPoints(db: DbOrTx, actor: Actor): Promise<MyCompiledPointsView> {
  const personId = await personOf(db, actor);
  if (!personId) return { meetings: [] };
  const rows = await db
    .select({
      meetingId: meetings.id,
      startsAt: meetings.startsAt,
      year: plans.year,
      workplaceName: selfCriticisms.workplaceName,
      selfCriticismId: selfCriticisms.id,
      finalizedAt: compilations.finalizedAt,
      present: meetingAttendance.present,
      absenceReason: meetingAttendance.absenceReason,
      toldAt: meetingAttendance.toldAt,
    })
    .from(selfCriticisms)
    .innerJoin(
      meetings,
      and(eq(meetings.planId, selfCriticisms.planId), eq(meetings.workplaceId, selfCriticisms.workplaceId)),
    )
    .innerJoin(plans, eq(plans.id, meetings.planId))
    .innerJoin(compilations, and(eq(compilations.meetingId, meetings.id), eq(compilations.status, 'final')))
    .leftJoin(
      meetingAttendance,
      and(
        eq(meetingAttendance.meetingId, meetings.id),
        eq(meetingAttendance.selfCriticismId, selfCriticisms.id),
      ),
    )
    .where(eq(selfCriticisms.personId, personId))
    .orderBy(asc(meetings.startsAt));
  if (rows.length === 0) return { meetings: [] };
  const points = await db
    .select()
    .from(compilationPoints)
    .where(
      inArray(
        compilationPoints.selfCriticismId,
        rows.map((row) => row.selfCriticismId),
      ),
    )
    .orderBy(asc(compilationPoints.position));
  const opinions = points.length
    ? await db
        .select({
          pointId: compilationPointOpinions.pointId,
          text: feedback.text,
          channel: feedback.channel,
          speakerName: feedback.speakerName,
          dissenting: feedback.dissenting,
        })
        .from(compilationPointOpinions)
        .innerJoin(feedback, eq(feedback.id, compilationPointOpinions.feedbackId))
        .where(
          inArray(
            compilationPointOpinions.pointId,
            points.map((point) => point.id),
          ),
        )
    : [];
  const order = (point: (typeof points)[number]) =>
    FEEDBACK_AREAS.indexOf(point.area as FeedbackArea) * 10 +
    FEEDBACK_KINDS.indexOf(point.kind as FeedbackKind);
  return {
    meetings: rows.map((row) => ({
      meetingId: row.meetingId,
      year: row.year,
      workplaceName: row.workplaceName,
      meetingDate: vietnamDate(row.startsAt),
      finalizedAt: row.finalizedAt!.toISOString(),
      absent: row.present === false,
      absenceReason: row.absenceReason,
      toldAt: row.toldAt?.toISOString() ?? null,
      points: points
        .filter((point) => point.selfCriticismId === row.selfCriticismId)
        .sort((a, b) => order(a) - order(b) || a.position - b.position)
        .map((point) => ({
          id: point.id,
          area: point.area as FeedbackArea,
          kind: point.kind as FeedbackKind,
          text: point.text,
          dissenting: point.dissenting,
          responsibility: point.responsibility as Responsibility | null,
          conclusion: point.conclusion as Conclusion | null,
          explanation: point.explanation,
          opinions: opinions
            .filter((opinion) => opinion.pointId === point.id)
            .map((opinion) => ({
              text: opinion.text,
              channelLabel: FEEDBACK_CHANNEL_LABELS[opinion.channel as FeedbackChannel],
              // S6: phone opinions are never tied to anyone.
              speaker:
                opinion.channel === 'phone' ? UNNAMED_SPEAKER : (opinion.speakerName ?? UNNAMED_SPEAKER),
              dissenting: opinion.dissenting,
            })),
        })),
    })),
  };
}
