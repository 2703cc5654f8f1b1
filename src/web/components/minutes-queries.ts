import type { MinutesView } from '../../contract/minutes.js';
import { ApiError } from '../api.js';

export const minutesKey = (meetingId: string) => ['minutes', meetingId] as const;

/** A paper signature: its fields and the scan in one multipart request. */
export async function uploadPaperSignature(
  meetingId: string,
  fields: { capacity: string; signerName: string },
  file: File,
): Promise<MinutesView> {
  const form = new FormData();
  form.append('capacity', fields.capacity);
  form.append('signerName', fields.signerName);
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/v1/meetings/${meetingId}/minutes/signatures/paper`, {
      method: 'POST',
      credentials: 'same-origin',
      body: form,
    });
  } catch {
    throw new ApiError(0, 'network', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  }
  const payload = (await response.json().catch(() => ({}))) as {
    error?: { code?: string; message?: string };
  };
  if (!response.ok) {
    throw new ApiError(
      response.status,
      payload.error?.code ?? 'error',
      payload.error?.message ?? `Máy chủ trả lỗi ${response.status}.`,
    );
  }
  return payload as MinutesView;
}
