import { z } from 'zod';
import { ROLES } from '../domain/roles.js';
import { idSchema, paged, pageQuery, requiredText, versionSchema } from './common.js';

export const roleAssignment = z.object({
  id: idSchema,
  role: z.enum(ROLES),
  organizationId: idSchema,
  organizationName: z.string(),
});
export type RoleAssignment = z.infer<typeof roleAssignment>;

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
  /** False when the account holds a role outside the caller's subtree: only a higher administrator may change it. */
  canManage: z.boolean(),
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

export const listAccountsQuery = pageQuery.extend({
  /** Matched over username and display name, ignoring diacritics and case. */
  q: z.string().max(200).default(''),
  /** Only accounts whose home organization lies in this organization's subtree. */
  organizationId: idSchema.optional(),
  includeDisabled: z.enum(['true', 'false']).default('true'),
});
export type ListAccountsQuery = z.infer<typeof listAccountsQuery>;
export const accountsPage = paged(account);

const roleGrantBody = z
  .object({ role: z.enum(ROLES, { message: 'Vai trò không hợp lệ.' }), organizationId: idSchema })
  .strict();

export const createAccountBody = z
  .object({
    username: usernameSchema,
    displayName: requiredText(200, 'Tên hiển thị'),
    password: z.string().max(200, { message: 'Mật khẩu không được dài quá 200 ký tự.' }),
    homeOrganizationId: idSchema,
    personId: idSchema.nullable().optional(),
    roles: z.array(roleGrantBody).max(20).default([]),
  })
  .strict();
export type CreateAccountBody = z.infer<typeof createAccountBody>;

export const updateAccountBody = z
  .object({
    version: versionSchema,
    displayName: requiredText(200, 'Tên hiển thị').optional(),
    disabled: z.boolean().optional(),
    personId: idSchema.nullable().optional(),
  })
  .strict();
export type UpdateAccountBody = z.infer<typeof updateAccountBody>;

export const resetPasswordBody = z
  .object({ newPassword: z.string().max(200, { message: 'Mật khẩu không được dài quá 200 ký tự.' }) })
  .strict();

export const createRoleAssignmentBody = roleGrantBody;

export const roleAssignmentParams = z.object({ id: idSchema, assignmentId: idSchema });
