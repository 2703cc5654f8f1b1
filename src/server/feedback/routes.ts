import type { App } from '../http/types.js';

export async function feedbackRoutes(_app: App): Promise<void> {}
