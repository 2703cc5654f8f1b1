import type { App } from '../http/types.js';

export async function accountRoutes(_app: App): Promise<void> {}
