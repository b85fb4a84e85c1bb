import type { App } from '../../http/context.js';

export async function userRoutes(_app: App): Promise<void> {}
