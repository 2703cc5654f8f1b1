import { asc, eq, sql } from 'drizzle-orm';
import type { CompiledOpinionView } from '../../contract/compilations.js';
import type { DbOrTx } from '../../db/client.js';
import { feedback } from '../../db/schema/index.js';
import type { CompiledOpinion } from '../../domain/compilation.js';
import {
  FEEDBACK_CHANNEL_LABELS,
  type FeedbackArea,
  type FeedbackChannel,
  type FeedbackKind,
  UNNAMED_SPEAKER,
} from '../../domain/feedback.js';
import { formWindowState } from '../../domain/meetings.js';
import type { MeetingRow } from '../meetings/access.js';

export type MeetingOpinion = CompiledOpinion & {
  channel: FeedbackChannel;
  speakerName: string | null;
  dissenting: boolean;
};

/** S6: phone opinions reach the committee only once the meeting's form window has closed. */
export function phoneReleased(meeting: MeetingRow, now = new Date()): boolean {
  const state = formWindowState(
    {
      openedAt: meeting.formWindowOpenedAt,
      endsAt: meeting.formWindowEndsAt,
      closedAt: meeting.formWindowClosedAt,
    },
    now,
  );
  return state !== 'open';
}

/**
 * Every opinion of the meeting, all channels, in recording order. Phone rows have no recording
 * order (S6): they come last, in the order of their random ids, so nothing about sending shows.
 */
export async function meetingOpinions(db: DbOrTx, meeting: MeetingRow): Promise<MeetingOpinion[]> {
  const rows = await db
    .select({
      id: feedback.id,
      selfCriticismId: feedback.selfCriticismId,
      area: feedback.area,
      kind: feedback.kind,
      text: feedback.text,
      channel: feedback.channel,
      speakerName: feedback.speakerName,
      dissenting: feedback.dissenting,
    })
    .from(feedback)
    .where(eq(feedback.meetingId, meeting.id))
    .orderBy(sql`${feedback.changeSeq} asc nulls last`, asc(feedback.id));
  const released = phoneReleased(meeting);
  return rows
    .filter((row) => released || row.channel !== 'phone')
    .map((row) => ({
      ...row,
      area: row.area as FeedbackArea,
      kind: row.kind as FeedbackKind,
      channel: row.channel as FeedbackChannel,
    }));
}

export function presentOpinion(opinion: MeetingOpinion): CompiledOpinionView {
  return {
    feedbackId: opinion.id,
    selfCriticismId: opinion.selfCriticismId,
    area: opinion.area,
    kind: opinion.kind,
    text: opinion.text,
    channel: opinion.channel,
    channelLabel: FEEDBACK_CHANNEL_LABELS[opinion.channel],
    // S6: a phone opinion never names anyone, whatever a row might hold.
    speaker: opinion.channel === 'phone' ? UNNAMED_SPEAKER : (opinion.speakerName ?? UNNAMED_SPEAKER),
    dissenting: opinion.dissenting,
  };
}
