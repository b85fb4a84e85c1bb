import type { App } from '../../http/context.js';

export async function entryListRoutes(_app: App): Promise<void> {}
