import { asc, eq, inArray } from 'drizzle-orm';
import type { CompilationPointView, CompilationView } from '../../contract/compilations.js';
import type { DbOrTx } from '../../db/client.js';
import { compilationPointOpinions, compilationPoints } from '../../db/schema/index.js';
import {
  type CompiledOpinion,
  type Conclusion,
  compareOpinions,
  type Responsibility,
} from '../../domain/compilation.js';
import { FEEDBACK_AREAS, type FeedbackArea, type FeedbackKind } from '../../domain/feedback.js';
import type { Actor } from '../auth/actor.js';
import { meetingMembers } from '../feedback/members.js';
import { type MeetingInReach, type MeetingRow, meetingInReach } from '../meetings/access.js';
import { type CompilationRow, compilationOfMeeting } from './access.js';
import { type MeetingOpinion, meetingOpinions, phoneReleased, presentOpinion } from './opinions.js';

export const COLLECTIVE_NAME = 'Tập thể chi bộ';
export const NOT_HELD_MESSAGE =
  'Buổi họp chưa kết thúc: chỉ lập bản tổng hợp ý kiến sau khi buổi họp đã được tổ chức xong.';
export const WINDOW_OPEN_MESSAGE =
  'Thời gian nhận phiếu góp ý qua điện thoại vẫn đang mở: hãy đóng lại trước khi tổng hợp để không bỏ sót ý kiến.';

/** Why the draft cannot be made now, or null. */
export function createBlockedReason(meeting: MeetingRow): string | null {
  if (meeting.agendaStep !== 'done') return NOT_HELD_MESSAGE;
  if (!phoneReleased(meeting)) return WINDOW_OPEN_MESSAGE;
  return null;
}

export interface CompiledPoint extends CompilationPointView {
  position: number;
}

export interface CompilationContent {
  members: { selfCriticismId: string; fullName: string }[];
  points: CompiledPoint[];
  unplaced: MeetingOpinion[];
}

/** The points of a compilation with their opinions, in the compilation's order, and the opinions not yet placed. */
export async function compilationContent(
  db: DbOrTx,
  meeting: MeetingRow,
  compilation: CompilationRow,
): Promise<CompilationContent> {
  const members = (await meetingMembers(db, meeting)).map(({ selfCriticismId, fullName }) => ({
    selfCriticismId,
    fullName,
  }));
  const nameOf = new Map(members.map((member) => [member.selfCriticismId, member.fullName]));
  const opinions = await meetingOpinions(db, meeting);
  const rows = await db
    .select()
    .from(compilationPoints)
    .where(eq(compilationPoints.compilationId, compilation.id))
    .orderBy(asc(compilationPoints.position));
  const placements = rows.length
    ? await db
        .select()
        .from(compilationPointOpinions)
        .where(
          inArray(
            compilationPointOpinions.pointId,
            rows.map((row) => row.id),
          ),
        )
    : [];
  const pointOf = new Map(placements.map((placement) => [placement.feedbackId, placement.pointId]));
  const points: CompiledPoint[] = rows.map((row) => ({
    id: row.id,
    selfCriticismId: row.selfCriticismId,
    area: row.area as FeedbackArea,
    kind: row.kind as FeedbackKind,
    text: row.text,
    dissenting: row.dissenting,
    responsibility: row.responsibility as Responsibility | null,
    responsibleSelfCriticismId: row.responsibleSelfCriticismId,
    responsibleName: row.responsibleSelfCriticismId
      ? (nameOf.get(row.responsibleSelfCriticismId) ?? null)
      : null,
    conclusion: row.conclusion as Conclusion | null,
    explanation: row.explanation,
    version: row.version,
    position: row.position,
    opinions: opinions.filter((opinion) => pointOf.get(opinion.id) === row.id).map(presentOpinion),
  }));
  const targetOrder = [null, ...members.map((member) => member.selfCriticismId)];
  const asOpinion = (point: CompiledPoint): CompiledOpinion => ({
    id: point.id,
    selfCriticismId: point.selfCriticismId,
    area: point.area,
    kind: point.kind,
    text: point.text,
  });
  points.sort((a, b) => compareOpinions(asOpinion(a), asOpinion(b), targetOrder) || a.position - b.position);
  return { members, points, unplaced: opinions.filter((opinion) => !pointOf.has(opinion.id)) };
}

export const isIncomplete = (point: { responsibility: unknown; conclusion: unknown }) =>
  point.responsibility === null || point.conclusion === null;

/** Points by target (the collective first, then members by name) and area. */
function byTarget(content: CompilationContent): CompilationView['targets'] {
  const targets = [
    { selfCriticismId: null, name: COLLECTIVE_NAME },
    ...content.members.map((member) => ({ selfCriticismId: member.selfCriticismId, name: member.fullName })),
  ];
  return targets
    .map((target) => ({
      ...target,
      areas: FEEDBACK_AREAS.map((area) => ({
        area,
        points: content.points
          .filter((point) => point.selfCriticismId === target.selfCriticismId && point.area === area)
          .map(({ position: _position, ...point }) => point),
      })).filter((group) => group.points.length > 0),
    }))
    .filter((target) => target.areas.length > 0);
}

export async function presentCompilation(db: DbOrTx, reach: MeetingInReach): Promise<CompilationView> {
  const { meeting, capacity } = reach;
  const compilation = await compilationOfMeeting(db, meeting.id);
  const contentVisible = capacity !== 'reader';
  const base: CompilationView = {
    meetingId: meeting.id,
    id: compilation?.id ?? null,
    status: (compilation?.status as CompilationView['status']) ?? null,
    version: compilation?.version ?? null,
    number: compilation?.number ?? '',
    finalizedAt: compilation?.finalizedAt?.toISOString() ?? null,
    contentVisible,
    canEdit: capacity === 'committee' && compilation?.status === 'draft',
    createBlockedReason: compilation ? null : createBlockedReason(meeting),
    members: [],
    targets: [],
    unplaced: [],
    pointsTotal: 0,
    pointsIncomplete: 0,
  };
  if (!compilation || !contentVisible) return base;
  const content = await compilationContent(db, meeting, compilation);
  return {
    ...base,
    members: content.members,
    targets: byTarget(content),
    unplaced: content.unplaced.map(presentOpinion),
    pointsTotal: content.points.length,
    pointsIncomplete: content.points.filter(isIncomplete).length,
  };
}

export async function readCompilation(db: DbOrTx, actor: Actor, meetingId: string): Promise<CompilationView> {
  return presentCompilation(db, await meetingInReach(db, actor, meetingId));
}
