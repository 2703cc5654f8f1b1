import type { Endpoint } from '../bad-input-catalogue.js';

/** Issue 11's plan endpoints for the bad-input catalogue (bad-input.test.ts walks every one). */
export const ENTRIES: Endpoint[] = [{ method: 'GET', path: '/plans/:id/workplaces/:workplaceId/masses' }];
