import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type {
  FeedbackMeetingList,
  OnlineFormBody,
  PaperFormBody,
  WrittenForm,
} from '../../contract/written-feedback.js';
import type { Db, DbOrTx } from '../../db/client.js';
import {
  accounts,
  feedback,
  feedbackForms,
  meetings,
  minutes,
  organizations,
  people,
  selfCriticisms,
  workplaces,
} from '../../db/schema/index.js';
import { EMPTY_FORM_MESSAGE, type FeedbackFormContent, opinionsOfForm } from '../../domain/feedback.js';
import { type AgendaStep, vietnamDate } from '../../domain/meetings.js';
import { acceptsNamedFeedback } from '../../domain/minutes.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { MINUTES_LOCKED_MESSAGE } from '../http/error-handler.js';
import { type MeetingRow, meetingForRecorder } from '../meetings/access.js';
import { meetingMembers, memberOfMeeting } from './members.js';

export const PARTY_MEMBER_MESSAGE =
  'Phiếu góp ý trên hệ thống dành cho quần chúng. Đảng viên góp ý cho nhau trong sinh hoạt chi bộ.';
export const OTHER_WORKPLACE_MESSAGE = 'Bạn chỉ góp ý cho đảng viên ở cơ quan, đơn vị nơi bạn làm việc.';
export const CLOSED_MESSAGE =
  'Buổi họp này không còn nhận phiếu góp ý: chỉ nhận trong lúc họp hoặc khi cấp ủy còn mở thời gian nhận phiếu.';

async function minutesLocked(db: DbOrTx, meetingId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: minutes.id })
    .from(minutes)
    .where(and(eq(minutes.meetingId, meetingId), isNotNull(minutes.lockedAt)));
  return Boolean(row);
}

function filledOpinions(form: FeedbackFormContent) {
  const opinions = opinionsOfForm(form);
  if (opinions.length === 0) {
    throw new AppError('bad_request', EMPTY_FORM_MESSAGE, [
      { path: 'body.form', message: EMPTY_FORM_MESSAGE },
    ]);
  }
  return opinions;
}

interface WrittenFormInsert {
  meeting: MeetingRow;
  selfCriticismId: string;
  channel: 'paper' | 'online';
  authorName: string | null;
  authorAccountId: string | null;
  recordedBy: string | null;
  form: FeedbackFormContent;
}

/** One form and one opinion per filled area, in one transaction; change_seq orders them for the live feed. */
async function insertWrittenForm(tx: DbOrTx, values: WrittenFormInsert) {
  const opinions = filledOpinions(values.form);
  const now = new Date();
  const [form] = await tx
    .insert(feedbackForms)
    .values({
      meetingId: values.meeting.id,
      selfCriticismId: values.selfCriticismId,
      channel: values.channel,
      authorName: values.authorName,
      authorAccountId: values.authorAccountId,
      recordedBy: values.recordedBy,
      recordedAt: now,
      submittedOn: vietnamDate(now),
    })
    .returning({ id: feedbackForms.id });
  if (!form) throw new Error('feedback form insert returned nothing');
  await tx.insert(feedback).values(
    opinions.map((opinion) => ({
      id: crypto.randomUUID(),
      meetingId: values.meeting.id,
      selfCriticismId: values.selfCriticismId,
      formId: form.id,
      channel: values.channel,
      area: opinion.area,
      kind: opinion.kind,
      text: opinion.text,
      speakerName: values.authorName,
      recordedBy: values.recordedBy ?? values.authorAccountId,
      recordedAt: now,
      changeSeq: sql`nextval('feedback_change_seq')`,
    })),
  );
  return { id: form.id, opinions: opinions.length };
}

/** The secretary (or the committee) types in a returned paper form. */
export async function recordPaperForm(db: Db, actor: Actor, meetingId: string, body: PaperFormBody) {
  return db.transaction(async (tx) => {
    const { meeting, organizationPath } = await meetingForRecorder(tx, actor, meetingId);
    if (await minutesLocked(tx, meeting.id)) throw new AppError('conflict', MINUTES_LOCKED_MESSAGE);
    await memberOfMeeting(tx, meeting, body.selfCriticismId);
    const created = await insertWrittenForm(tx, {
      meeting,
      selfCriticismId: body.selfCriticismId,
      channel: 'paper',
      authorName: body.authorName,
      authorAccountId: null,
      recordedBy: actor.accountId,
      form: body.form,
    });
    // Never the opinions' text in the audit log: only what was recorded, and for whom.
    await recordAudit(tx, actor, {
      action: 'feedback_form.paper',
      targetType: 'feedback_form',
      targetId: created.id,
      organizationPath,
      changes: {
        meetingId: { from: null, to: meeting.id },
        selfCriticismId: { from: null, to: body.selfCriticismId },
        opinions: { from: null, to: created.opinions },
      },
    });
    return created;
  });
}

