import type { App } from '../http/types.js';

export async function writtenFeedbackRoutes(_app: App): Promise<void> {}
