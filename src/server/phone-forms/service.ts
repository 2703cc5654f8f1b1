import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FeedbackFormContentBody } from '../../contract/feedback-form.js';
import type { PhoneFormOpened, ReleasedPhoneForms } from '../../contract/phone-forms.js';
import { type Db, type DbOrTx, queryRows } from '../../db/client.js';
import {
  feedback,
  feedbackCodes,
  feedbackCodeUses,
  feedbackForms,
  meetings,
  selfCriticisms,
  workplaces,
} from '../../db/schema/index.js';
import { EMPTY_FORM_MESSAGE, opinionsOfForm } from '../../domain/feedback.js';
import { type FormWindow, formWindowState, vietnamDate } from '../../domain/meetings.js';
import { isWellFormedCode, MAX_FORM_WINDOW_MS, normalizeCode } from '../../domain/phone-codes.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, notFound } from '../errors.js';
import { type MeetingInReach, type MeetingRow, meetingForCommittee } from '../meetings/access.js';
import { hashCode, newCode } from './codes.js';

const windowOf = (meeting: MeetingRow) => ({
  openedAt: meeting.formWindowOpenedAt,
  endsAt: meeting.formWindowEndsAt,
  closedAt: meeting.formWindowClosedAt,
});

const ddmmyyyy = (isoDay: string) => isoDay.split('-').reverse().join('/');

/** The meeting's workplace name and its day (dd/mm/yyyy), for the sheet header and the phone page. */
export async function meetingHeading(db: DbOrTx, meeting: MeetingRow) {
  const [workplace] = await db
    .select({ name: workplaces.name })
    .from(workplaces)
    .where(eq(workplaces.id, meeting.workplaceId));
  return { workplaceName: workplace?.name ?? '', meetingDate: ddmmyyyy(vietnamDate(meeting.startsAt)) };
}

/**
 * Issues `count` codes for the meeting and returns them: the caller prints them at once, because
 * only their keyed hashes are kept. Audit: the count only.
 */
export async function issueCodes(db: Db, actor: Actor, key: Buffer, meetingId: string, count: number) {
  const found = await meetingForCommittee(db, actor, meetingId);
  if (formWindowState(windowOf(found.meeting), new Date()) === 'closed') {
    throw new AppError('conflict', 'Cửa sổ nhận phiếu đã đóng: không cấp thêm mã góp ý.');
  }
  const codes = Array.from({ length: count }, newCode);
  await db.transaction(async (tx) => {
    await tx
      .insert(feedbackCodes)
      .values(codes.map((code) => ({ meetingId, codeHash: hashCode(key, code), issuedBy: actor.accountId })));
    await recordAudit(tx, actor, {
      action: 'phone_codes.issue',
      targetType: 'meeting',
      targetId: meetingId,
      organizationPath: found.organizationPath,
      changes: { count: { from: null, to: count } },
    });
  });
  return { found, codes };
}

export async function issuedCount(db: Db, actor: Actor, meetingId: string): Promise<number> {
  await meetingForCommittee(db, actor, meetingId);
  const [row] = await db
    .select({ issued: sql<number>`count(*)::int` })
    .from(feedbackCodes)
    .where(eq(feedbackCodes.meetingId, meetingId));
  return row?.issued ?? 0;
}

