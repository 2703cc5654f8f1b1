import { describe, expect, it } from 'vitest';
import { completionPercent, remediationStatus, tallyRemediation } from './remediation.js';

describe('remediationStatus', () => {
  it.each([
    ['open before the deadline', 'open', '2026-12-31', 'open'],
    ['open on the deadline day', 'open', '2026-11-25', 'open'],
    ['open after the deadline', 'open', '2026-11-24', 'overdue'],
    ['in progress after the deadline', 'in_progress', '2026-11-01', 'overdue'],
    ['done after the deadline', 'done', '2026-11-01', 'done'],
  ] as const)('%s', (_name, status, deadline, expected) => {
    expect(remediationStatus({ status, deadline }, '2026-11-25')).toBe(expected);
  });
});

describe('tallyRemediation and completionPercent', () => {
  it('counts done and overdue items', () => {
    const tally = tallyRemediation(
      [
        { status: 'done', deadline: '2026-11-01' },
        { status: 'open', deadline: '2026-11-01' },
        { status: 'in_progress', deadline: '2026-12-01' },
      ],
      '2026-11-25',
    );
    expect(tally).toEqual({ total: 3, done: 1, overdue: 1 });
    expect(completionPercent(tally)).toBe(33.3);
  });

  it('treats an empty plan as complete', () => {
    expect(completionPercent(tallyRemediation([], '2026-11-25'))).toBe(100);
  });
});
