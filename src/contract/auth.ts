import { z } from 'zod';
import { ROLES } from '../domain/roles.js';
import { idSchema } from './common.js';

export const loginBody = z.object({
  username: z.string().min(1, { message: 'Nhập tên đăng nhập.' }).max(100),
  password: z.string().min(1, { message: 'Nhập mật khẩu.' }).max(200),
});

export const roleGrant = z.object({
  role: z.enum(ROLES),
  organizationId: idSchema,
  organizationName: z.string(),
});

export const me = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  mustChangePassword: z.boolean(),
  roles: z.array(roleGrant),
});
export type Me = z.infer<typeof me>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, { message: 'Nhập mật khẩu hiện tại.' }).max(200),
  newPassword: z.string().max(200, { message: 'Mật khẩu không được dài quá 200 ký tự.' }),
});
