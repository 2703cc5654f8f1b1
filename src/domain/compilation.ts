import type { FeedbackArea, FeedbackKind } from './feedback.js';
import { FEEDBACK_AREAS, FEEDBACK_KINDS } from './feedback.js';
import { foldVietnamese } from './text.js';

/** Compilation (tổng hợp ý kiến), DESIGN step 8: every opinion kept, grouped, classified. Pure: no I/O. */

export const RESPONSIBILITIES = ['collective', 'individual'] as const;
export type Responsibility = (typeof RESPONSIBILITIES)[number];

export const RESPONSIBILITY_LABELS: Record<Responsibility, string> = {
  collective: 'Trách nhiệm tập thể',
  individual: 'Trách nhiệm cá nhân',
};

export const CONCLUSIONS = ['accepted', 'explained'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];

export const CONCLUSION_LABELS: Record<Conclusion, string> = {
  accepted: 'Tiếp thu',
  explained: 'Giải trình',
};

export interface CompiledOpinion {
  id: string;
  /** The member's self-criticism, or null for the cell as a collective. */
  selfCriticismId: string | null;
  area: FeedbackArea;
  kind: FeedbackKind;
  text: string;
}

/** Words of an opinion, folded (no diacritics, no case), short connecting words dropped. */
function words(text: string): Set<string> {
  return new Set(
    foldVietnamese(text)
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 1),
  );
}

/** Jaccard similarity of two opinions' folded words, 0–1. */
export function similarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}

/** How alike two opinions must be before the compilation proposes to group them. */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;

/**
 * Proposes groups of near-duplicate opinions about the same target, area and kind; the committee
 * confirms them. Every opinion is in exactly one group (most alone), so nothing is dropped.
 */
export function proposeGroups(
  opinions: readonly CompiledOpinion[],
  threshold = NEAR_DUPLICATE_THRESHOLD,
): CompiledOpinion[][] {
  const groups: CompiledOpinion[][] = [];
  for (const opinion of opinions) {
    const home = groups.find(
      (group) =>
        group[0]!.selfCriticismId === opinion.selfCriticismId &&
        group[0]!.area === opinion.area &&
        group[0]!.kind === opinion.kind &&
        group.some((member) => similarity(member.text, opinion.text) >= threshold),
    );
    if (home) home.push(opinion);
    else groups.push([opinion]);
  }
  return groups;
}

/** The order of a compilation: by target (collective first), then the form's areas, then kind. */
export function compareOpinions(
  a: CompiledOpinion,
  b: CompiledOpinion,
  targetOrder: readonly (string | null)[],
) {
  return (
    targetOrder.indexOf(a.selfCriticismId) - targetOrder.indexOf(b.selfCriticismId) ||
    FEEDBACK_AREAS.indexOf(a.area) - FEEDBACK_AREAS.indexOf(b.area) ||
    FEEDBACK_KINDS.indexOf(a.kind) - FEEDBACK_KINDS.indexOf(b.kind)
  );
}
