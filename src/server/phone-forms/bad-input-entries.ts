import type { Endpoint } from '../bad-input-catalogue.js';

/** This module's endpoints for the bad-input catalogue (bad-input.test.ts walks every one). */
export const ENTRIES: Endpoint[] = [
  ...(['pdf', 'docx'] as const).map(
    (format): Endpoint => ({
      method: 'POST',
      path: `/meetings/:id/phone-codes/sheet.${format}`,
      body: () => ({ count: 10 }),
      bad: { in: 'body', field: 'count', value: 0 },
    }),
  ),
  { method: 'GET', path: '/meetings/:id/phone-codes' },
  {
    method: 'POST',
    path: '/meetings/:id/form-window/open',
    body: () => ({ endsAt: '2026-11-10T12:30:00+07:00' }),
    bad: { in: 'body', field: 'endsAt', value: 'chiều nay' },
  },
  { method: 'POST', path: '/meetings/:id/form-window/close' },
  { method: 'GET', path: '/meetings/:id/phone-forms' },
  {
    method: 'POST',
    path: '/phone-form/open',
    anonymous: true,
    body: () => ({ code: 'ABCDE-FGHJK' }),
    bad: { in: 'body', field: 'code', value: 5 },
  },
  {
    method: 'POST',
    path: '/phone-form/submit',
    anonymous: true,
    body: () => ({
      code: 'ABCDE-FGHJK',
      selfCriticismId: '00000000-0000-4000-8000-000000000000',
      form: { proposals: 'Đề xuất thử' },
    }),
    bad: { in: 'body', field: 'selfCriticismId', value: 'ai' },
  },
];
