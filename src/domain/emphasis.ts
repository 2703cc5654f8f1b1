/** A stretch of text with the emphasis the seed gives it (bold labels, italic asides). */
export interface EmphasisRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/**
 * Inline emphasis in entered text: `**bold**` and `*italic*`, as the seed's plan uses them. A lone
 * `*` with no closing partner stays as typed. The documents and the web preview read it alike.
 */
export function emphasisRuns(text: string): EmphasisRun[] {
  const runs: EmphasisRun[] = [];
  let last = 0;
  for (const match of text.matchAll(/\*\*(.+?)\*\*|\*(.+?)\*/g)) {
    if (match.index > last) runs.push({ text: text.slice(last, match.index) });
    if (match[1] !== undefined) runs.push({ text: match[1], bold: true });
    else runs.push({ text: match[2] ?? '', italic: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}

/** The plan's deadlines as they may stand in its text: `{meetingsDueOn}` prints the date. */
export const PLAN_DEADLINE_TOKENS = ['meetingsDueOn', 'baseReportsDueOn', 'upwardReportDueOn'] as const;
export type PlanDeadlineToken = (typeof PLAN_DEADLINE_TOKENS)[number];
export const PLAN_DEADLINE_TOKEN_PATTERN = /\{(meetingsDueOn|baseReportsDueOn|upwardReportDueOn)\}/;
