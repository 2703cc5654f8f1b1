import type { App } from '../http/types.js';

export async function auditRoutes(_app: App): Promise<void> {}
