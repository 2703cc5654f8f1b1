import { randomInt } from 'node:crypto';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { FeedbackFormContentBody } from '../../contract/feedback-form.js';
import type { PhoneFormOpened, ReleasedPhoneForms } from '../../contract/phone-forms.js';
import { type Db, type DbOrTx, preparedRows } from '../../db/client.js';
import {
  feedback,
  feedbackCodes,
  feedbackForms,
  meetings,
  selfCriticisms,
  workplaces,
} from '../../db/schema/index.js';
import {
  type AnonymousForm,
  type AnonymousOpinion,
  CODE_THROTTLE,
  groupAnonymousForms,
  isThrottled,
  throttleCountedSince,
} from '../../domain/anonymity.js';
import { EMPTY_FORM_MESSAGE, opinionsOfForm } from '../../domain/feedback.js';
import { type FormWindow, formWindowState, vietnamDate } from '../../domain/meetings.js';
import { isWellFormedCode, MAX_FORM_WINDOW_MS, normalizeCode } from '../../domain/phone-codes.js';
import { recordAudit } from '../audit/record.js';
import type { Actor } from '../auth/actor.js';
import { AppError, notFound } from '../errors.js';
import { type MeetingInReach, type MeetingRow, meetingForCommittee } from '../meetings/access.js';
import { readAnonymitySettings } from '../settings/anonymity-settings.js';
import { compactBallotBox, moveBallots } from './ballot-box.js';
import { hashCode, newCode } from './codes.js';
import { UnknownCodeError } from './errors.js';
import { type CodeThrottle, tooManyCodeAttempts } from './throttle.js';

/** A copy in a uniformly random order (Fisher–Yates with the system's random source). */
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = randomInt(index + 1);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

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
    // S6: stored in an order of their own, not the slips' order on the sheet.
    await tx.insert(feedbackCodes).values(
      shuffled(codes).map((code) => ({
        meetingId,
        codeHash: hashCode(key, code),
        issuedBy: actor.accountId,
      })),
    );
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

/**
 * Closes the window for good and releases the anonymous forms to the committee: in one
 * transaction the meeting is marked closed and every form of the ballot box moves, in random
 * order, into the forms tables, and the meeting's use markers go (ballot-box.ts). Then what the
 * deleted rows left in the box's files is removed.
 */
export async function closeFormWindow(db: Db, actor: Actor, meetingId: string): Promise<MeetingInReach> {
  const found = await meetingForCommittee(db, actor, meetingId);
  const now = new Date();
  const state = formWindowState(windowOf(found.meeting), now);
  if (state === 'not_opened') throw new AppError('conflict', 'Cửa sổ nhận phiếu chưa được mở.');
  if (found.meeting.formWindowClosedAt) return found;
  const closed = await db.transaction(async (tx) => {
    const [meeting] = await tx
      .update(meetings)
      .set({ formWindowClosedAt: now, version: sql`${meetings.version} + 1`, updatedAt: now })
      .where(and(eq(meetings.id, meetingId), eq(meetings.version, found.meeting.version)))
      .returning();
    if (!meeting) throw new AppError('conflict', 'Buổi họp vừa được thay đổi. Vui lòng tải lại trang.');
    await moveBallots(tx, [meetingId]);
    await recordAudit(tx, actor, {
      action: 'form_window.close',
      targetType: 'meeting',
      targetId: meetingId,
      organizationPath: found.organizationPath,
      changes: { formWindowClosedAt: { from: null, to: now } },
    });
    return { ...found, meeting };
  });
  // The forms are released whatever happens next; a compaction that fails is redone by the sweep,
  // which logs its own failures (sweep.ts).
  await compactBallotBox(db).catch(() => undefined);
  return closed;
}

export const FORMS_HELD_MESSAGE =
  'Phiếu ẩn danh chỉ hiện sau khi đóng cửa sổ nhận phiếu, tất cả cùng lúc và theo thứ tự ngẫu nhiên, để không ai đoán được người gửi.';

/**
 * S6: the anonymous written opinions about each member — phone forms, released all at once after
 * the window closed, and paper forms that carry no name — as the committee may see them: form by
 * form from the small-group setting up, below it one merged list without forms or channels
 * (domain/anonymity.ts). Members in name order, forms in the order of their random ids.
 */
