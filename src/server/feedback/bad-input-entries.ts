import type { Endpoint } from '../bad-input-catalogue.js';

const opinion = {
  selfCriticismId: null,
  area: 'duties',
  kind: 'strength',
  text: 'Đồng chí làm việc tận tụy.',
  speakerName: null,
  dissenting: false,
};

/** This module's endpoints for the bad-input catalogue (bad-input.test.ts walks every one). */
export const ENTRIES: Endpoint[] = [
  { method: 'GET', path: '/meetings/:id/live', bad: { in: 'querystring', field: 'after', value: 'hôm qua' } },
  {
    method: 'POST',
    path: '/meetings/:id/feedback',
    body: () => ({ id: '00000000-0000-4000-8000-000000000001', ...opinion }),
    bad: { in: 'body', field: 'kind', value: 'khen' },
  },
  {
    method: 'PUT',
    path: '/feedback/:id',
    body: () => ({ ...opinion, version: 1 }),
    bad: { in: 'body', field: 'text', value: '' },
  },
  {
    method: 'DELETE',
    path: '/feedback/:id',
    query: 'version=1',
    bad: { in: 'querystring', field: 'version', value: 'một' },
  },
  {
    method: 'PUT',
    path: '/meetings/:id/responses',
    body: () => ({ selfCriticismId: null, text: 'Chi bộ tiếp thu.' }),
    bad: { in: 'body', field: 'selfCriticismId', value: 'tap-the' },
  },
  {
    method: 'PUT',
    path: '/meetings/:id/agenda',
    body: () => ({ step: 'opening', version: 1 }),
    bad: { in: 'body', field: 'step', value: 'giua-gio' },
  },
];
