import type { RemediationPlanView } from '../contract/remediation.js';

/** A refusal from the server, with its Vietnamese message. */
export class SuperviseApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** S6: `credentials: 'omit'` — a browser signed in to the system sends no session cookie here. */
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
    throw new SuperviseApiError(0, 'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.');
  }
  const parsed = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!response.ok) {
    throw new SuperviseApiError(
      response.status,
      parsed?.error?.message ?? 'Máy chủ không nhận yêu cầu. Hãy thử lại.',
    );
  }
  return parsed as T;
}

export const openPlan = (code: string) => post<RemediationPlanView>('/supervise/open', { code });

export const sendComment = (code: string, itemId: string, text: string) =>
  post<{ ok: true }>('/supervise/comment', { code, itemId, text });
