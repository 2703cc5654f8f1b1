import type { RemediationPlanView } from '../contract/remediation.js';
import { postAnonymously } from '../light/api.js';

const OFFLINE_MESSAGE = 'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.';

export const openPlan = (code: string) =>
  postAnonymously<RemediationPlanView>('/supervise/open', { code }, OFFLINE_MESSAGE);

export const sendComment = (code: string, itemId: string, text: string) =>
  postAnonymously<{ ok: true }>('/supervise/comment', { code, itemId, text }, OFFLINE_MESSAGE);
