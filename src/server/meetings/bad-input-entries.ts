import type { Endpoint } from '../bad-input-catalogue.js';

/** This module's endpoints for the bad-input catalogue (bad-input.test.ts walks every one). */
export const ENTRIES: Endpoint[] = [
  {
    method: 'POST',
    path: '/plans/:planId/workplaces/:workplaceId/meeting',
    body: () => ({
      startsAt: '2026-11-10T08:00:00+07:00',
      endsAt: '2026-11-10T11:00:00+07:00',
      place: 'Hội trường',
      chairName: 'Nguyễn Văn A',
      secretaryAccountId: '00000000-0000-4000-8000-000000000000',
    }),
    bad: { in: 'body', field: 'endsAt', value: 'mai' },
  },
  { method: 'GET', path: '/plans/:planId/workplaces/:workplaceId/meeting' },
  { method: 'GET', path: '/meetings/:id' },
  {
    method: 'PUT',
    path: '/meetings/:id',
    body: () => ({
      version: 1,
      startsAt: '2026-11-10T08:00:00+07:00',
      endsAt: '2026-11-10T11:00:00+07:00',
      place: 'Hội trường',
      chairName: 'Nguyễn Văn A',
      secretaryAccountId: '00000000-0000-4000-8000-000000000000',
    }),
    bad: { in: 'body', field: 'startsAt', value: 'sáng mai' },
  },
  { method: 'GET', path: '/plans/:planId/workplaces/:workplaceId/meeting-candidates' },
  { method: 'GET', path: '/meetings', bad: { in: 'querystring', field: 'page', value: 'đầu' } },
  { method: 'GET', path: '/meetings/:id/attendance' },
  {
    method: 'PUT',
    path: '/meetings/:id/attendance',
    body: () => ({ version: 1, members: [], massesPresent: 5, massesPresentNames: [] }),
    bad: { in: 'body', field: 'massesPresent', value: -3 },
  },
  {
    method: 'POST',
    path: '/meetings/:id/attendance/:selfCriticismId/told',
    body: () => ({ note: 'Đã gặp trực tiếp' }),
    bad: { in: 'body', field: 'note', value: 7 },
  },
  { method: 'GET', path: '/me/absence-notices' },
];
