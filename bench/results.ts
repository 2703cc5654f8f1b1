/**
 * bench/RESULTS.md as sections: the runner replaces only the sections of the benchmarks it ran and
 * keeps every other one as it stands (rows not run this time, sections written by hand), then
 * rebuilds the summary. Pure: text in, text out.
 */

/** A `## ` section of the file; `id` is the benchmark's id when its heading reads `## P8 — title`. */
export interface ResultSection {
  id: string | null;
  text: string;
}

const SUMMARY_HEADING = /^## Summary\b/;

/** The id of a benchmark section's heading (`## P8 — …`), or null for any other heading. */
export function sectionId(text: string): string | null {
  const id = /^## (\S+) — /.exec(text)?.[1];
  return id && !SUMMARY_HEADING.test(text) ? id : null;
}

/** The `## ` sections of the file in their order; the text before the first one and the summary are dropped (rebuilt). */
export function splitSections(markdown: string): ResultSection[] {
  return markdown
    .split(/\n(?=## )/)
    .filter((part) => part.startsWith('## ') && !SUMMARY_HEADING.test(part))
    .map((part) => ({ id: sectionId(part), text: part.trimEnd() }));
}

const byId = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * The sections after a run: each section of `ran` replaces the one with its id where it stands;
 * a benchmark with no section yet goes before the first benchmark section with a later id (else
 * after the last one); every other section is kept as it was, in place.
 */
export function mergeSections(
  current: readonly ResultSection[],
  ran: ReadonlyMap<string, string>,
): ResultSection[] {
  const merged = current.map((section) =>
    section.id !== null && ran.has(section.id)
      ? { id: section.id, text: ran.get(section.id)!.trimEnd() }
      : section,
  );
  const added = [...ran.keys()].filter((id) => !current.some((section) => section.id === id)).sort(byId);
  for (const id of added) {
    const section = { id, text: ran.get(id)!.trimEnd() };
    const later = merged.findIndex((other) => other.id !== null && byId(other.id, id) > 0);
    if (later >= 0) {
      merged.splice(later, 0, section);
      continue;
    }
    const last = merged.findLastIndex((other) => other.id !== null);
    merged.splice(last + 1, 0, section);
  }
  return merged;
}

/** One line of the summary table from a benchmark section's heading and verdict line. */
function summaryLine(section: ResultSection): string {
  const title = /^## \S+ — (.*)$/m.exec(section.text)?.[1] ?? '';
  const verdict = /\*\*(PASS|FAIL)\*\* — run (\S+), ([^,]+),/.exec(section.text);
  const load = /load average ([\d.]+)/.exec(section.text)?.[1];
  return `| ${section.id} | ${title} | ${verdict?.[1] ?? '?'} | ${verdict?.[2]?.slice(0, 16).replace('T', ' ') ?? ''} | ${verdict?.[3] ?? ''} | ${load ?? ''} |`;
}

/** The whole file: the header, a summary of every benchmark section, then every section. */
export function mergeResults(current: string, ran: ReadonlyMap<string, string>, header: string): string {
  const sections = mergeSections(splitSections(current), ran);
  const summary = [
    '## Summary — every row',
    '',
    '| id | benchmark | result | run (UTC) | size | load average |',
    '|---|---|---|---|---|---|',
    ...sections.filter((section) => section.id !== null).map(summaryLine),
  ].join('\n');
  return `${[header.trimEnd(), summary, ...sections.map((section) => section.text)].join('\n\n')}\n`;
}