/** Opens the window until `endsAt`, or moves the end of an open one. A closed window stays closed. */
export async function openFormWindow(
  db: Db,
  actor: Actor,
  meetingId: string,
  endsAt: Date,
): Promise<MeetingInReach> {
  const found = await meetingForCommittee(db, actor, meetingId);
  const now = new Date();
  if (formWindowState(windowOf(found.meeting), now) === 'closed') {
    throw new AppError(
      'conflict',
      'Cửa sổ nhận phiếu đã đóng và không mở lại được: phiếu ẩn danh đã được công bố cho cấp ủy.',
    );
  }
  if (endsAt.getTime() <= now.getTime()) {
    throw new AppError('bad_request', 'Giờ đóng cửa sổ nhận phiếu phải sau thời điểm hiện tại.', [
      { path: 'body.endsAt', message: 'Giờ đóng phải sau thời điểm hiện tại.' },
    ]);
  }
  if (endsAt.getTime() - now.getTime() > MAX_FORM_WINDOW_MS) {
    throw new AppError('bad_request', 'Cửa sổ nhận phiếu mở tối đa 3 ngày.', [
      { path: 'body.endsAt', message: 'Giờ đóng tối đa 3 ngày sau thời điểm hiện tại.' },
    ]);
  }
  return db.transaction(async (tx) => {
    const [meeting] = await tx
      .update(meetings)
      .set({
        formWindowOpenedAt: found.meeting.formWindowOpenedAt ?? now,
        formWindowEndsAt: endsAt,
        version: sql`${meetings.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(meetings.id, meetingId), eq(meetings.version, found.meeting.version)))
      .returning();
    if (!meeting) throw new AppError('conflict', 'Buổi họp vừa được thay đổi. Vui lòng tải lại trang.');
    await recordAudit(tx, actor, {
      action: 'form_window.open',
      targetType: 'meeting',
      targetId: meetingId,
      organizationPath: found.organizationPath,
      changes: { formWindowEndsAt: { from: found.meeting.formWindowEndsAt, to: endsAt } },
    });
    return { ...found, meeting };
  });
}

/** Closes the window for good; the anonymous forms are released to the committee from then on. */
export async function closeFormWindow(db: Db, actor: Actor, meetingId: string): Promise<MeetingInReach> {
  const found = await meetingForCommittee(db, actor, meetingId);
  const now = new Date();
  const state = formWindowState(windowOf(found.meeting), now);
  if (state === 'not_opened') throw new AppError('conflict', 'Cửa sổ nhận phiếu chưa được mở.');
  if (found.meeting.formWindowClosedAt) return found;
  return db.transaction(async (tx) => {
    const [meeting] = await tx
      .update(meetings)
      .set({ formWindowClosedAt: now, version: sql`${meetings.version} + 1`, updatedAt: now })
      .where(and(eq(meetings.id, meetingId), eq(meetings.version, found.meeting.version)))
      .returning();
    if (!meeting) throw new AppError('conflict', 'Buổi họp vừa được thay đổi. Vui lòng tải lại trang.');
    await recordAudit(tx, actor, {
      action: 'form_window.close',
      targetType: 'meeting',
      targetId: meetingId,
      organizationPath: found.organizationPath,
      changes: { formWindowClosedAt: { from: null, to: now } },
    });
    return { ...found, meeting };
  });
}

export const FORMS_HELD_MESSAGE =
  'Phiếu ẩn danh chỉ hiện sau khi đóng cửa sổ nhận phiếu, tất cả cùng lúc và theo thứ tự ngẫu nhiên, để không ai đoán được người gửi.';

/** S6: every phone form at once after the window closed, ordered by their random ids (not by arrival). */
export async function releasedForms(db: Db, actor: Actor, meetingId: string): Promise<ReleasedPhoneForms> {
  const found = await meetingForCommittee(db, actor, meetingId);
  if (formWindowState(windowOf(found.meeting), new Date()) !== 'closed') {
    throw new AppError('conflict', FORMS_HELD_MESSAGE);
  }
  const forms = await db
    .select({
      id: feedbackForms.id,
      selfCriticismId: feedbackForms.selfCriticismId,
      fullName: selfCriticisms.fullName,
      submittedOn: feedbackForms.submittedOn,
    })
    .from(feedbackForms)
    .innerJoin(selfCriticisms, eq(selfCriticisms.id, feedbackForms.selfCriticismId))
    .where(and(eq(feedbackForms.meetingId, meetingId), eq(feedbackForms.channel, 'phone')))
    .orderBy(asc(feedbackForms.id));
  const opinions = forms.length
    ? await db
        .select({ formId: feedback.formId, area: feedback.area, kind: feedback.kind, text: feedback.text })
        .from(feedback)
        .where(
          inArray(
            feedback.formId,
            forms.map((form) => form.id),
          ),
        )
    : [];
  return {
    items: forms.map((form) => ({
      ...form,
      opinions: opinions
        .filter((opinion) => opinion.formId === form.id)
        .map(({ area, kind, text }) => ({ area, kind, text })),
    })),
  };
}

export const UNKNOWN_CODE_MESSAGE =
  'Mã không đúng. Hãy kiểm tra lại mã trên phiếu (gồm 10 ký tự, không có số 0, số 1, chữ O, I, L).';

/** The code's row by its keyed hash; null for a malformed or unknown code. */
async function codeRow(db: DbOrTx, key: Buffer, input: string) {
  const code = normalizeCode(input);
  if (!isWellFormedCode(code)) return null;
  const [row] = await db
    .select({ codeId: feedbackCodes.id, meeting: meetings })
    .from(feedbackCodes)
    .innerJoin(meetings, eq(meetings.id, feedbackCodes.meetingId))
    .where(eq(feedbackCodes.codeHash, hashCode(key, code)));
  return row ?? null;
}

function assertWindowOpen(window: FormWindow, now: Date): void {
  const state = formWindowState(window, now);
  if (state === 'not_opened') {
    throw new AppError(
      'conflict',
      'Cấp ủy chưa mở nhận phiếu góp ý cho buổi họp này. Vui lòng thử lại khi buổi họp bắt đầu.',
    );
  }
  if (state === 'closed') {
    throw new AppError('conflict', 'Đã hết thời gian nhận phiếu góp ý của buổi họp này. Cảm ơn bạn.');
  }
}

export class UnknownCodeError extends AppError {
  constructor() {
    super('not_found', UNKNOWN_CODE_MESSAGE);
  }
}

/** What the phone shows for a code: the workplace, the day, and the members with their summaries. */
export async function openPhoneForm(db: Db, key: Buffer, input: string): Promise<PhoneFormOpened> {
  const row = await codeRow(db, key, input);
  if (!row) throw new UnknownCodeError();
  assertWindowOpen(windowOf(row.meeting), new Date());
  const members = await db
    .select({
      selfCriticismId: selfCriticisms.id,
      fullName: selfCriticisms.fullName,
      summary: selfCriticisms.summary,
      used: sql<boolean>`${feedbackCodeUses.codeId} is not null`,
    })
    .from(selfCriticisms)
    .leftJoin(
      feedbackCodeUses,
      and(eq(feedbackCodeUses.selfCriticismId, selfCriticisms.id), eq(feedbackCodeUses.codeId, row.codeId)),
    )
    .where(
      and(
        eq(selfCriticisms.planId, row.meeting.planId),
        eq(selfCriticisms.workplaceId, row.meeting.workplaceId),
      ),
    )
    .orderBy(asc(selfCriticisms.fullName));
  return {
    ...(await meetingHeading(db, row.meeting)),
    windowEndsAt: row.meeting.formWindowEndsAt?.toISOString() ?? null,
    members: members.map((member) => ({
      selfCriticismId: member.selfCriticismId,
      fullName: member.fullName,
      duties: member.summary?.duties ?? '',
      strengths: member.summary?.strengths ?? '',
      shortcomings: member.summary?.shortcomings ?? '',
      alreadySent: Boolean(member.used),
    })),
  };
}

interface SubmitRow extends Record<string, unknown> {
  opened_at: Date | string | null;
  ends_at: Date | string | null;
  closed_at: Date | string | null;
  full_name: string | null;
  used_now: number | string;
}

const instant = (value: Date | string | null) => (value === null ? null : new Date(value));

/**
 * One anonymous form about one member, as ONE statement (so one transaction and one round trip,
 * QUALITY P1): the code's hash is looked up, and only when the window is open and the member
 * belongs to the code's meeting is the code marked used for the member, then the form and its
 * opinions inserted. The answer says which condition failed; nothing was written then.
 * S6: the form and its opinions carry no account, time (the day only), sequence or code; the code
 * is marked used for the member, not for the form; nothing is audited.
 */
export async function submitPhoneForm(
  db: Db,
  key: Buffer,
  input: { code: string; selfCriticismId: string; form: FeedbackFormContentBody },
): Promise<{ fullName: string }> {
  const opinions = opinionsOfForm(input.form);
  if (opinions.length === 0) throw new AppError('bad_request', EMPTY_FORM_MESSAGE);
  const code = normalizeCode(input.code);
  if (!isWellFormedCode(code)) throw new UnknownCodeError();
  const now = new Date();
  const rows = opinions.map((opinion) => ({ id: randomUUID(), ...opinion }));
  const [row] = await queryRows<SubmitRow>(
    db,
    sql`with c as (
          select fc.id as code_id, m.id as meeting_id, m.plan_id, m.workplace_id,
                 m.form_window_opened_at, m.form_window_ends_at, m.form_window_closed_at
          from feedback_codes fc join meetings m on m.id = fc.meeting_id
          where fc.code_hash = ${hashCode(key, code)}
        ),
        s as (
          select sc.id, sc.full_name from self_criticisms sc join c
            on sc.plan_id = c.plan_id and sc.workplace_id = c.workplace_id
          where sc.id = ${input.selfCriticismId}
        ),
        u as (
          insert into feedback_code_uses (code_id, self_criticism_id)
          select c.code_id, s.id from c, s
          where c.form_window_opened_at is not null and c.form_window_closed_at is null
            and (c.form_window_ends_at is null or c.form_window_ends_at > ${now.toISOString()}::timestamptz)
          on conflict do nothing
          returning code_id
        ),
        f as (
          insert into feedback_forms (id, meeting_id, self_criticism_id, channel, submitted_on)
          select ${randomUUID()}::uuid, c.meeting_id, s.id, 'phone', ${vietnamDate(now)}::date from c, s, u
          returning id
        ),
        o as (
          insert into feedback (id, meeting_id, self_criticism_id, form_id, channel, area, kind, text)
          select x.id, c.meeting_id, s.id, f.id, 'phone', x.area, x.kind, x.text
          from c, s, f, jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, area text, kind text, text text)
          returning 1
        )
        select c.form_window_opened_at as opened_at, c.form_window_ends_at as ends_at,
               c.form_window_closed_at as closed_at, s.full_name, (select count(*) from u) as used_now
        from c left join s on true`,
  );
  if (!row) throw new UnknownCodeError();
  assertWindowOpen(
    { openedAt: instant(row.opened_at), endsAt: instant(row.ends_at), closedAt: instant(row.closed_at) },
    now,
  );
  if (row.full_name === null) throw notFound('đảng viên này trong buổi họp');
  if (Number(row.used_now) === 0) {
    throw new AppError(
      'conflict',
      `Mã này đã được dùng để góp ý cho đồng chí ${row.full_name}. Mỗi mã chỉ gửi một phiếu cho mỗi đồng chí.`,
    );
  }
  return { fullName: row.full_name };
}
