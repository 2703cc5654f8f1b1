import { z } from 'zod';
import { SMALL_GROUP_THRESHOLD_LIMITS } from '../domain/anonymity.js';
import { EMPLOYMENT_TYPES } from '../domain/employment.js';
import { versionSchema } from './common.js';

export const eligibilitySettings = z.object({
  threshold: z.number().int().min(1, { message: 'Ngưỡng phải từ 1 trở lên.' }).max(10_000),
  countedEmploymentTypes: z
    .array(z.enum(EMPLOYMENT_TYPES))
    .min(1, { message: 'Chọn ít nhất một loại lao động được tính.' })
    .max(EMPLOYMENT_TYPES.length),
  version: z.number().int(),
  canEdit: z.boolean(),
});

export const updateEligibilitySettingsBody = z
  .object({
    version: versionSchema,
    threshold: eligibilitySettings.shape.threshold,
    countedEmploymentTypes: eligibilitySettings.shape.countedEmploymentTypes,
  })
  .strict();

export const anonymitySettings = z.object({
  smallGroupThreshold: z
    .number({ message: 'Ngưỡng nhóm nhỏ phải là một số.' })
    .int({ message: 'Ngưỡng nhóm nhỏ phải là số nguyên.' })
    .min(SMALL_GROUP_THRESHOLD_LIMITS.min, {
      message: `Ngưỡng nhóm nhỏ phải từ ${SMALL_GROUP_THRESHOLD_LIMITS.min} trở lên.`,
    })
    .max(SMALL_GROUP_THRESHOLD_LIMITS.max, {
      message: `Ngưỡng nhóm nhỏ tối đa ${SMALL_GROUP_THRESHOLD_LIMITS.max}.`,
    }),
  version: z.number().int(),
  canEdit: z.boolean(),
});

export const updateAnonymitySettingsBody = z
  .object({
    version: versionSchema,
    smallGroupThreshold: anonymitySettings.shape.smallGroupThreshold,
  })
  .strict();

export const securitySettings = z.object({
  requireSecondFactorForOfficers: z.boolean(),
  nonMemberRetentionMonths: z
    .number()
    .int({ message: 'Số tháng phải là số nguyên.' })
    .min(1, { message: 'Thời hạn lưu giữ phải từ 1 tháng trở lên.' })
    .max(600, { message: 'Thời hạn lưu giữ tối đa 600 tháng.' }),
  version: z.number().int(),
  canEdit: z.boolean(),
});
export type SecuritySettingsView = z.infer<typeof securitySettings>;

export const updateSecuritySettingsBody = z
  .object({
    version: versionSchema,
    requireSecondFactorForOfficers: securitySettings.shape.requireSecondFactorForOfficers,
    nonMemberRetentionMonths: securitySettings.shape.nonMemberRetentionMonths,
  })
  .strict();
