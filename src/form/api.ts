import type { FeedbackFormContentBody } from '../contract/feedback-form.js';
import type { PhoneFormOpened } from '../contract/phone-forms.js';

/** A refusal from the server, with its Vietnamese message. */
export class FormApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const OFFLINE_MESSAGE =
  'Không kết nối được máy chủ. Phần bạn đã ghi vẫn được giữ trên máy này; hãy kiểm tra mạng rồi bấm gửi lại.';

/**
 * S6: `credentials: 'omit'` — a browser signed in to the system sends no session cookie with an
 * anonymous form.
 */
async function post<T>(path: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new FormApiError(0, OFFLINE_MESSAGE);
  }
  const parsed = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!response.ok) {
    throw new FormApiError(
      response.status,
      parsed?.error?.message ?? 'Máy chủ không nhận yêu cầu. Hãy thử lại.',
    );
  }
  return parsed as T;
}

export const openForm = (code: string) => post<PhoneFormOpened>('/phone-form/open', { code });

export const submitForm = (code: string, selfCriticismId: string, form: FeedbackFormContentBody) =>
  post<{ ok: true; fullName: string }>('/phone-form/submit', { code, selfCriticismId, form });
