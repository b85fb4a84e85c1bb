import type { App } from '../../http/context.js';

export async function entryExcelRoutes(_app: App): Promise<void> {}