/** Paper and named online forms with their opinions; phone forms are the phone module's (S6). */
export async function listWrittenForms(db: DbOrTx, actor: Actor, meetingId: string): Promise<WrittenForm[]> {
  const { meeting } = await meetingForRecorder(db, actor, meetingId);
  const forms = await db
    .select({
      id: feedbackForms.id,
      selfCriticismId: feedbackForms.selfCriticismId,
      memberName: selfCriticisms.fullName,
      channel: feedbackForms.channel,
      authorName: feedbackForms.authorName,
      submittedOn: feedbackForms.submittedOn,
    })
    .from(feedbackForms)
    .innerJoin(selfCriticisms, eq(selfCriticisms.id, feedbackForms.selfCriticismId))
    .where(and(eq(feedbackForms.meetingId, meeting.id), inArray(feedbackForms.channel, ['paper', 'online'])))
    .orderBy(asc(feedbackForms.recordedAt), asc(feedbackForms.id));
  if (forms.length === 0) return [];
  const opinions = await db
    .select({
      id: feedback.id,
      formId: feedback.formId,
      area: feedback.area,
      kind: feedback.kind,
      text: feedback.text,
    })
    .from(feedback)
    .where(
      and(
        eq(feedback.meetingId, meeting.id),
        inArray(
          feedback.formId,
          forms.map((form) => form.id),
        ),
      ),
    )
    .orderBy(asc(feedback.changeSeq));
  return forms.map((form) => ({
    ...form,
    channel: form.channel as WrittenForm['channel'],
    opinions: opinions
      .filter((opinion) => opinion.formId === form.id)
      .map(({ formId: _formId, ...opinion }) => opinion as WrittenForm['opinions'][number]),
  }));
}

interface NonMember {
  personId: string;
  workplaceId: string;
  isPartyMember: boolean;
}

async function personOfAccount(db: DbOrTx, actor: Actor): Promise<NonMember | null> {
  const [row] = await db
    .select({ personId: people.id, workplaceId: people.workplaceId, isPartyMember: people.isPartyMember })
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.personId))
    .where(eq(accounts.id, actor.accountId));
  return row ?? null;
}

const openFor = (meeting: MeetingRow, locked: boolean, now: Date) =>
  acceptsNamedFeedback(
    {
      agendaStep: meeting.agendaStep as AgendaStep,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      window: {
        openedAt: meeting.formWindowOpenedAt,
        endsAt: meeting.formWindowEndsAt,
        closedAt: meeting.formWindowClosedAt,
      },
      minutesLocked: locked,
    },
    now,
  );

/** Meetings where the signed-in non-member may send named feedback now: those of their own workplace. */
export async function feedbackMeetingsOfMe(db: DbOrTx, actor: Actor): Promise<FeedbackMeetingList> {
  const person = await personOfAccount(db, actor);
  if (!person) return { eligibility: 'no_person', items: [] };
  if (person.isPartyMember) return { eligibility: 'party_member', items: [] };
  const rows = await db
    .select({ meeting: meetings, workplaceName: workplaces.name })
    .from(meetings)
    .innerJoin(workplaces, eq(workplaces.id, meetings.workplaceId))
    .innerJoin(organizations, eq(organizations.id, meetings.organizationId))
    .where(eq(meetings.workplaceId, person.workplaceId))
    .orderBy(asc(meetings.startsAt));
  const now = new Date();
  const items: FeedbackMeetingList['items'] = [];
  for (const { meeting, workplaceName } of rows) {
    if (!openFor(meeting, await minutesLocked(db, meeting.id), now)) continue;
    const members = await meetingMembers(db, meeting);
    items.push({
      meetingId: meeting.id,
      workplaceName,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      place: meeting.place,
      members: members.map(({ personId: _personId, ...member }) => member),
    });
  }
  return { eligibility: 'eligible', items };
}

/** A signed-in non-member of the workplace sends a named form about one member. */
export async function submitOnlineForm(db: Db, actor: Actor, meetingId: string, body: OnlineFormBody) {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ meeting: meetings, organizationPath: organizations.path })
      .from(meetings)
      .innerJoin(organizations, eq(organizations.id, meetings.organizationId))
      .where(eq(meetings.id, meetingId));
    if (!found) throw notFound('buổi họp');
    const { meeting, organizationPath } = found;
    const person = await personOfAccount(tx, actor);
    if (!person) throw forbidden();
    if (person.isPartyMember) throw new AppError('forbidden', PARTY_MEMBER_MESSAGE);
    if (person.workplaceId !== meeting.workplaceId) throw new AppError('forbidden', OTHER_WORKPLACE_MESSAGE);
    const locked = await minutesLocked(tx, meeting.id);
    if (locked) throw new AppError('conflict', MINUTES_LOCKED_MESSAGE);
    if (!openFor(meeting, locked, new Date())) throw new AppError('conflict', CLOSED_MESSAGE);
    await memberOfMeeting(tx, meeting, body.selfCriticismId);
    const created = await insertWrittenForm(tx, {
      meeting,
      selfCriticismId: body.selfCriticismId,
      channel: 'online',
      authorName: actor.displayName,
      authorAccountId: actor.accountId,
      recordedBy: null,
      form: body.form,
    });
    await recordAudit(tx, actor, {
      action: 'feedback_form.online',
      targetType: 'feedback_form',
      targetId: created.id,
      organizationPath,
      changes: {
        meetingId: { from: null, to: meeting.id },
        selfCriticismId: { from: null, to: body.selfCriticismId },
        opinions: { from: null, to: created.opinions },
      },
    });
    return created;
  });
}
