import type { Endpoint } from '../bad-input-catalogue.js';

/** This module's endpoints for the bad-input catalogue (bad-input.test.ts walks every one). */
export const ENTRIES: Endpoint[] = [
  { method: 'POST', path: '/meetings/:id/compilation' },
  { method: 'GET', path: '/meetings/:id/compilation' },
  { method: 'POST', path: '/meetings/:id/compilation/sync' },
  {
    method: 'POST',
    path: '/meetings/:id/compilation/finalize',
    body: () => ({ version: 1 }),
    bad: { in: 'body', field: 'version', value: 'một' },
  },
  {
    method: 'PATCH',
    path: '/compilation-points/:id',
    body: () => ({ version: 1, conclusion: 'accepted' }),
    bad: { in: 'body', field: 'responsibility', value: 'ca-nhan' },
  },
  {
    method: 'POST',
    path: '/compilation-points/:id/merge',
    body: () => ({ intoPointId: '00000000-0000-4000-8000-000000000000' }),
    bad: { in: 'body', field: 'intoPointId', value: 'diem' },
  },
  { method: 'POST', path: '/compilation-opinions/:feedbackId/split' },
  { method: 'GET', path: '/me/compiled-points' },
  { method: 'GET', path: '/meetings/:id/compilation.docx' },
  { method: 'GET', path: '/meetings/:id/compilation.pdf' },
];
