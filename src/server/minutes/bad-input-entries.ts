import type { Endpoint } from '../bad-input-catalogue.js';

/** This module's endpoints for the bad-input catalogue (bad-input.test.ts walks every one). */
export const ENTRIES: Endpoint[] = [
  { method: 'GET', path: '/meetings/:id/minutes' },
  {
    method: 'PUT',
    path: '/meetings/:id/minutes',
    body: () => ({ version: 1, draft: { openingRemarks: 'Tuyên bố lý do.' } }),
    bad: { in: 'body', field: 'version', value: 'một' },
  },
  {
    method: 'POST',
    path: '/meetings/:id/minutes/signatures',
    body: () => ({ capacity: 'chair', username: 'admin', password: 'x' }),
    bad: { in: 'body', field: 'capacity', value: 'vua' },
  },
  { method: 'POST', path: '/meetings/:id/minutes/signatures/paper', multipart: true },
  { method: 'DELETE', path: '/meetings/:id/minutes/signatures/:signatureId' },
  { method: 'GET', path: '/meetings/:id/minutes/signatures/:signatureId/scan' },
  {
    method: 'POST',
    path: '/meetings/:id/minutes/addenda',
    body: () => ({ text: 'Đính chính.' }),
    bad: { in: 'body', field: 'text', value: 5 },
  },
  { method: 'GET', path: '/meetings/:id/minutes.docx' },
  { method: 'GET', path: '/meetings/:id/minutes.pdf' },
];
