import { z } from 'zod';
import { EMPLOYMENT_TYPES } from '../domain/employment.js';
import { PLAN_DEADLINES, PLAN_WORKPLACE_STATUSES } from '../domain/plans.js';
import { idSchema, isoDate, paged, pageQuery, requiredText, text, versionSchema } from './common.js';

export const planDeadline = z.enum(PLAN_DEADLINES);
export const planWorkplaceStatus = z.enum(PLAN_WORKPLACE_STATUSES);
export const PLAN_STATUSES = ['draft', 'published', 'replaced'] as const;
export const planStatus = z.enum(PLAN_STATUSES);
export const planYear = z.number().int().min(2000).max(2200);

const longText = text(20_000);

/** Everything a plan carries besides its organization, as typed by the person writing it. */
export const planContentFields = {
  year: planYear,
  number: text(20),
  place: text(200),
  issuedOn: isoDate.nullable(),
  title: requiredText(1000, 'Tiêu đề kế hoạch'),
  preamble: longText,
  purposes: longText,
  subjects: longText,
  participants: longText,
  timeRules: longText,
  placeRules: longText,
  contentAreas: z.array(text(5000)).length(4, { message: 'Phải có đúng bốn nội dung tự phê bình.' }),
  annualTheme: text(2000),
  manifestations: z.array(requiredText(2000, 'Biểu hiện')).max(1000),
  methods: longText,
  implementation: longText,
  recipients: z.array(requiredText(500, 'Nơi nhận')).max(100),
  signingCapacity: text(200),
  signerTitle: text(200),
  signerName: text(200),
  meetingsDueOn: isoDate,
  baseReportsDueOn: isoDate,
  upwardReportDueOn: isoDate,
};

/** A pasted list, one manifestation a line; when given it replaces `manifestations`. */
const manifestationsText = text(200_000).optional();

export const createPlanBody = z
  .object({
    organizationId: idSchema,
    ...planContentFields,
    number: planContentFields.number.default(''),
    place: planContentFields.place.default(''),
    issuedOn: planContentFields.issuedOn.default(null),
    preamble: longText.default(''),
    purposes: longText.default(''),
    subjects: longText.default(''),
    participants: longText.default(''),
    timeRules: longText.default(''),
    placeRules: longText.default(''),
    contentAreas: planContentFields.contentAreas.default(['', '', '', '']),
    annualTheme: planContentFields.annualTheme.default(''),
    manifestations: planContentFields.manifestations.default([]),
    manifestationsText,
    methods: longText.default(''),
    implementation: longText.default(''),
    recipients: planContentFields.recipients.default([]),
    signingCapacity: planContentFields.signingCapacity.default('T/M BAN THƯỜNG VỤ'),
    signerTitle: planContentFields.signerTitle.default(''),
    signerName: planContentFields.signerName.default(''),
  })
  .strict();
export type CreatePlanBody = z.infer<typeof createPlanBody>;

export const updatePlanBody = z
  .object({ version: versionSchema, ...planContentFields, manifestationsText })
  .partial()
  .required({ version: true })
  .strict();
export type UpdatePlanBody = z.infer<typeof updatePlanBody>;

/** A derived plan starts as a copy of its parent; any field given here replaces the copied one. */
export const derivePlanBody = z
  .object({ organizationId: idSchema, ...planContentFields, manifestationsText })
  .partial()
  .required({ organizationId: true })
  .strict();
export type DerivePlanBody = z.infer<typeof derivePlanBody>;

export const deadlineChangeBody = z
  .object({
    deadline: planDeadline,
    toDate: isoDate,
    reason: requiredText(2000, 'Lý do thay đổi thời hạn'),
  })
  .strict();

export const correctionBody = z
  .object({
    version: versionSchema,
    required: z.boolean(),
    reason: requiredText(2000, 'Lý do điều chỉnh'),
  })
  .strict();

export const listPlansQuery = z.object({
  organizationId: idSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2200).optional(),
});

export const planTemplateQuery = z.object({
  organizationId: idSchema,
  year: z.coerce.number().int().min(2000).max(2200).optional(),
});

export const planWorkplaceParams = z.object({ id: idSchema, workplaceId: idSchema });

export const listPlanWorkplacesQuery = pageQuery.extend({
  organizationId: idSchema.optional(),
  status: planWorkplaceStatus.optional(),
  required: z.enum(['true', 'false']).optional(),
});

const deadlines = {
  meetingsDueOn: z.string(),
  baseReportsDueOn: z.string(),
  upwardReportDueOn: z.string(),
};

export const planSummary = z.object({
  id: idSchema,
  organizationId: idSchema,
  organizationName: z.string(),
  parentPlanId: idSchema.nullable(),
  year: z.number().int(),
  status: planStatus,
  statusLabel: z.string(),
  number: z.string(),
  symbol: z.string(),
  /** As printed: `03-KH/ĐUK`. */
  fullNumber: z.string(),
  title: z.string(),
  issuedOn: z.string().nullable(),
  ...deadlines,
  publishedAt: z.string().nullable(),
  /** The plan of the same issuer and year this one replaced when published, and why. */
  replacesPlanId: idSchema.nullable(),
  replacementReason: z.string().nullable(),
  /** When another plan replaced this one (status `replaced`). */
  replacedAt: z.string().nullable(),
  /** Issued by an organization at or above one of the reader's own: the plan covers them. */
  applies: z.boolean(),
  /** Issued by an organization inside the reader's reach. */
  issuedHere: z.boolean(),
  version: z.number().int(),
});
export type PlanSummary = z.infer<typeof planSummary>;

