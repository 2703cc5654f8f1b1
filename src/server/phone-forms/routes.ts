import type { App } from '../http/types.js';

export async function phoneFormRoutes(_app: App): Promise<void> {}