export async function releasedForms(db: Db, actor: Actor, meetingId: string): Promise<ReleasedPhoneForms> {
  const found = await meetingForCommittee(db, actor, meetingId);
  if (formWindowState(windowOf(found.meeting), new Date()) !== 'closed') {
    throw new AppError('conflict', FORMS_HELD_MESSAGE);
  }
  const { smallGroupThreshold } = await readAnonymitySettings(db);
  const forms = await db
    .select({
      id: feedbackForms.id,
      selfCriticismId: feedbackForms.selfCriticismId,
      fullName: selfCriticisms.fullName,
      channel: feedbackForms.channel,
      submittedOn: feedbackForms.submittedOn,
    })
    .from(feedbackForms)
    .innerJoin(selfCriticisms, eq(selfCriticisms.id, feedbackForms.selfCriticismId))
    .where(
      and(
        eq(feedbackForms.meetingId, meetingId),
        or(
          eq(feedbackForms.channel, 'phone'),
          and(eq(feedbackForms.channel, 'paper'), isNull(feedbackForms.authorName)),
        ),
      ),
    )
    .orderBy(asc(feedbackForms.id));
  const opinions = forms.length
    ? await db
        .select({ formId: feedback.formId, area: feedback.area, kind: feedback.kind, text: feedback.text })
        .from(feedback)
        .where(
          and(
            eq(feedback.meetingId, meetingId),
            inArray(
              feedback.formId,
              forms.map((form) => form.id),
            ),
          ),
        )
        .orderBy(asc(feedback.id))
    : [];
  const members = new Map<string, { selfCriticismId: string; fullName: string; forms: AnonymousForm[] }>();
  for (const form of forms) {
    const member = members.get(form.selfCriticismId) ?? {
      selfCriticismId: form.selfCriticismId,
      fullName: form.fullName,
      forms: [],
    };
    member.forms.push({
      id: form.id,
      channel: form.channel as AnonymousForm['channel'],
      submittedOn: form.submittedOn,
      opinions: opinions
        .filter((opinion) => opinion.formId === form.id)
        .map(({ area, kind, text }) => ({ area, kind, text }) as AnonymousOpinion),
    });
    members.set(form.selfCriticismId, member);
  }
  const collator = new Intl.Collator('vi');
  return {
    smallGroupThreshold,
    phoneForms: forms.filter((form) => form.channel === 'phone').length,
    members: [...members.values()]
      .sort((left, right) => collator.compare(left.fullName, right.fullName))
      .map(({ forms: memberForms, ...member }) => ({
        ...member,
        ...groupAnonymousForms(memberForms, smallGroupThreshold),
      })),
  };
}

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

/**
 * What the phone shows for a code: the workplace, the day, and the members with their summaries.
 * S6: the same for every code of the meeting, used or not — the server never says which members a
 * code has sent a form about (the phone remembers what it sent).
 */
export async function openPhoneForm(db: Db, key: Buffer, input: string): Promise<PhoneFormOpened> {
  const row = await codeRow(db, key, input);
  if (!row) throw new UnknownCodeError();
  assertWindowOpen(windowOf(row.meeting), new Date());
  const members = await db
    .select({
      selfCriticismId: selfCriticisms.id,
      fullName: selfCriticisms.fullName,
      summary: selfCriticisms.summary,
    })
    .from(selfCriticisms)
    .where(
      and(
        eq(selfCriticisms.planId, row.meeting.planId),
        eq(selfCriticisms.workplaceId, row.meeting.workplaceId),
      ),
    )
    .orderBy(asc(selfCriticisms.fullName), asc(selfCriticisms.id));
  return {
    ...(await meetingHeading(db, row.meeting)),
    windowEndsAt: row.meeting.formWindowEndsAt?.toISOString() ?? null,
    members: members.map((member) => ({
      selfCriticismId: member.selfCriticismId,
      fullName: member.fullName,
      duties: member.summary?.duties ?? '',
      strengths: member.summary?.strengths ?? '',
      shortcomings: member.summary?.shortcomings ?? '',
    })),
  };
}

interface SubmitRow extends Record<string, unknown> {
  recent_failures: number | string;
  code_known: boolean;
  opened_at: Date | string | null;
  ends_at: Date | string | null;
  closed_at: Date | string | null;
  full_name: string | null;
  used_now: number | string;
}

const instant = (value: Date | string | null) => (value === null ? null : new Date(value));

export const ALREADY_SENT_MESSAGE = (fullName: string) =>
  `Mã này đã được dùng để góp ý cho đồng chí ${fullName}. Mỗi mã chỉ gửi một phiếu cho mỗi đồng chí.`;

