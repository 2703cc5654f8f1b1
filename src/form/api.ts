import type { FeedbackFormContentBody } from '../contract/feedback-form.js';
import type { PhoneFormOpened } from '../contract/phone-forms.js';
import { postAnonymously } from '../light/api.js';

const OFFLINE_MESSAGE =
  'Không kết nối được máy chủ. Phần bạn đã ghi vẫn được giữ trên máy này; hãy kiểm tra mạng rồi bấm gửi lại.';

export const openForm = (code: string) =>
  postAnonymously<PhoneFormOpened>('/phone-form/open', { code }, OFFLINE_MESSAGE);

export const submitForm = (code: string, selfCriticismId: string, form: FeedbackFormContentBody) =>
  postAnonymously<{ ok: true; fullName: string }>(
    '/phone-form/submit',
    { code, selfCriticismId, form },
    OFFLINE_MESSAGE,
  );
