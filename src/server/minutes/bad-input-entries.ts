import type { Endpoint } from '../bad-input-catalogue.js';

/** This module's endpoints for the bad-input catalogue (bad-input.test.ts walks every one). */
export const ENTRIES: Endpoint[] = [];
