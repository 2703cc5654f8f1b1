import type { App } from '../http/types.js';

export async function meetingRoutes(_app: App): Promise<void> {}
