/** A refusal from the server, with its Vietnamese message (status 0: the server was not reached). */
export class LightApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * POST for the anonymous light pages. S6: `credentials: 'omit'` — a browser signed in to the
 * system sends no session cookie with what the page sends.
 */
export async function postAnonymously<T>(path: string, body: unknown, offlineMessage: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new LightApiError(0, offlineMessage);
  }
  const parsed = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!response.ok) {
    throw new LightApiError(
      response.status,
      parsed?.error?.message ?? 'Máy chủ không nhận yêu cầu. Hãy thử lại.',
    );
  }
  return parsed as T;
}
