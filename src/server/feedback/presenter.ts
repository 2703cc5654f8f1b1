import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { CommitteeResponse, OpinionEntry } from '../../contract/feedback.js';
import type { DbOrTx } from '../../db/client.js';
import { accounts, feedback, meetingResponses } from '../../db/schema/index.js';
import type { FeedbackArea, FeedbackChannel, FeedbackKind } from '../../domain/feedback.js';

export type FeedbackRow = typeof feedback.$inferSelect;

const entryColumns = {
  row: feedback,
  recordedByName: accounts.displayName,
};

/**
 * S6: the live page never sees phone rows — they are released to the committee elsewhere, all at
 * once after the form window closes. They carry no change number, and this filter says so twice.
 */
export const notPhone = and(ne(feedback.channel, 'phone'), isNotNull(feedback.changeSeq));

export function presentEntry(row: FeedbackRow, recordedByName: string | null): OpinionEntry {
  return {
    id: row.id,
    selfCriticismId: row.selfCriticismId,
    area: row.area as FeedbackArea,
    kind: row.kind as FeedbackKind,
    text: row.text,
    speakerName: row.speakerName,
    dissenting: row.dissenting,
    channel: row.channel as FeedbackChannel,
    version: row.version,
    changeSeq: row.changeSeq ?? 0,
    recordedByName,
    recordedAt: row.recordedAt ? row.recordedAt.toISOString() : '',
  };
}

/** One opinion as the live page shows it; never a phone row. */
export async function entryById(db: DbOrTx, id: string): Promise<OpinionEntry | null> {
  const [found] = await db
    .select(entryColumns)
    .from(feedback)
    .leftJoin(accounts, eq(accounts.id, feedback.recordedBy))
    .where(and(eq(feedback.id, id), notPhone));
  return found ? presentEntry(found.row, found.recordedByName) : null;
}

export async function meetingEntries(db: DbOrTx, meetingId: string, ids?: string[]): Promise<OpinionEntry[]> {
  const rows = await db
    .select(entryColumns)
    .from(feedback)
    .leftJoin(accounts, eq(accounts.id, feedback.recordedBy))
    .where(and(eq(feedback.meetingId, meetingId), notPhone, ids ? inArray(feedback.id, ids) : undefined))
    .orderBy(feedback.recordedAt, feedback.id);
  return rows.map((found) => presentEntry(found.row, found.recordedByName));
}

export async function meetingResponseList(db: DbOrTx, meetingId: string): Promise<CommitteeResponse[]> {
  const rows = await db
    .select({ response: meetingResponses, recordedByName: accounts.displayName })
    .from(meetingResponses)
    .innerJoin(accounts, eq(accounts.id, meetingResponses.recordedBy))
    .where(eq(meetingResponses.meetingId, meetingId))
    .orderBy(meetingResponses.createdAt);
  return rows.map(({ response, recordedByName }) => ({
    id: response.id,
    selfCriticismId: response.selfCriticismId,
    text: response.text,
    version: response.version,
    recordedByName,
    updatedAt: response.updatedAt.toISOString(),
  }));
}
