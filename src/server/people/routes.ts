import type { App } from '../http/types.js';

export async function peopleRoutes(_app: App): Promise<void> {}
