import { ApiError } from '../api.js';

/** The server's message for one body field (`body.username`), to show next to its input. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const prefix = `body.${field}`;
  return error.issues.find((issue) => issue.path === prefix || issue.path.startsWith(`${prefix}.`))?.message;
}

/** True when an error names one of the given fields, so it is already shown beside its input. */
export function isFieldError(error: unknown, fields: readonly string[]): boolean {
  return fields.some((field) => fieldError(error, field) !== undefined);
}

/** Another administrator saved the account after we loaded it (optimistic locking, HTTP 409). */
export function isStaleVersion(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'stale_version';
}
