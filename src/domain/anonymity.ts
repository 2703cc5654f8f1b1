/**
 * S6 rules that hold whatever the storage: the wrong-code throttle's coarse time buckets, and how
 * small groups of anonymous written opinions are shown to the committee. Pure: no I/O.
 */
import { FEEDBACK_AREAS, FEEDBACK_KINDS, type FeedbackArea, type FeedbackKind } from './feedback.js';

/**
 * Wrong codes per client address (phone form, supervision page). A meeting hands out a few
 * hundred codes; 20 misses within about 15 minutes leave room for typos and none for guessing.
 * Failures are counted in 5-minute buckets, so no stored time is finer than that.
 */
export const CODE_THROTTLE = {
  maxFailures: 20,
  windowMs: 15 * 60_000,
  bucketMs: 5 * 60_000,
} as const;

export type CodeThrottlePolicy = { maxFailures: number; windowMs: number; bucketMs: number };

/** The start of the bucket an instant falls in (UTC, aligned on whole buckets). */
export function throttleBucketStart(now: Date, policy: CodeThrottlePolicy = CODE_THROTTLE): Date {
  return new Date(Math.floor(now.getTime() / policy.bucketMs) * policy.bucketMs);
}

/**
 * The oldest bucket still counted: the current one and those that began within the window before
 * it. An address is refused while its failures in these buckets reach the limit, so a lock lasts
 * between the window and the window plus one bucket after the last failure.
 */
export function throttleCountedSince(now: Date, policy: CodeThrottlePolicy = CODE_THROTTLE): Date {
  return new Date(throttleBucketStart(now, policy).getTime() - policy.windowMs);
}

export function isThrottled(recentFailures: number, policy: CodeThrottlePolicy = CODE_THROTTLE): boolean {
  return recentFailures >= policy.maxFailures;
}

/** Minutes a refused address should wait at most, for the message. */
export function throttleWaitMinutes(policy: CodeThrottlePolicy = CODE_THROTTLE): number {
  return Math.ceil((policy.windowMs + policy.bucketMs) / 60_000);
}

/**
 * Small groups (like Star360 merging rater groups under 3, TEAMMATES hiding a sole anonymous
 * response): below this many anonymous written forms about one member, the committee sees their
 * opinions as one merged list, with no form or channel.
 */
export const DEFAULT_SMALL_GROUP_THRESHOLD = 3;
export const SMALL_GROUP_THRESHOLD_LIMITS = { min: 1, max: 50 } as const;

export type AnonymousChannel = 'phone' | 'paper';

export interface AnonymousOpinion {
  area: FeedbackArea;
  kind: FeedbackKind;
  text: string;
}

export interface AnonymousForm {
  id: string;
  channel: AnonymousChannel;
  /** yyyy-mm-dd */
  submittedOn: string;
  opinions: AnonymousOpinion[];
}

export type AnonymousGroup =
  | { merged: false; forms: AnonymousForm[] }
  | { merged: true; opinions: AnonymousOpinion[] };

const KIND_ORDER = new Map(FEEDBACK_KINDS.map((kind, index) => [kind, index]));
const AREA_ORDER = new Map(FEEDBACK_AREAS.map((area, index) => [area, index]));
const collator = new Intl.Collator('vi');

/** Opinions in an order that says nothing of their forms: kind, then area, then text. */
export function orderOpinions(opinions: AnonymousOpinion[]): AnonymousOpinion[] {
  return [...opinions].sort(
    (left, right) =>
      (KIND_ORDER.get(left.kind) ?? 0) - (KIND_ORDER.get(right.kind) ?? 0) ||
      (AREA_ORDER.get(left.area) ?? 0) - (AREA_ORDER.get(right.area) ?? 0) ||
      collator.compare(left.text, right.text),
  );
}

/**
 * The anonymous written forms about one member as the committee sees them: form by form from
 * `threshold` forms up; below it (a sole form, two forms…) one merged list without forms,
 * channels or days, ordered by kind, area and text.
 */
export function groupAnonymousForms(forms: AnonymousForm[], threshold: number): AnonymousGroup {
  if (forms.length >= threshold) return { merged: false, forms };
  return { merged: true, opinions: orderOpinions(forms.flatMap((form) => form.opinions)) };
}
