import type { Endpoint } from '../bad-input-catalogue.js';

/** This module's endpoints for the bad-input catalogue (bad-input.test.ts walks every one). */
export const ENTRIES: Endpoint[] = [
  {
    method: 'GET',
    path: '/plans/:id/year-end/members',
    bad: { in: 'querystring', field: 'page', value: 'mot' },
  },
  {
    method: 'GET',
    path: '/plans/:id/year-end/members.xlsx',
    bad: { in: 'querystring', field: 'organizationId', value: 'khong-phai-ma' },
  },
  {
    method: 'GET',
    path: '/plans/:id/year-end/organizations',
    bad: { in: 'querystring', field: 'organizationId', value: '12' },
  },
  {
    method: 'GET',
    path: '/plans/:id/year-end/organizations.xlsx',
    bad: { in: 'querystring', field: 'organizationId', value: 'to-chuc' },
  },
];
