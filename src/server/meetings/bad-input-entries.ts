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
];
