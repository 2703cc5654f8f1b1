import type { Endpoint } from '../bad-input-catalogue.js';

/** This module's endpoints for the bad-input catalogue (bad-input.test.ts walks every one). */
export const ENTRIES: Endpoint[] = [
  { method: 'GET', path: '/plans/:planId/organizations/:organizationId/report' },
  {
    method: 'PUT',
    path: '/reports/:id',
    body: () => ({ version: 1, narrative: { results: 'Kết quả', strengths: '', limits: '', proposals: '' } }),
    bad: { in: 'body', field: 'narrative', value: 'văn bản' },
  },
  {
    method: 'POST',
    path: '/reports/:id/submit',
    body: () => ({ version: 1 }),
    bad: { in: 'body', field: 'version', value: 'một' },
  },
  {
    method: 'POST',
    path: '/reports/:id/reopen',
    body: () => ({ version: 1, reason: 'Số liệu chưa đúng' }),
    bad: { in: 'body', field: 'reason', value: '' },
  },
  {
    method: 'GET',
    path: '/plans/:id/reports',
    bad: { in: 'querystring', field: 'organizationId', value: 'khong-phai-ma' },
  },
  { method: 'GET', path: '/reports/:id/document.docx' },
  { method: 'GET', path: '/reports/:id/document.pdf' },
  { method: 'GET', path: '/reports/:id/figures.xlsx' },
];
