import { describe, expect, it } from 'vitest';
import { mergeResults, mergeSections, splitSections } from './results.js';

const HEADER = '# Benchmark results\n\nWritten by `npm run bench`.';

const benchSection = (id: string, verdict: 'PASS' | 'FAIL', when: string, body: string) =>
  `## ${id} — title of ${id}\n\n**${verdict}** — run ${when}, \`--quick\` (small version), 12 s, load average 3.5 at start. host\n\n${body}`;

const FILE = [
  HEADER,
  '## Summary — every row\n\n| id | benchmark | result | run (UTC) | size |\n|---|---|---|---|---|\n| P2 | old | PASS | | |',
  benchSection('P2', 'PASS', '2026-12-01T10:00:00.000Z', 'old P2 table'),
  benchSection('P8', 'FAIL', '2026-12-01T11:00:00.000Z', 'old P8 table\n\n### a sub-heading kept inside P8'),
  '## Province workbook (issue 16) — written by hand\n\nA table typed by hand.',
  benchSection('P10', 'PASS', '2026-12-01T12:00:00.000Z', 'old P10 table'),
].join('\n\n');

describe('splitSections', () => {
  it('reads every ## section in order with its id, without the summary', () => {
    const sections = splitSections(FILE);
    expect(sections.map((section) => section.id)).toEqual(['P2', 'P8', null, 'P10']);
    expect(sections[1]!.text).toContain('### a sub-heading kept inside P8');
  });
});

describe('mergeSections', () => {
  it('replaces only the sections of the benchmarks that ran, in place', () => {
    const merged = mergeSections(
      splitSections(FILE),
      new Map([['P8', benchSection('P8', 'PASS', 'now', 'new')]]),
    );
    expect(merged.map((section) => section.id)).toEqual(['P2', 'P8', null, 'P10']);
    expect(merged[1]!.text).toContain('new');
    expect(merged[1]!.text).not.toContain('old P8 table');
    expect(merged[0]!.text).toContain('old P2 table');
    expect(merged[2]!.text).toBe(
      '## Province workbook (issue 16) — written by hand\n\nA table typed by hand.',
    );
  });

  it('puts a benchmark seen for the first time before the first later id, numerically', () => {
    const merged = mergeSections(
      splitSections(FILE),
      new Map([
        ['P9', benchSection('P9', 'PASS', 'now', 'P9 new')],
        ['P1', benchSection('P1', 'FAIL', 'now', 'P1 new')],
        ['P11', benchSection('P11', 'PASS', 'now', 'P11 new')],
      ]),
    );
    expect(merged.map((section) => section.id)).toEqual(['P1', 'P2', 'P8', null, 'P9', 'P10', 'P11']);
  });

  it('starts an empty file with the sections that ran', () => {
    const merged = mergeSections([], new Map([['P3', benchSection('P3', 'PASS', 'now', 'x')]]));
    expect(merged).toEqual([{ id: 'P3', text: benchSection('P3', 'PASS', 'now', 'x') }]);
  });
});

describe('mergeResults', () => {
  it('keeps the sections not run, rebuilds the summary from every benchmark section, writes the header once', () => {
    const written = mergeResults(
      FILE,
      new Map([['P8', benchSection('P8', 'PASS', '2026-12-03T17:30:00.000Z', 'new P8 table')]]),
      HEADER,
    );
    expect(written.match(/^# Benchmark results$/gm)).toHaveLength(1);
    expect(written.match(/^## Summary/gm)).toHaveLength(1);
    expect(written).toContain('old P2 table');
    expect(written).toContain('old P10 table');
    expect(written).toContain('A table typed by hand.');
    expect(written).toContain('new P8 table');
    expect(written).not.toContain('old P8 table');
    expect(written).toContain(
      '| P8 | title of P8 | PASS | 2026-12-03 17:30 | `--quick` (small version) | 3.5 |',
    );
    expect(written).toContain('| P2 | title of P2 | PASS | 2026-12-01 10:00 |');
    expect(written).not.toContain('| Province');
    expect(written.endsWith('\n')).toBe(true);
  });

  it('gives the same file when run again with the same sections (nothing grows)', () => {
    const ran = new Map([['P2', benchSection('P2', 'FAIL', 'now', 'again')]]);
    const once = mergeResults(FILE, ran, HEADER);
    expect(mergeResults(once, ran, HEADER)).toBe(once);
  });
});
