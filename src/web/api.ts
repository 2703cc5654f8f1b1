import { vietnamDate, vietnamTime } from '../domain/dates.js';
/** One way to call the API: JSON in and out, the session cookie, and errors with Vietnamese messages. */

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly details: unknown = undefined,
  ) {
    super(message);
  }
}

const NETWORK_MESSAGE = 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.';

interface ErrorPayload {
  error?: { code?: string; message?: string; issues?: FieldIssue[]; details?: unknown };
}

/** The server answers `{ error: { code, message, issues, details } }` for every failure. */
function errorFrom(status: number, text: string): ApiError {
  let payload: ErrorPayload = {};
  try {
    payload = JSON.parse(text) as ErrorPayload;
  } catch {
    // Not JSON (a proxy page): fall back to the status.
  }
  const error = payload.error ?? {};
  const message = error.message ?? `Máy chủ trả lỗi ${status}.`;
  return new ApiError(status, error.code ?? 'error', message, error.issues ?? [], error.details);
}

export async function apiRequest<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  if (!response.ok) {
    const error = errorFrom(response.status, await response.text());
    if (response.status === 401 && !path.startsWith('/sessions'))
      window.dispatchEvent(new Event('tpb:signed-out'));
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * POSTs `body` and saves the answer as a file named `fileName` (documents made on request: a QR
 * sheet, one-time passwords); returns the answer's headers. Errors come as ApiError, like `api`.
 */
export async function downloadPost(path: string, body: unknown, fileName: string): Promise<Headers> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  if (!response.ok) throw errorFrom(response.status, await response.text());
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return response.headers;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, body),
  delete: <T>(path: string, body?: unknown) => apiRequest<T>('DELETE', path, body),
};

/** Builds `?a=1&b=2`, leaving out empty values. */
export function queryString(values: Record<string, string | number | boolean | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Uploads a file with XMLHttpRequest (fetch cannot report upload progress), calling `onProgress`
 * with 0–100. Resolves with the JSON answer; rejects with an ApiError carrying the server's details.
 */
export function uploadFile<T>(
  path: string,
  file: File,
  onProgress: (percent: number) => void,
  field = 'file',
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/v1${path}`);
    request.withCredentials = true;
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onerror = () => reject(new ApiError(0, 'network', NETWORK_MESSAGE));
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(100);
        resolve(JSON.parse(request.responseText) as T);
      } else {
        reject(errorFrom(request.status, request.responseText));
      }
    };
    const form = new FormData();
    form.append(field, file);
    request.send(form);
  });
}

/** `2026-11-25` → `25/11/2026`. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** A timestamp as `25/11/2026 14:05` in Vietnam's time, whatever the device's zone (issue 11). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return `${formatDate(vietnamDate(date))} ${vietnamTime(date)}`;
}
