import type { App } from '../../http/context.js';

export async function entryRoutes(_app: App): Promise<void> {}
