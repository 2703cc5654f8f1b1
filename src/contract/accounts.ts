import { z } from 'zod';
import { ROLES } from '../domain/roles.js';
import { idSchema, paged, pageQuery, requiredText, versionSchema } from './common.js';

export const roleAssignment = z.object({
  id: idSchema,
  role: z.enum(ROLES),
  organizationId: idSchema,
  organizationName: z.string(),
});

export const account = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  homeOrganizationId: idSchema,
  homeOrganizationName: z.string(),
  personId: idSchema.nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  roles: z.array(roleAssignment),
  version: z.number().int(),
});
export type Account = z.infer<typeof account>;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, {
    message: 'Tên đăng nhập gồm 3–50 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang.',
  });

export const listAccountsQuery = pageQuery.extend({ q: z.string().max(200).default('') });
export const accountsPage = paged(account);

export const createAccountBody = z
  .object({
    username: usernameSchema,
    displayName: requiredText(200, 'Tên hiển thị'),
    password: z.string().max(200),
    homeOrganizationId: idSchema,
    personId: idSchema.nullable().optional(),
  })
  .strict();

export const updateAccountBody = z
  .object({
    version: versionSchema,
    displayName: requiredText(200, 'Tên hiển thị').optional(),
    disabled: z.boolean().optional(),
    personId: idSchema.nullable().optional(),
  })
  .strict();

export const resetPasswordBody = z.object({ newPassword: z.string().max(200) }).strict();

export const createRoleAssignmentBody = z
  .object({ role: z.enum(ROLES, { message: 'Vai trò không hợp lệ.' }), organizationId: idSchema })
  .strict();
