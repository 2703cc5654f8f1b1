/** The minutes (biên bản) of the meeting, assembled from what was recorded. Pure: no I/O. */
import { FEEDBACK_AREAS, type FeedbackArea, type FeedbackChannel, type FeedbackKind } from './feedback.js';
import { type AgendaStep, type FormWindow, formWindowState, vietnamDate, vietnamTime } from './meetings.js';

/** The secretary's free text, in the order the minutes print it. */
export const MINUTES_DRAFT_FIELDS = [
  'number',
  'openingRemarks',
  'otherMatters',
  'closingRemarks',
  'endedAt',
] as const;
export type MinutesDraftField = (typeof MINUTES_DRAFT_FIELDS)[number];
export type MinutesDraft = Record<MinutesDraftField, string>;

export const MINUTES_DRAFT_LABELS: Record<MinutesDraftField, string> = {
  number: 'Số biên bản (theo sổ văn bản của chi bộ)',
  openingRemarks: 'Tuyên bố lý do, giới thiệu đại biểu',
  otherMatters: 'Nội dung khác',
  closingRemarks: 'Kết thúc',
  endedAt: 'Giờ kết thúc (hh:mm)',
};

export const EMPTY_DRAFT: MinutesDraft = {
  number: '',
  openingRemarks: '',
  otherMatters: '',
  closingRemarks: '',
  endedAt: '',
};

/** The three who sign the minutes, side by side (seed "Chương trình họp" (3)). */
export const MINUTES_CAPACITIES = ['chair', 'secretary', 'masses_representative'] as const;
export type MinutesCapacity = (typeof MINUTES_CAPACITIES)[number];

export const MINUTES_CAPACITY_LABELS: Record<MinutesCapacity, string> = {
  chair: 'Chủ trì',
  secretary: 'Thư ký',
  masses_representative: 'Đại diện quần chúng',
};

export interface RecordedOpinion {
  selfCriticismId: string | null;
  channel: FeedbackChannel;
  area: FeedbackArea;
  kind: FeedbackKind;
  text: string;
  speakerName: string | null;
  dissenting: boolean;
  /** The order it was recorded in (change sequence); null for phone opinions, which keep no order. */
  order: number | null;
}

export interface MinutesMemberFacts {
  selfCriticismId: string;
  fullName: string;
  duties: string;
  strengths: string;
  shortcomings: string;
  /** Null: attendance not marked yet. */
  present: boolean | null;
  absenceReason: string | null;
  absenceReasonValid: boolean | null;
}

export interface MinutesFacts {
  workplaceName: string;
  organizationName: string;
  year: number;
  startsAt: Date;
  endsAt: Date;
  place: string;
  chairName: string;
  secretaryName: string;
  delegates: string[];
  massesPresent: number;
  massesPresentNames: string[];
  members: MinutesMemberFacts[];
  opinions: RecordedOpinion[];
  /** Keyed by self-criticism id; the collective's response under `collective`. */
  responses: { selfCriticismId: string | null; text: string }[];
  /** Phone opinions join the minutes only once the form window is closed (S6). */
  phoneReleased: boolean;
  draft: MinutesDraft;
}

export interface MinutesOpinion {
  channel: FeedbackChannel;
  area: FeedbackArea;
  kind: FeedbackKind;
  text: string;
  /** Null: "không ghi tên". */
  speaker: string | null;
  dissenting: boolean;
}

export interface MinutesMember {
  selfCriticismId: string;
  fullName: string;
  duties: string;
  strengths: string;
  shortcomings: string;
  opinions: MinutesOpinion[];
  response: string;
  /** Set when the member was marked absent: their own section says so, and why (issue 11). */
  absence?: { reason: string; reasonValid: boolean };
}

/** The minutes' content in the seed's order; its canonical JSON is what the signers' hash covers. */
export interface MinutesContent {
  /**
   * `05` of `Số 05-BB/CB`, signed with the rest; absent until the secretary enters it (minutes
   * drafted or locked before numbers existed keep their hash).
   */
  number?: string;
  workplaceName: string;
  organizationName: string;
  year: number;
  /** yyyy-mm-dd, Vietnam. */
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  chairName: string;
  secretaryName: string;
  delegates: string[];
  openingRemarks: string;
  counts: {
    members: number;
    /** Only members marked present; those not marked yet count under `unmarked`. */
    present: number;
    /** Members whose attendance is not recorded yet (issue 11); absent from content when none. */
    unmarked?: number;
    absent: { fullName: string; reason: string; reasonValid: boolean }[];
    massesPresent: number;
    massesPresentNames: string[];
  };
  members: MinutesMember[];
  collective: { opinions: MinutesOpinion[]; response: string };
  otherMatters: string;
  closingRemarks: string;
}

