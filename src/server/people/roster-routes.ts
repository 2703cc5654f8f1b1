import type { App } from '../http/types.js';

export async function rosterRoutes(_app: App): Promise<void> {}
