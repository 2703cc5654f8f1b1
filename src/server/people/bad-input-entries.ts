import type { Endpoint } from '../bad-input-catalogue.js';

/** Issue 11's roster endpoints for the bad-input catalogue (bad-input.test.ts walks every one). */
export const ENTRIES: Endpoint[] = [
  {
    method: 'POST',
    path: '/people/:id/leaving',
    body: () => ({ version: 1, leftOn: '2026-06-30', leavingReason: 'Nghỉ hưu' }),
    bad: { in: 'body', field: 'leftOn', value: '30/06/2026' },
  },
  {
    method: 'DELETE',
    path: '/people/:id/leaving',
    query: 'version=1',
    bad: { in: 'querystring', field: 'version', value: 'hai' },
  },
  {
    method: 'POST',
    path: '/people/:id/return',
    body: () => ({ version: 1, startedOn: '2026-09-01' }),
    bad: { in: 'body', field: 'startedOn', value: 'mai' },
  },
];