const CHANNEL_ORDER: Record<FeedbackChannel, number> = { oral: 0, paper: 1, online: 2, phone: 3 };
const KIND_ORDER: Record<FeedbackKind, number> = { strength: 0, shortcoming: 1, proposal: 2 };
const areaOrder = (area: FeedbackArea) => FEEDBACK_AREAS.indexOf(area);

/**
 * Oral first (as said), then paper and online (as typed in), then phone. Phone opinions have no
 * recorded order (S6); they sort by their form's headings and text, which says nothing about who
 * sent them or when.
 */
function compareOpinions(a: RecordedOpinion, b: RecordedOpinion): number {
  const byChannel = CHANNEL_ORDER[a.channel] - CHANNEL_ORDER[b.channel];
  if (byChannel !== 0) return byChannel;
  if (a.order !== null && b.order !== null && a.order !== b.order) return a.order - b.order;
  const byKind = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (byKind !== 0) return byKind;
  const byArea = areaOrder(a.area) - areaOrder(b.area);
  if (byArea !== 0) return byArea;
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

const present = (opinion: RecordedOpinion): MinutesOpinion => ({
  channel: opinion.channel,
  area: opinion.area,
  kind: opinion.kind,
  text: opinion.text,
  speaker: opinion.speakerName,
  dissenting: opinion.dissenting,
});

const unmarkedCount = (members: MinutesMemberFacts[]) =>
  members.filter((member) => member.present === null).length;

/**
 * The attendance line of the minutes, from recorded attendance only (issue 11): before anyone is
 * marked it says so instead of counting everyone present.
 */
export function attendanceLine(counts: MinutesContent['counts']): string {
  const unmarked = counts.unmarked ?? 0;
  if (counts.members > 0 && unmarked === counts.members) return `${counts.members} đồng chí; chưa điểm danh.`;
  const marked = `có mặt ${counts.present}, vắng mặt ${counts.absent.length}`;
  return unmarked > 0
    ? `${counts.members} đồng chí; ${marked}, chưa điểm danh ${unmarked}.`
    : `${counts.members} đồng chí; ${marked}.`;
}

/** An absent member's own section of the minutes: absent, and why. */
export function absenceLine(absence: { reason: string; reasonValid: boolean }): string {
  return `Vắng mặt: ${absence.reason || 'không rõ lý do'} (${absence.reasonValid ? 'lý do chính đáng' : 'lý do không chính đáng'}); cấp ủy tiếp thu, thông báo ý kiến lại cho đồng chí.`;
}

/** `hh:mm` → minutes since midnight. */
const minutesOfDay = (hhmm: string) => {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};

/** The end the secretary writes must come after the start (the meeting lasts one day). */
export function endTimeIssue(startTime: string, endedAt: string): string | null {
  if (!endedAt.trim()) return null;
  if (minutesOfDay(endedAt) > minutesOfDay(startTime)) return null;
  return `Giờ kết thúc (${endedAt}) phải sau giờ bắt đầu (${startTime}).`;
}

/** The minutes as the seed's agenda orders them, from the recorded data and the secretary's text. */
export function assembleMinutes(facts: MinutesFacts): MinutesContent {
  const shown = facts.opinions
    .filter((opinion) => opinion.channel !== 'phone' || facts.phoneReleased)
    .sort(compareOpinions);
  const opinionsOf = (target: string | null) =>
    shown.filter((opinion) => opinion.selfCriticismId === target).map(present);
  const responseOf = (target: string | null) =>
    facts.responses.find((response) => response.selfCriticismId === target)?.text ?? '';
  const absent = facts.members
    .filter((member) => member.present === false)
    .map((member) => ({
      fullName: member.fullName,
      reason: member.absenceReason ?? '',
      reasonValid: member.absenceReasonValid ?? false,
    }));
  const endedAt = facts.draft.endedAt.trim();
  const number = facts.draft.number.trim();
  return {
    number: number || undefined,
    workplaceName: facts.workplaceName,
    organizationName: facts.organizationName,
    year: facts.year,
    date: vietnamDate(facts.startsAt),
    startTime: vietnamTime(facts.startsAt),
    endTime: endedAt || vietnamTime(facts.endsAt),
    place: facts.place,
    chairName: facts.chairName,
    secretaryName: facts.secretaryName,
    delegates: facts.delegates,
    openingRemarks: facts.draft.openingRemarks,
    counts: {
      members: facts.members.length,
      present: facts.members.filter((member) => member.present === true).length,
      unmarked: unmarkedCount(facts.members) || undefined,
      absent,
      massesPresent: facts.massesPresent,
      massesPresentNames: facts.massesPresentNames,
    },
    members: facts.members.map((member) => ({
      selfCriticismId: member.selfCriticismId,
      fullName: member.fullName,
      duties: member.duties,
      strengths: member.strengths,
      shortcomings: member.shortcomings,
      opinions: opinionsOf(member.selfCriticismId),
      response: responseOf(member.selfCriticismId),
      ...(member.present === false
        ? {
            absence: {
              reason: member.absenceReason ?? '',
              reasonValid: member.absenceReasonValid ?? false,
            },
          }
        : {}),
    })),
    collective: { opinions: opinionsOf(null), response: responseOf(null) },
    otherMatters: facts.draft.otherMatters,
    closingRemarks: facts.draft.closingRemarks,
  };
}

/** JSON with object keys sorted at every level: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

export interface SignatureState {
  capacity: MinutesCapacity;
  signedContentHash: string;
}

export type SigningCheck =
  | { ok: true; locks: boolean }
  | { ok: false; code: 'already_signed' | 'stale'; message: string };

/**
 * Whether a new signature may be added, and whether it completes the minutes. The three must have
 * signed the same content: when an opinion was added after someone signed, the last signature is
 * refused until those who signed the older text sign again.
 */
export function checkSigning(
  existing: SignatureState[],
  capacity: MinutesCapacity,
  currentHash: string,
): SigningCheck {
  if (existing.some((signature) => signature.capacity === capacity)) {
    return {
      ok: false,
      code: 'already_signed',
      message: `${MINUTES_CAPACITY_LABELS[capacity]} đã ký biên bản. Muốn ký lại, hãy rút chữ ký trước.`,
    };
  }
  const after = [...existing, { capacity, signedContentHash: currentHash }];
  const complete = MINUTES_CAPACITIES.every((wanted) => after.some((item) => item.capacity === wanted));
  if (!complete) return { ok: true, locks: false };
  const stale = existing.filter((signature) => signature.signedContentHash !== currentHash);
  if (stale.length > 0) {
    const names = stale.map((signature) =>
      MINUTES_CAPACITY_LABELS[signature.capacity].toLocaleLowerCase('vi'),
    );
    return {
      ok: false,
      code: 'stale',
      message: `Biên bản đã thay đổi sau khi ${names.join(', ')} ký: hãy rút chữ ký đó và ký lại trên bản hiện tại.`,
    };
  }
  return { ok: true, locks: true };
}

export const SIGNED_DRAFT_MESSAGE = 'Đã có chữ ký: hãy rút chữ ký trước khi sửa.';

export interface NamedFeedbackWindow {
  agendaStep: AgendaStep;
  startsAt: Date;
  endsAt: Date;
  window: FormWindow;
  minutesLocked: boolean;
}

/**
 * A non-member may send named written feedback while the meeting is under way (its agenda has
 * started and not finished, or it is within its scheduled hours) or its form window is open, and
 * never after the minutes are signed.
 */
export function acceptsNamedFeedback(meeting: NamedFeedbackWindow, now: Date): boolean {
  if (meeting.minutesLocked) return false;
  if (formWindowState(meeting.window, now) === 'open') return true;
  if (
    meeting.agendaStep === 'opening' ||
    meeting.agendaStep === 'content' ||
    meeting.agendaStep === 'closing'
  )
    return true;
  return meeting.startsAt.getTime() <= now.getTime() && now.getTime() < meeting.endsAt.getTime();
}
