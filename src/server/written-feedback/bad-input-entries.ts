import type { Endpoint } from '../bad-input-catalogue.js';

const form = { strengths: { duties: 'Tận tụy.' }, shortcomings: {}, proposals: '' };

/** This module's endpoints for the bad-input catalogue (bad-input.test.ts walks every one). */
export const ENTRIES: Endpoint[] = [
  {
    method: 'GET',
    path: '/meetings/:id/feedback-forms.docx',
    bad: { in: 'querystring', field: 'prefilled', value: 'co' },
  },
  {
    method: 'GET',
    path: '/meetings/:id/feedback-forms.pdf',
    bad: { in: 'querystring', field: 'prefilled', value: 'co' },
  },
  {
    method: 'POST',
    path: '/meetings/:id/paper-forms',
    body: () => ({ selfCriticismId: '00000000-0000-4000-8000-000000000000', authorName: null, form }),
    bad: { in: 'body', field: 'selfCriticismId', value: 'khong-phai-ma' },
  },
  { method: 'GET', path: '/meetings/:id/written-forms' },
  { method: 'GET', path: '/me/feedback-meetings' },
  {
    method: 'POST',
    path: '/meetings/:id/online-forms',
    body: () => ({ selfCriticismId: '00000000-0000-4000-8000-000000000000', form }),
    bad: { in: 'body', field: 'form', value: 'chuỗi' },
  },
];
