import { z } from 'zod';
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
