import type { Endpoint } from '../bad-input-catalogue.js';

/** Issue 16's endpoints for the bad-input catalogue (bad-input.test.ts walks every one). */
export const ENTRIES: Endpoint[] = [
  { method: 'GET', path: '/province-workbook/template' },
  { method: 'GET', path: '/organizations/:id/province-workbook.xlsx' },
  { method: 'POST', path: '/organizations/:id/province-imports', multipart: true },
  { method: 'GET', path: '/province-imports/:id' },
  { method: 'POST', path: '/province-imports/:id/apply', body: () => ({}) },
  {
    method: 'POST',
    path: '/organizations/:id/bulk-accounts/preview',
    body: () => ({ includeOfficeHolders: true }),
    bad: { in: 'body', field: 'includeOfficeHolders', value: 'có' },
  },
  {
    method: 'POST',
    path: '/organizations/:id/bulk-accounts',
    body: () => ({ includeOfficeHolders: false }),
    bad: { in: 'body', field: 'personIds', value: 'khong-phai-danh-sach' },
  },
  {
    method: 'POST',
    path: '/accounts/:id/one-time-password',
    query: 'format=pdf',
    bad: { in: 'querystring', field: 'format', value: 'xls' },
  },
];
