/** The live agenda of the meeting (seed "Chương trình họp"): the order its steps may take. Pure: no I/O. */
import type { AgendaStep } from './meetings.js';

/**
 * Opinions are said from the opening on. After the meeting ends they are still accepted until the
 * minutes are signed (the database refuses them then): an opinion queued on a device that lost
 * its connection while another device ended the meeting must not be lost.
 */
export const RECORDING_STEPS: readonly AgendaStep[] = ['opening', 'content', 'closing', 'done'];

export const NOT_RECORDING_MESSAGE = 'Buổi họp chưa bắt đầu: chỉ ghi ý kiến từ phần Nghi thức trở đi.';

export function isRecording(step: AgendaStep): boolean {
  return RECORDING_STEPS.includes(step);
}

export interface AgendaMove {
  from: AgendaStep;
  fromMember: string | null;
  to: AgendaStep;
  /** The member asked for in the content step; undefined or null: the first member (content), none otherwise. */
  member?: string | null;
  /** The meeting's self-criticisms in their running order. */
  memberIds: readonly string[];
  /** Members whose attendance is not marked yet: the meeting cannot end before all are. */
  unmarked: number;
}

export type AgendaMoveResult =
  | { ok: true; step: AgendaStep; member: string | null; starts: boolean; ends: boolean }
  | { ok: false; field: 'step' | 'selfCriticismId'; message: string };

const ORDER: readonly AgendaStep[] = ['not_started', 'opening', 'content', 'closing', 'done'];

/**
 * The agenda goes one step forward at a time, or one step back while the meeting runs (a step
 * closed too early); in the content step it walks the members one at a time, in any order the
 * meeting chooses. Done is final: it is the meeting having been held.
 */
export function planAgendaMove(move: AgendaMove): AgendaMoveResult {
  const from = ORDER.indexOf(move.from);
  const to = ORDER.indexOf(move.to);
  if (move.from === 'done') {
    return { ok: false, field: 'step', message: 'Buổi họp đã kết thúc; không thể chuyển lại chương trình.' };
  }
  const sameStep = from === to;
  const forward = to === from + 1;
  const back = to === from - 1 && move.to !== 'not_started';
  if (!(forward || back || (sameStep && move.to === 'content'))) {
    return {
      ok: false,
      field: 'step',
      message: 'Chương trình họp đi lần lượt: Nghi thức, Nội dung, Kết thúc; chỉ được lùi lại một bước.',
    };
  }
  let member: string | null = null;
  if (move.to === 'content') {
    if (move.member != null && !move.memberIds.includes(move.member)) {
      return {
        ok: false,
        field: 'selfCriticismId',
        message: 'Đảng viên được chọn không thuộc buổi họp này.',
      };
    }
    member = move.member ?? (sameStep ? move.fromMember : null) ?? move.memberIds[0] ?? null;
  }
  if (move.to === 'done' && move.unmarked > 0) {
    return {
      ok: false,
      field: 'step',
      message: `Chưa điểm danh ${move.unmarked} đảng viên tự phê bình: hãy ghi có mặt hoặc vắng mặt (có lý do) cho mọi người trước khi kết thúc buổi họp.`,
    };
  }
  return { ok: true, step: move.to, member, starts: move.from === 'not_started', ends: move.to === 'done' };
}

/** The member before or after `current` in the running order; null past either end. */
export function neighbourMember(memberIds: readonly string[], current: string | null, delta: -1 | 1) {
  const index = current === null ? -1 : memberIds.indexOf(current);
  if (index === -1) return delta === 1 ? (memberIds[0] ?? null) : null;
  return memberIds[index + delta] ?? null;
}
