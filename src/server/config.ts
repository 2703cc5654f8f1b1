import { resolve } from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

/** Every environment variable the server reads; README lists the same ones. */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DEMO_DATA: z.enum(['auto', 'on', 'off']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  TRUST_PROXY: booleanFlag.default(false),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1_048_576),
  /** Issue 16: the province workbook (a whole province's tree and people) may be larger than a roster. */
  WORKBOOK_UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(40 * 1_048_576),
  /**
   * S6: the key of the phone codes' keyed hash. Unset: a random key kept in DATA_DIR/form-code.key
   * (created once, mode 0600). Set it when several servers share one database.
   */
  FORM_CODE_SECRET: z.string().min(32, { message: 'FORM_CODE_SECRET cần ít nhất 32 ký tự.' }).optional(),
  /** The address people reach the server at (printed in the QR codes); else the request's own origin. */
  PUBLIC_URL: z.string().url().optional(),
  /** The SMTP server the daily reminder digests go through (`smtp://user:pass@host:587`, `smtps://…`); unset: no e-mail. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { message: 'SMTP_URL phải bắt đầu bằng smtp:// hoặc smtps://.' })
    .optional(),
  /** The sender of the digests. */
  MAIL_FROM: z.string().min(3).default('Tự phê bình <khong-tra-loi@localhost>'),
  /** Digests go out from this hour of the day in Vietnam (0–23), at most one a day per person. */
  REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(7),
});

export type Config = z.infer<typeof configSchema>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Cấu hình không hợp lệ:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, DATA_DIR: resolve(parsed.data.DATA_DIR) };
}

/** A fixed code key keeps tests from writing a key file into the working directory. */
export const TEST_FORM_CODE_SECRET = 'khoa-thu-nghiem-ma-phieu-dien-thoai-0123456789';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...readConfig({ LOG_LEVEL: 'silent', FORM_CODE_SECRET: TEST_FORM_CODE_SECRET }), ...overrides };
}
