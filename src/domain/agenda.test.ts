import { describe, expect, it } from 'vitest';
import { type AgendaMove, isRecording, neighbourMember, planAgendaMove } from './agenda.js';
import type { AgendaStep } from './meetings.js';

const members = ['a', 'b', 'c'];
const move = (from: AgendaStep, to: AgendaStep, extra: Partial<AgendaMove> = {}) =>
  planAgendaMove({ from, fromMember: null, to, memberIds: members, unmarked: 0, ...extra });

describe('planAgendaMove', () => {
  it.each([
    ['start', 'not_started', 'opening', true],
    ['opening → content', 'opening', 'content', true],
    ['content → closing', 'content', 'closing', true],
    ['closing → done', 'closing', 'done', true],
    ['back from content to opening', 'content', 'opening', true],
    ['back from closing to content', 'closing', 'content', true],
    ['content → content (next member)', 'content', 'content', true],
    ['back to not started', 'opening', 'not_started', false],
    ['skipping the content', 'opening', 'closing', false],
    ['ending without a closing', 'content', 'done', false],
    ['starting straight at the content', 'not_started', 'content', false],
    ['staying in the opening', 'opening', 'opening', false],
    ['anything after done', 'done', 'closing', false],
    ['done twice', 'done', 'done', false],
  ] as const)('%s', (_name, from, to, ok) => {
    expect(move(from, to).ok).toBe(ok);
  });

  it('starts at the opening and ends at done', () => {
    expect(move('not_started', 'opening')).toMatchObject({ ok: true, starts: true, ends: false });
    expect(move('closing', 'done')).toMatchObject({ ok: true, starts: false, ends: true, member: null });
  });

  it.each([
    ['the first member when none is named', 'opening', null, undefined, 'a'],
    ['the member named', 'opening', null, 'c', 'c'],
    ['the member being heard when moving within the content', 'content', 'b', undefined, 'b'],
    ['another member within the content', 'content', 'b', 'a', 'a'],
  ] as const)('content takes %s', (_name, from, fromMember, member, expected) => {
    expect(move(from, 'content', { fromMember, member })).toMatchObject({ ok: true, member: expected });
  });

  it('refuses a member not of the meeting, naming the field', () => {
    expect(move('opening', 'content', { member: 'x' })).toMatchObject({
      ok: false,
      field: 'selfCriticismId',
    });
  });

  it('keeps no member outside the content', () => {
    expect(move('content', 'closing', { fromMember: 'b', member: 'b' })).toMatchObject({ member: null });
  });

  it('refuses to end while attendance is not marked for everyone, with how many are missing', () => {
    const refused = move('closing', 'done', { unmarked: 2 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain('Chưa điểm danh 2 đảng viên');
  });
});

describe('isRecording', () => {
  it.each([
    ['not_started', false],
    ['opening', true],
    ['content', true],
    ['closing', true],
    ['done', true],
  ] as const)('%s → %s', (step, expected) => {
    expect(isRecording(step)).toBe(expected);
  });
});

describe('neighbourMember', () => {
  it.each([
    [null, 1, 'a'],
    [null, -1, null],
    ['a', 1, 'b'],
    ['b', -1, 'a'],
    ['a', -1, null],
    ['c', 1, null],
    ['x', 1, 'a'],
  ] as const)('from %s by %s → %s', (current, delta, expected) => {
    expect(neighbourMember(members, current, delta)).toBe(expected);
  });
});
