import type { App } from '../../http/context.js';

export async function reviewRoutes(_app: App): Promise<void> {}
