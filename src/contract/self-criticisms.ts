import { z } from 'zod';
import {
  SECTION_MAX_LENGTH,
  SELF_CRITICISM_STATUSES,
  SELF_CRITICISM_TEMPLATES,
} from '../domain/self-criticism.js';
import { idSchema, isoDate, paged, pageQuery, requiredText, text, versionSchema } from './common.js';

const section = text(SECTION_MAX_LENGTH);

export const selfCriticismContent = z.object({
  politicalIdeology: z.string(),
  ethicsLifestyle: z.string(),
  duties: z.string(),
  discipline: z.string(),
  remedying: z.string(),
  shortcomings: z.string(),
  remedies: z.string(),
});

export const manifestationAnswer = z.object({
  none: z.boolean(),
  items: z
    .array(
      z.object({
        number: z.number().int().min(1, { message: 'Số thứ tự biểu hiện không hợp lệ.' }).max(1000),
        remark: text(1000),
      }),
    )
    .max(200),
});

export const selfCriticismHeader = z.object({
  fullName: z.string(),
  birthDate: z.string().nullable(),
  partyOffice: z.string(),
  governmentOffice: z.string(),
  workplaceName: z.string(),
  cellName: z.string(),
  assignedDuty: z.string(),
});

export const selfCriticismSummaryText = z.object({
  duties: z.string(),
  strengths: z.string(),
  shortcomings: z.string(),
});

/** What every reader within reach sees: who, where, how far. */
export const selfCriticismStatusView = z.object({
  id: idSchema,
  planId: idSchema,
  workplaceId: idSchema,
  workplaceName: z.string(),
  personId: idSchema,
  fullName: z.string(),
  cellId: idSchema,
  cellName: z.string(),
  template: z.enum(SELF_CRITICISM_TEMPLATES),
  status: z.enum(SELF_CRITICISM_STATUSES),
  statusLabel: z.string(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  savedAt: z.string(),
  /** False for a draft its member has never opened ("Chưa mở"); a committee reading it does not open it. */
  opened: z.boolean(),
  /** False for readers above the cell: they see the status, not what the member wrote. */
  contentVisible: z.boolean(),
  version: z.number().int(),
});
export type SelfCriticismStatusView = z.infer<typeof selfCriticismStatusView>;

/**
 * The answer as stored, for responses: the input schema normalizes remarks with a transform, which
 * a response serializer cannot run backwards.
 */
const manifestationAnswerView = z.object({
  none: z.boolean(),
  items: z.array(z.object({ number: z.number().int(), remark: z.string() })),
});

/** One report; the content fields are null for readers who see status only. */
export const selfCriticismDetail = selfCriticismStatusView.extend({
  header: selfCriticismHeader.nullable(),
  content: selfCriticismContent.nullable(),
  carriedOver: z.string().nullable(),
  manifestationAnswer: manifestationAnswerView.nullable(),
  /** The plan's manifestation list the answer refers to (item number = position + 1). */
  manifestations: z.array(z.string()),
  committeeComment: z.string().nullable(),
  summary: selfCriticismSummaryText.nullable(),
  returnReason: z.string().nullable(),
  permissions: z.object({
    save: z.boolean(),
    submit: z.boolean(),
    editHeader: z.boolean(),
    return: z.boolean(),
    accept: z.boolean(),
    comment: z.boolean(),
    summarize: z.boolean(),
  }),
});
export type SelfCriticismDetail = z.infer<typeof selfCriticismDetail>;

export const listSelfCriticismsQuery = pageQuery.extend({
  planId: idSchema.optional(),
  workplaceId: idSchema.optional(),
  status: z.enum(SELF_CRITICISM_STATUSES, { message: 'Trạng thái không hợp lệ.' }).optional(),
});
export const selfCriticismPage = paged(selfCriticismStatusView);

/** Autosave: any subset of the sections and the manifestation answer. */
export const saveSelfCriticismBody = z
  .object({
    version: versionSchema,
    content: z
      .object({
        politicalIdeology: section,
        ethicsLifestyle: section,
        duties: section,
        discipline: section,
        remedying: section,
        shortcomings: section,
        remedies: section,
      })
      .partial()
      .strict()
      .optional(),
    manifestationAnswer: manifestationAnswer.optional(),
  })
  .strict();
export type SaveSelfCriticismBody = z.infer<typeof saveSelfCriticismBody>;

export const updateHeaderBody = z
  .object({
    version: versionSchema,
    fullName: requiredText(200, 'Họ và tên'),
    birthDate: isoDate.nullable(),
    partyOffice: text(200),
    governmentOffice: text(200),
    workplaceName: requiredText(300, 'Đơn vị công tác'),
    cellName: requiredText(300, 'Chi bộ'),
    assignedDuty: text(1000),
    carriedOver: text(SECTION_MAX_LENGTH),
  })
  .partial()
  .required({ version: true })
  .strict();
export type UpdateHeaderBody = z.infer<typeof updateHeaderBody>;

export const selfCriticismVersionBody = z.object({ version: versionSchema }).strict();
export const returnSelfCriticismBody = z
  .object({ version: versionSchema, reason: requiredText(2000, 'Lý do trả lại') })
  .strict();
export const committeeCommentBody = z
  .object({ version: versionSchema, comment: requiredText(SECTION_MAX_LENGTH, 'Nhận xét của cấp ủy') })
  .strict();
export const summaryBody = z
  .object({
    version: versionSchema,
    duties: text(2000),
    strengths: text(2000),
    shortcomings: text(2000),
  })
  .strict();

export const selfCriticismVersionView = z.object({
  version: z.number().int(),
  action: z.string(),
  status: z.enum(SELF_CRITICISM_STATUSES),
  statusLabel: z.string(),
  accountName: z.string().nullable(),
  at: z.string(),
});
export const selfCriticismVersionList = z.object({ items: z.array(selfCriticismVersionView) });

export const versionDiffQuery = z.object({
  from: z.coerce.number().int().min(1, { message: 'Phiên bản không hợp lệ.' }),
  to: z.coerce.number().int().min(1, { message: 'Phiên bản không hợp lệ.' }),
});
export const versionDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(
    z.object({ field: z.string(), label: z.string(), before: z.unknown(), after: z.unknown() }),
  ),
});

export const syncParams = z.object({ id: idSchema, workplaceId: idSchema });
export const syncResult = z.object({ created: z.number().int() });
