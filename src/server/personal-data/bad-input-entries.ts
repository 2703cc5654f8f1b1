import type { Endpoint } from '../bad-input-catalogue.js';

/** A person's data under Decree 13/2023 (issue 13), for the bad-input catalogue. */
export const ENTRIES: Endpoint[] = [
  { method: 'GET', path: '/people/:id/personal-data' },
  { method: 'GET', path: '/people/:id/personal-data.json' },
  { method: 'GET', path: '/people/:id/personal-data.xlsx' },
  {
    method: 'POST',
    path: '/people/:id/erasure',
    body: () => ({ version: 1 }),
    bad: { in: 'body', field: 'version', value: 'một' },
  },
];
