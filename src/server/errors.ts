/** The one error family: services throw it with a Vietnamese message meant for the person. */
export type AppErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'second_factor_required'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'stale_version'
  | 'payload_too_large'
  | 'unsupported_media'
  | 'unprocessable'
  | 'too_many_requests';

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  second_factor_required: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  payload_too_large: 413,
  unsupported_media: 415,
  unprocessable: 422,
  too_many_requests: 429,
};

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const forbidden = () => new AppError('forbidden', 'Bạn không có quyền thực hiện thao tác này.');
export const notFound = (what: string) => new AppError('not_found', `Không tìm thấy ${what}.`);
export const staleVersion = () =>
  new AppError(
    'stale_version',
    'Dữ liệu đã được người khác thay đổi sau khi bạn mở. Vui lòng tải lại trang để xem bản mới nhất rồi sửa lại.',
  );
