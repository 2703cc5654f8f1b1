import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { PG_RAISE_EXCEPTION, pgConstraintName, pgErrorCode, pgErrorMessage } from '../../db/errors.js';
import { AppError, type FieldIssue, HTTP_STATUS } from '../errors.js';
import { installAnonymousErrorTally } from './anonymous-errors.js';

export interface ErrorBody {
  error: { code: string; message: string; issues: FieldIssue[]; referenceId?: string; details?: unknown };
}

const FASTIFY_CLIENT_ERRORS: Record<string, AppError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: new AppError('payload_too_large', 'Dữ liệu gửi lên quá lớn.'),
  FST_REQ_FILE_TOO_LARGE: new AppError('payload_too_large', 'Tệp tải lên quá lớn (tối đa 10 MB).'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: new AppError(
    'unsupported_media',
    'Định dạng dữ liệu gửi lên không được hỗ trợ.',
  ),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: new AppError('bad_request', 'Độ dài dữ liệu gửi lên không hợp lệ.'),
  FST_ERR_CTP_EMPTY_JSON_BODY: new AppError('bad_request', 'Thiếu dữ liệu gửi lên.'),
  FST_ERR_CTP_INVALID_JSON_BODY: new AppError('bad_request', 'Dữ liệu gửi lên không phải JSON hợp lệ.'),
  FST_INVALID_MULTIPART_CONTENT_TYPE: new AppError(
    'unsupported_media',
    'Yêu cầu phải gửi tệp dạng multipart.',
  ),
  FST_FILES_LIMIT: new AppError('bad_request', 'Chỉ được gửi một tệp mỗi lần.'),
  FST_PARTS_LIMIT: new AppError('bad_request', 'Yêu cầu có quá nhiều phần.'),
  FST_FIELDS_LIMIT: new AppError('bad_request', 'Yêu cầu có quá nhiều trường.'),
};

/** One place maps every failure to a status and a Vietnamese message; nothing internal leaks out. */
export function installErrorHandler(app: FastifyInstance): void {
  const anonymousErrors = installAnonymousErrorTally(app);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toAppError(error);
    if (known) {
      return reply.status(HTTP_STATUS[known.code]).send(body(known));
    }
    const referenceId = randomUUID();
    // S6: an anonymous route's error is only counted (anonymous-errors.ts), never logged with its request.
    if (request.routeOptions.config?.anonymous) anonymousErrors.count(error);
    else request.log.error({ err: error, referenceId }, 'unhandled error');
    return reply.status(500).send({
      error: {
        code: 'internal',
        message: `Hệ thống gặp lỗi. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên mã ${referenceId}.`,
        issues: [],
        referenceId,
      },
    } satisfies ErrorBody);
  });
  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send(body(new AppError('not_found', `Không có địa chỉ ${request.method} ${request.url}.`)));
  });
}

function body(error: AppError): ErrorBody {
  return {
    error: { code: error.code, message: error.message, issues: error.issues, details: error.details },
  };
}

function toAppError(error: FastifyError): AppError | null {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((issue) => ({
      path: [error.validationContext, ...(issue.instancePath.split('/').filter(Boolean) ?? [])].join('.'),
      message: issue.message ?? 'Giá trị không hợp lệ.',
    }));
    const first = issues[0];
    const message = first
      ? `Dữ liệu không hợp lệ ở "${first.path}": ${first.message}`
      : 'Dữ liệu không hợp lệ.';
    return new AppError('bad_request', message, issues);
  }
  const fastifyError = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
  if (fastifyError) return fastifyError;
  if (error.statusCode === 413) return FASTIFY_CLIENT_ERRORS.FST_ERR_CTP_BODY_TOO_LARGE!;
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !pgErrorCode(error)) {
    return new AppError('bad_request', 'Yêu cầu không hợp lệ.');
  }
  return databaseError(error);
}

/** The database is the last line (unique keys, checks, foreign keys); its refusals become 409. */
function databaseError(error: unknown): AppError | null {
  const code = pgErrorCode(error);
  const constraint = pgConstraintName(error) ?? '';
  if (code === '23505')
    return new AppError('conflict', DUPLICATE_MESSAGES[constraint] ?? 'Dữ liệu bị trùng.');
  if (code === '23503' || code === '23001')
    return new AppError('conflict', 'Dữ liệu đang được nơi khác sử dụng hoặc tham chiếu không tồn tại.');
  if (code === '23514') return new AppError('bad_request', 'Dữ liệu vi phạm ràng buộc của hệ thống.');
  if (code === PG_RAISE_EXCEPTION && pgErrorMessage(error).includes('minutes_locked')) {
    return new AppError('conflict', MINUTES_LOCKED_MESSAGE);
  }
  if (code === PG_RAISE_EXCEPTION && pgErrorMessage(error).includes('report_submitted')) {
    return new AppError('conflict', REPORT_SUBMITTED_MESSAGE);
  }
  if (code === '22P02' || code === '22007' || code === '22008' || code === '22003' || code === '22001') {
    return new AppError('bad_request', 'Giá trị không đúng định dạng.');
  }
  return null;
}

/** R4: the database refused a change to signed minutes or to the opinions they hold. */
export const MINUTES_LOCKED_MESSAGE =
  'Biên bản đã được ký và khóa: không thể sửa biên bản hay các ý kiến trong đó. Nếu cần đính chính, hãy lập phụ lục biên bản.';

/** Issue 6: the database refused a change to a submitted report. */
export const REPORT_SUBMITTED_MESSAGE = 'Báo cáo đã nộp nên không sửa được nữa.';

const DUPLICATE_MESSAGES: Record<string, string> = {
  accounts_username_unique: 'Tên đăng nhập đã được dùng.',
  people_workplace_code_key: 'Mã nhân sự đã có trong cơ quan này (không phân biệt hoa thường, dấu).',
  people_workplace_identity_key: 'Đã có người cùng họ tên và ngày sinh trong cơ quan này.',
  role_assignments_unique: 'Tài khoản đã có vai trò này tại tổ chức này.',
};
