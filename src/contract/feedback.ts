import { z } from 'zod';
import { FEEDBACK_AREAS, FEEDBACK_CHANNELS, FEEDBACK_KINDS } from '../domain/feedback.js';
import { AGENDA_STEPS } from '../domain/meetings.js';
import { idSchema, requiredText, text, versionSchema } from './common.js';
import { meetingDetail } from './meetings.js';

export const OPINION_MAX_LENGTH = 4000;

/** An empty speaker's name is "không ghi tên": stored as null, never as an empty string. */
const speakerName = text(200)
  .nullable()
  .transform((value) => (value ? value : null));

const opinionFields = {
  /** Null: the cell as a collective (Tập thể chi bộ). */
  selfCriticismId: idSchema.nullable(),
  area: z.enum(FEEDBACK_AREAS, { message: 'Lĩnh vực không hợp lệ.' }),
  kind: z.enum(FEEDBACK_KINDS, { message: 'Loại ý kiến không hợp lệ.' }),
  text: requiredText(OPINION_MAX_LENGTH, 'Nội dung ý kiến'),
  speakerName,
  dissenting: z.boolean().default(false),
};

/** R1: the client makes the id, so sending the same opinion again after a lost answer is the same row. */
export const recordOpinionBody = z.object({ id: idSchema, ...opinionFields });
export type RecordOpinionBody = z.infer<typeof recordOpinionBody>;

export const editOpinionBody = z.object({ ...opinionFields, version: versionSchema });
export type EditOpinionBody = z.infer<typeof editOpinionBody>;

export const deleteOpinionQuery = z.object({
  version: z.coerce.number().int().min(1, { message: 'Phiên bản không hợp lệ.' }),
});

/** Plain strings out: the input's NFC transform would not serialize an answer. */
export const opinionEntry = z.object({
  id: idSchema,
  selfCriticismId: idSchema.nullable(),
  area: z.enum(FEEDBACK_AREAS),
  kind: z.enum(FEEDBACK_KINDS),
  text: z.string(),
  speakerName: z.string().nullable(),
  dissenting: z.boolean(),
  channel: z.enum(FEEDBACK_CHANNELS),
  version: z.number().int(),
  changeSeq: z.number().int(),
  recordedByName: z.string().nullable(),
  /** When it was first said or typed in: the order entries are shown in. */
  recordedAt: z.string(),
});
export type OpinionEntry = z.infer<typeof opinionEntry>;

export const liveQuery = z.object({
  after: z.coerce.number().int().min(0, { message: 'Mốc thay đổi không hợp lệ.' }).optional(),
});

export const liveMember = z.object({
  selfCriticismId: idSchema,
  fullName: z.string(),
  template: z.enum(['with_office', 'without_office']),
  partyOffice: z.string(),
  governmentOffice: z.string(),
  assignedDuty: z.string(),
  summary: z.object({ duties: z.string(), strengths: z.string(), shortcomings: z.string() }),
  /** From attendance once marked; null before. */
  present: z.boolean().nullable(),
});
export type LiveMember = z.infer<typeof liveMember>;

export const committeeResponse = z.object({
  id: idSchema,
  selfCriticismId: idSchema.nullable(),
  text: z.string(),
  version: z.number().int(),
  recordedByName: z.string(),
  updatedAt: z.string(),
});
export type CommitteeResponse = z.infer<typeof committeeResponse>;

export const liveView = z.object({
  meeting: meetingDetail,
  members: z.array(liveMember),
  /** What the opening announces (seed "(1) Nghi thức"). */
  opening: z.object({
    membersTotal: z.number().int(),
    membersPresent: z.number().int(),
    membersAbsent: z.number().int(),
    membersUnmarked: z.number().int(),
    massesPresent: z.number().int(),
    delegates: z.array(z.string()),
    chairName: z.string(),
    secretaryName: z.string(),
  }),
  responses: z.array(committeeResponse),
  /** Oral, paper and online opinions, oldest first; with `after`, only those changed since. */
  entries: z.array(opinionEntry),
  /** Every opinion's id now: a client drops the ones it holds that are no longer here (deleted). */
  entryIds: z.array(idSchema),
  /** The largest change number seen: the next `after`. */
  cursor: z.number().int(),
});
export type LiveView = z.infer<typeof liveView>;

export const responseBody = z.object({
  selfCriticismId: idSchema.nullable(),
  text: requiredText(8000, 'Ý kiến tiếp thu của cấp ủy'),
  /** The version read; absent when the page saw no response yet. */
  version: versionSchema.optional(),
});
export type ResponseBody = z.infer<typeof responseBody>;

export const agendaBody = z.object({
  step: z.enum(AGENDA_STEPS, { message: 'Bước của chương trình họp không hợp lệ.' }),
  selfCriticismId: idSchema.nullable().optional(),
  version: versionSchema,
});
export type AgendaBody = z.infer<typeof agendaBody>;
