import { z } from 'zod';
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters } from '../domain/control-characters.js';

/**
 * Text from a person: NFC, trimmed, no control characters except line breaks and tabs.
 * Normalizing once here, at the edge, means the rest of the system only ever sees NFC.
 */
export const text = (max: number) =>
  z
    .string()
    .max(max * 2, { message: `Không được dài quá ${max} ký tự.` })
    // A lone surrogate cannot be stored as UTF-8: it would come back as another character.
    .refine((value) => value.isWellFormed(), { message: 'Có ký tự Unicode không hợp lệ.' })
    .transform((value) => value.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .max(max, { message: `Không được dài quá ${max} ký tự.` })
        .refine((value) => !hasControlCharacters(value, 'multiline'), { message: CONTROL_CHARACTER_MESSAGE }),
    );

export const requiredText = (max: number, label: string) =>
  text(max).pipe(z.string().min(1, { message: `${label} không được để trống.` }));

export const idSchema = z.uuid({ message: 'Mã định danh không hợp lệ.' });
export const idParams = z.object({ id: idSchema });
export const versionSchema = z.number().int().min(1, { message: 'Phiên bản không hợp lệ.' });

export const isoDate = z.iso.date({ message: 'Ngày không hợp lệ (dạng yyyy-mm-dd).' });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
    referenceId: z.string().optional(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const okBody = z.object({ ok: z.literal(true) });

export const paged = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/**
 * The number of a party document (`05` of `Số 05-BB/CB`), as the organization's register gives it;
 * empty leaves dots to write it in by hand.
 */
export const documentNumber = (label: string) =>
  text(10).refine((value) => /^[0-9A-Za-zĐđ.]*$/.test(value), {
    message: `${label} chỉ gồm chữ số (có thể kèm chữ cái), ví dụ 05.`,
  });