export const planRef = z.object({
  id: idSchema,
  organizationId: idSchema,
  organizationName: z.string(),
  fullNumber: z.string(),
  title: z.string(),
  status: planStatus,
  ...deadlines,
});

export const deadlineChange = z.object({
  id: idSchema,
  deadline: planDeadline,
  deadlineLabel: z.string(),
  fromDate: z.string(),
  toDate: z.string(),
  reason: z.string(),
  changedBy: z.string().nullable(),
  at: z.string(),
});

const planTextsView = {
  preamble: z.string(),
  purposes: z.string(),
  subjects: z.string(),
  participants: z.string(),
  timeRules: z.string(),
  placeRules: z.string(),
  contentAreas: z.array(z.string()),
  annualTheme: z.string(),
  manifestations: z.array(z.string()),
  methods: z.string(),
  implementation: z.string(),
  recipients: z.array(z.string()),
  signingCapacity: z.string(),
  signerTitle: z.string(),
  signerName: z.string(),
};

export const planDetail = planSummary.extend({
  place: z.string(),
  ...planTextsView,
  parent: planRef.nullable(),
  derivedPlans: z.array(planRef),
  /** For a draft: the plan its issuer already published for the year, which publishing must replace. */
  standingPlan: planRef.nullable(),
  /** The plan that replaced this one, once replaced. */
  replacedBy: planRef.nullable(),
  /**
   * The plan holding the per-workplace determinations and progress rollup: the plan itself, or for
   * a derived plan its chain's root (read it restricted to this plan's organization).
   */
  determiningPlanId: idSchema,
  /** The two lines over the star of its document, built from the tree. */
  documentHeader: z.object({ superior: z.string(), issuer: z.string() }),
  deadlineChanges: z.array(deadlineChange),
  /** The reader's own organizations under the issuer, with organizations under them, that may derive it. */
  derivableOrganizations: z.array(z.object({ id: idSchema, name: z.string() })),
  permissions: z.object({
    edit: z.boolean(),
    publish: z.boolean(),
    changeDeadlines: z.boolean(),
    derive: z.boolean(),
  }),
});
export type PlanDetail = z.infer<typeof planDetail>;

/** A draft body prefilled from the seed's plan, adapted to the organization; POST it back as it is. */
export const planTemplate = z.object({
  organizationId: idSchema,
  year: z.number().int(),
  number: z.string(),
  place: z.string(),
  issuedOn: z.string().nullable(),
  title: z.string(),
  ...planTextsView,
  ...deadlines,
});

export const planWorkplace = z.object({
  workplaceId: idSchema,
  workplaceName: z.string(),
  organizationId: idSchema,
  organizationName: z.string(),
  countedMasses: z.number().int(),
  allMasses: z.number().int(),
  threshold: z.number().int(),
  required: z.boolean(),
  status: planWorkplaceStatus,
  statusLabel: z.string(),
  correction: z
    .object({ reason: z.string(), correctedBy: z.string().nullable(), correctedAt: z.string() })
    .nullable(),
  /** Whether the reader may still correct required/exempt (before a meeting is scheduled). */
  canCorrect: z.boolean(),
  version: z.number().int(),
  /** The self-criticism reports of the workplace's members under the plan, by status. */
  reports: z.object({
    total: z.number().int(),
    draft: z.number().int(),
    submitted: z.number().int(),
    returned: z.number().int(),
    accepted: z.number().int(),
  }),
});
export type PlanWorkplaceView = z.infer<typeof planWorkplace>;
export const planWorkplacePage = paged(planWorkplace);

/** Who a determination counted: the masses employed at the workplace on the plan's reference date. */
export const determinationMasses = z.object({
  workplaceId: idSchema,
  workplaceName: z.string(),
  /** The day the roster was read: the plan's issue date. */
  referenceDate: z.string(),
  countedMasses: z.number().int(),
  allMasses: z.number().int(),
  people: z.array(
    z.object({
      personId: idSchema,
      code: z.string(),
      fullName: z.string(),
      employmentType: z.enum(EMPLOYMENT_TYPES),
      counted: z.boolean(),
    }),
  ),
});
export type DeterminationMasses = z.infer<typeof determinationMasses>;

/** Publishing; while another plan of the issuer and year stands, it must be named as replaced with a reason. */
export const publishPlanBody = z
  .object({
    version: versionSchema,
    replacement: z
      .object({ replacesPlanId: idSchema, reason: requiredText(2000, 'Lý do thay thế') })
      .strict()
      .optional(),
  })
  .strict();
export type PublishPlanBody = z.infer<typeof publishPlanBody>;
