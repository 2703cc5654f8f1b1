import type { Endpoint } from '../bad-input-catalogue.js';

/** The signed-in person's own sessions and two-factor sign-in (issue 13), for the bad-input catalogue. */
export const ENTRIES: Endpoint[] = [
  { method: 'GET', path: '/me/sessions' },
  { method: 'DELETE', path: '/me/sessions' },
  { method: 'DELETE', path: '/me/sessions/:id' },
  { method: 'GET', path: '/me/second-factor' },
  { method: 'POST', path: '/me/second-factor/enrolment' },
  {
    method: 'POST',
    path: '/me/second-factor/confirmation',
    body: () => ({ code: '123456' }),
    bad: { in: 'body', field: 'code', value: '12ab56' },
  },
  {
    method: 'POST',
    path: '/me/second-factor/recovery-codes',
    body: () => ({ password: 'mat-khau' }),
    bad: { in: 'body', field: 'password', value: 5 },
  },
  {
    method: 'DELETE',
    path: '/me/second-factor',
    body: () => ({ password: 'mat-khau' }),
    bad: { in: 'body', field: 'password', value: '' },
  },
];
