import type { App } from '../../http/context.js';

export async function unitRoutes(_app: App): Promise<void> {}
