import { z } from 'zod';
import { idSchema } from './common.js';

/** One of the signed-in account's own sessions (S3): what the owner needs to recognize and end it. */
export const ownSession = z.object({
  id: idSchema,
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  /** The browser's description, e.g. "Chrome 131 trên Windows". */
  device: z.string(),
  current: z.boolean(),
});
export const ownSessions = z.object({ items: z.array(ownSession) });
export type OwnSession = z.infer<typeof ownSession>;

export const sessionParams = z.object({ id: idSchema });

export const secondFactorView = z.object({
  enabled: z.boolean(),
  /** Required of this account's roles by the settings: it cannot be turned off. */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type SecondFactorView = z.infer<typeof secondFactorView>;

export const secondFactorEnrolment = z.object({
  /** Base32, for typing into the app by hand. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The same URI as a QR code, an SVG document. */
  qrSvg: z.string(),
});
export type SecondFactorEnrolment = z.infer<typeof secondFactorEnrolment>;

const codeField = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: 'Mã xác thực gồm 6 chữ số.' });
const passwordField = z.string().min(1, { message: 'Nhập mật khẩu hiện tại.' }).max(200);

export const confirmSecondFactorBody = z.object({ code: codeField }).strict();
export const passwordCheckBody = z.object({ password: passwordField }).strict();

/** Shown once: only their hashes are kept. */
export const recoveryCodesView = z.object({ recoveryCodes: z.array(z.string()) });
