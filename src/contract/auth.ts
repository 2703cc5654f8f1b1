import { z } from 'zod';
import { ROLES } from '../domain/roles.js';
import { idSchema } from './common.js';

export const loginBody = z.object({
  username: z.string().min(1, { message: 'Nhập tên đăng nhập.' }).max(100),
  password: z.string().min(1, { message: 'Nhập mật khẩu.' }).max(200),
  /** The authenticator app's 6 digits or a recovery code, for an account with two-factor sign-in. */
  code: z.string().max(30, { message: 'Mã xác thực không hợp lệ.' }).optional(),
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
  /** Two-factor sign-in is required of this account's roles and is not set up yet: only set-up pages open. */
  mustEnrollSecondFactor: z.boolean(),
  roles: z.array(roleGrant),
  /** Where the daily reminder digest goes; null: none. */
  email: z.string().nullable(),
  /** What the person is beyond their role grants; the menu is built from all of it. */
  capacities: z.object({
    /** On a roster as a party member: writes their own self-criticism. */
    partyMember: z.boolean(),
    /** On a roster as a non-member: invited to their workplace's meetings. */
    nonMember: z.boolean(),
    /** Secretary or chair of at least one meeting. */
    keepsMeetings: z.boolean(),
  }),
});
export type Me = z.infer<typeof me>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, { message: 'Nhập mật khẩu hiện tại.' }).max(200),
  newPassword: z.string().max(200, { message: 'Mật khẩu không được dài quá 200 ký tự.' }),
});

const EMAIL_MESSAGE = 'Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@coquan.gov.vn).';

/** The person's own address for reminder digests; empty removes it. */
export const emailBody = z.object({
  email: z
    .string()
    .max(254, { message: EMAIL_MESSAGE })
    .transform((value) => value.normalize('NFC').trim())
    .pipe(z.union([z.literal(''), z.email({ message: EMAIL_MESSAGE })])),
});
