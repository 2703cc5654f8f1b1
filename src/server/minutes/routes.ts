import type { App } from '../http/types.js';

export async function minutesRoutes(_app: App): Promise<void> {}
