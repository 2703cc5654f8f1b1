import { ApiError } from '../api.js';

/**
 * The server names a bad field by its request path (`body.name`, `body.birthDate`); forms want
 * the field name alone, so each message can sit under its input.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.replace(/^(body|query|params)\./, '').split('.')[0] ?? '';
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** A 409 on a versioned write means someone else saved first: the form must reload, not retry. */
export function isStaleVersion(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'stale_version';
}

/** The message above a form: the general one, unless every problem already sits under its field. */
export function formMessage(error: unknown, fields: readonly string[]): string | null {
  if (!error) return null;
  if (!(error instanceof ApiError)) return 'Đã có lỗi không mong muốn. Vui lòng thử lại.';
  if (isStaleVersion(error)) {
    return 'Dữ liệu đã bị người khác thay đổi trong lúc bạn sửa. Đã tải lại bản mới nhất: các ô bạn chưa sửa đã được cập nhật, các ô bạn đã sửa vẫn giữ nguyên. Vui lòng kiểm tra rồi lưu lại.';
  }
  const shown = Object.keys(fieldErrors(error));
  if (shown.length > 0 && shown.every((field) => fields.includes(field))) return null;
  return error.message;
}