/**
 * The statement of `submitPhoneForm`, a constant text (P1: sent as a named prepared statement,
 * nothing built per request). $1 scope, $2 address key and $3 oldest bucket counted: the
 * address's recent wrong codes, as `CodeThrottle.recentFailures`; $4 the code's hash; $5 the
 * member's self-criticism; $6 the throttle's limit; $7 now; $8 the day (Vietnam); $9 the opinions.
 */
const SUBMIT_STATEMENT = `
with t as (
  select coalesce(sum(failures), 0)::int as recent_failures from code_attempt_failures
  where scope = $1 and address_key = $2 and bucket_start >= $3::timestamptz
),
c as (
  select fc.id as code_id, m.id as meeting_id, m.plan_id, m.workplace_id,
         m.form_window_opened_at, m.form_window_ends_at, m.form_window_closed_at
  from feedback_codes fc join meetings m on m.id = fc.meeting_id
  where fc.code_hash = $4
),
s as (
  select sc.id, sc.full_name from self_criticisms sc join c
    on sc.plan_id = c.plan_id and sc.workplace_id = c.workplace_id
  where sc.id = $5::uuid
),
u as (
  insert into feedback_code_uses (code_id, self_criticism_id)
  select c.code_id, s.id from c, s, t
  where t.recent_failures < $6::int
    and c.form_window_opened_at is not null and c.form_window_closed_at is null
    and (c.form_window_ends_at is null or c.form_window_ends_at > $7::timestamptz)
  on conflict do nothing
  returning code_id
),
b as (
  insert into feedback_ballots (meeting_id, self_criticism_id, submitted_on, opinions)
  select c.meeting_id, s.id, $8::date, $9::jsonb
  from c, s, u
  returning 1
)
select t.recent_failures, c.code_id is not null as code_known, c.form_window_opened_at as opened_at,
       c.form_window_ends_at as ends_at, c.form_window_closed_at as closed_at, s.full_name,
       (select count(*) from u) as used_now
from t left join c on true left join s on true`;

/**
 * One anonymous form about one member, as ONE statement (one transaction, one round trip, P1): the
 * address's recent wrong codes are counted, the code's hash looked up, and only when the address
 * is not throttled, the window open and the member of the code's meeting is the code marked used
 * for the member and the form dropped into the sealed ballot box (ballot-box.ts). The answer says
 * which condition failed; nothing was written then.
 * S6: the ballot carries the meeting, the member, the day and the opinions — no code, id, time,
 * sequence or account; the marker carries the code and the member, nothing else; neither has a
 * foreign key, so no other row is touched; nothing is audited or logged.
 */
export async function submitPhoneForm(
  db: Db,
  key: Buffer,
  throttle: CodeThrottle,
  address: string,
  input: { code: string; selfCriticismId: string; form: FeedbackFormContentBody },
): Promise<{ fullName: string }> {
  const opinions = opinionsOfForm(input.form);
  if (opinions.length === 0) throw new AppError('bad_request', EMPTY_FORM_MESSAGE);
  const code = normalizeCode(input.code);
  const now = new Date();
  const addressKey = throttle.addressKey(address);
  if (!isWellFormedCode(code)) {
    await throttle.assertNotThrottled(address, now);
    await throttle.recordFailure(address, now);
    throw new UnknownCodeError();
  }
  const [row] = await preparedRows<SubmitRow>(db, 'phone-form-submit', SUBMIT_STATEMENT, [
    throttle.scope,
    addressKey,
    throttleCountedSince(now).toISOString(),
    hashCode(key, code),
    input.selfCriticismId,
    CODE_THROTTLE.maxFailures,
    now.toISOString(),
    vietnamDate(now),
    JSON.stringify(opinions),
  ]);
  if (!row || isThrottled(Number(row.recent_failures))) throw tooManyCodeAttempts();
  if (!row.code_known) {
    await throttle.recordFailure(address, now);
    throw new UnknownCodeError();
  }
  assertWindowOpen(
    { openedAt: instant(row.opened_at), endsAt: instant(row.ends_at), closedAt: instant(row.closed_at) },
    now,
  );
  if (row.full_name === null) throw notFound('đảng viên này trong buổi họp');
  if (Number(row.used_now) === 0) throw new AppError('conflict', ALREADY_SENT_MESSAGE(row.full_name));
  return { fullName: row.full_name };
}
