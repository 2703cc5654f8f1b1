import { z } from 'zod';
import { CONCLUSIONS, RESPONSIBILITIES } from '../domain/compilation.js';
import { FEEDBACK_AREAS, FEEDBACK_CHANNELS, FEEDBACK_KINDS } from '../domain/feedback.js';
import { documentNumber, idSchema, requiredText, text, versionSchema } from './common.js';

export const POINT_TEXT_MAX_LENGTH = 4000;
export const EXPLANATION_MAX_LENGTH = 4000;

export const COMPILATION_STATUSES = ['draft', 'final'] as const;
export type CompilationStatus = (typeof COMPILATION_STATUSES)[number];

export const responsibilitySchema = z.enum(RESPONSIBILITIES, { message: 'Loại trách nhiệm không hợp lệ.' });
export const conclusionSchema = z.enum(CONCLUSIONS, { message: 'Kết luận không hợp lệ.' });

/** Only the fields sent change; null clears a classification or a conclusion. */
export const updatePointBody = z.object({
  version: versionSchema,
  text: requiredText(POINT_TEXT_MAX_LENGTH, 'Nội dung điểm tổng hợp').optional(),
  responsibility: responsibilitySchema.nullable().optional(),
  responsibleSelfCriticismId: idSchema.nullable().optional(),
  conclusion: conclusionSchema.nullable().optional(),
  explanation: text(EXPLANATION_MAX_LENGTH).nullable().optional(),
});
export type UpdatePointBody = z.infer<typeof updatePointBody>;

export const mergePointBody = z.object({ intoPointId: idSchema });
export const finalizeCompilationBody = z.object({
  version: versionSchema,
  number: documentNumber('Số báo cáo tổng hợp').default(''),
});
export const feedbackIdParams = z.object({ feedbackId: idSchema });

/** One original opinion, readable under its point. Phone opinions carry nothing that identifies. */
export const compiledOpinionView = z.object({
  feedbackId: idSchema,
  selfCriticismId: idSchema.nullable(),
  area: z.enum(FEEDBACK_AREAS),
  kind: z.enum(FEEDBACK_KINDS),
  text: z.string(),
  channel: z.enum(FEEDBACK_CHANNELS),
  channelLabel: z.string(),
  /** The speaker's or writer's name, or "không ghi tên". */
  speaker: z.string(),
  dissenting: z.boolean(),
});
export type CompiledOpinionView = z.infer<typeof compiledOpinionView>;

export const compilationPointView = z.object({
  id: idSchema,
  selfCriticismId: idSchema.nullable(),
  area: z.enum(FEEDBACK_AREAS),
  kind: z.enum(FEEDBACK_KINDS),
  text: z.string(),
  dissenting: z.boolean(),
  responsibility: responsibilitySchema.nullable(),
  responsibleSelfCriticismId: idSchema.nullable(),
  responsibleName: z.string().nullable(),
  conclusion: conclusionSchema.nullable(),
  explanation: z.string().nullable(),
  version: z.number().int(),
  opinions: z.array(compiledOpinionView),
});
export type CompilationPointView = z.infer<typeof compilationPointView>;

/** The points about one target (a member, or the cell as a collective), by area in the form's order. */
export const compilationTargetView = z.object({
  selfCriticismId: idSchema.nullable(),
  name: z.string(),
  areas: z.array(z.object({ area: z.enum(FEEDBACK_AREAS), points: z.array(compilationPointView) })),
});
export type CompilationTargetView = z.infer<typeof compilationTargetView>;

export const compilationView = z.object({
  meetingId: idSchema,
  /** Null until the committee creates the draft. */
  id: idSchema.nullable(),
  status: z.enum(COMPILATION_STATUSES).nullable(),
  version: z.number().int().nullable(),
  /** `05` of `Số 05-BC/CB`; empty until given when the committee closes it. */
  number: z.string(),
  finalizedAt: z.string().nullable(),
  /** False for officers above the cell: they see the status only. */
  contentVisible: z.boolean(),
  canEdit: z.boolean(),
  /** Why the draft cannot be made yet (meeting not held, phone window open); null when it can. */
  createBlockedReason: z.string().nullable(),
  members: z.array(z.object({ selfCriticismId: idSchema, fullName: z.string() })),
  targets: z.array(compilationTargetView),
  unplaced: z.array(compiledOpinionView),
  pointsTotal: z.number().int(),
  /** Points still lacking a responsibility or a conclusion: finalizing waits for none. */
  pointsIncomplete: z.number().int(),
});
export type CompilationView = z.infer<typeof compilationView>;

/** The signed-in member's compiled points, per meeting, from final compilations only. */
export const myCompiledPointsView = z.object({
  meetings: z.array(
    z.object({
      meetingId: idSchema,
      year: z.number().int(),
      workplaceName: z.string(),
      meetingDate: z.string(),
      finalizedAt: z.string(),
      absent: z.boolean(),
      absenceReason: z.string().nullable(),
      /** When the committee confirmed telling the absent member; null when not (yet) or present. */
      toldAt: z.string().nullable(),
      points: z.array(
        z.object({
          id: idSchema,
          area: z.enum(FEEDBACK_AREAS),
          kind: z.enum(FEEDBACK_KINDS),
          text: z.string(),
          dissenting: z.boolean(),
          responsibility: responsibilitySchema.nullable(),
          conclusion: conclusionSchema.nullable(),
          explanation: z.string().nullable(),
          opinions: z.array(
            z.object({
              text: z.string(),
              channelLabel: z.string(),
              speaker: z.string(),
              dissenting: z.boolean(),
            }),
          ),
        }),
      ),
    }),
  ),
});
export type MyCompiledPointsView = z.infer<typeof myCompiledPointsView>;
